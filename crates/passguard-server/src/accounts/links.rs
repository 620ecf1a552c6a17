//! E-mailed links: invitations with their registration link, reset links, and which links
//! may still be redeemed (unknown, used and expired ones each say so).

use passguard_i18n::Locale;
use passguard_wire::{Invitation, ResetQuestions};

use super::names::{email_key, username_key, validate_email, validate_username};
use super::{Accounts, Error};
use crate::mail;
use crate::model::{LinkPurpose, Role};
use crate::store::{InvitedUser, NewSecret, User};
use crate::tokens;

/// A link that may be redeemed now, and its account.
#[derive(Debug, Clone)]
pub(crate) struct Redeemable {
    /// The link's public selector: consumed with the new password, if still unused then.
    pub(crate) selector: String,
    pub(crate) user: User,
}

impl Accounts {
    /// The link `token` for `purpose` and its account, when it is known, unused and
    /// unexpired (it lives until `expires_at` inclusive).
    pub(crate) async fn redeemable(
        &self,
        token: &str,
        purpose: LinkPurpose,
    ) -> Result<Redeemable, Error> {
        let presented = tokens::parse(token).ok_or(Error::TokenUnknown)?;
        let link = self
            .store()
            .link(&presented.selector)
            .await?
            .filter(|link| presented.matches(&link.verifier_hash) && link.purpose == purpose)
            .ok_or(Error::TokenUnknown)?;
        if link.used_at.is_some() {
            return Err(Error::TokenUsed);
        }
        if self.clock().now() > link.expires_at {
            return Err(Error::TokenExpired);
        }
        let user = self
            .store()
            .user_by_id(link.user_id)
            .await?
            .ok_or(Error::TokenUnknown)?;
        Ok(Redeemable {
            selector: presented.selector,
            user,
        })
    }

    /// What a registration link shows before registering.
    pub(crate) async fn invitation(&self, token: &str) -> Result<Invitation, Error> {
        let link = self.redeemable(token, LinkPurpose::Register).await?;
        Ok(Invitation {
            username: link.user.username,
            email: link.user.email,
            security_questions: self.policy().reset.security_questions,
        })
    }

    /// What a reset link shows before the answers: the account's questions.
    pub(crate) async fn reset_questions(&self, token: &str) -> Result<ResetQuestions, Error> {
        let link = self.redeemable(token, LinkPurpose::Reset).await?;
        let questions = self.store().security_answers(link.user.id).await?;
        Ok(ResetQuestions {
            username: link.user.username,
            security_questions: questions.into_iter().map(|(q, _)| q).collect(),
        })
    }

    /// Invites an account with `role` and e-mails its registration link; returns the link.
    /// With `reissue`, an account that is still only invited gets a new link (replacing the
    /// old). The e-mail is in English for a new account, and in its language for a reissue.
    ///
    /// # Errors
    /// [`Error::InvalidUsername`], [`Error::InvalidEmail`]; [`Error::Exists`] when the
    /// username is taken (by a registered account, or by an invited one without `reissue`);
    /// a failure of the database, the CSPRNG or the mail.
    pub async fn invite(
        &self,
        username: &str,
        email: &str,
        role: Role,
        reissue: bool,
    ) -> Result<String, Error> {
        self.invite_in(username, email, role, reissue, None).await
    }

    /// [`Accounts::invite`], the e-mail in `locale` (the inviting administrator's), which
    /// also becomes a new account's language until its owner registers.
    pub(crate) async fn invite_in(
        &self,
        username: &str,
        email: &str,
        role: Role,
        reissue: bool,
        locale: Option<Locale>,
    ) -> Result<String, Error> {
        let username = validate_username(username)?;
        let email = validate_email(email)?;
        let key = username_key(&username);
        let now = self.clock().now();
        let token = tokens::generate()?;
        let expires_at = now.saturating_add(self.policy().reset.token_lifetime.as_secs_i64());
        let existing = self.store().user_by_key(&key).await?;
        let exists = || Error::Exists {
            username: username.clone(),
        };
        let user_id = match &existing {
            Some(user) if reissue && user.password_hash.is_none() => user.id,
            Some(_) => return Err(exists()),
            None => tokens::new_id()?,
        };
        let link = NewSecret {
            selector: &token.selector,
            verifier_hash: &token.verifier_hash,
            user_id,
            now,
            expires_at,
        };
        let (to, name, locale) = match &existing {
            Some(user) => {
                self.store()
                    .replace_link(&link, LinkPurpose::Register)
                    .await?;
                (
                    user.email.clone(),
                    user.username.clone(),
                    locale.unwrap_or(user.locale),
                )
            }
            None => {
                let invited = InvitedUser {
                    username: &username,
                    username_key: &key,
                    email: &email,
                    email_key: &email_key(&email),
                    role,
                    locale: locale.unwrap_or_default(),
                };
                if !self.store().invite(&invited, &link).await? {
                    return Err(exists());
                }
                (email.clone(), username.clone(), invited.locale)
            }
        };
        let url = self.link_url(LinkPurpose::Register, &token.text);
        let times = mail::LinkTimes { now, expires_at };
        let message = mail::invitation(locale, &name, &url, times, self.support_contact());
        self.mailer().send(&to, message).await?;
        Ok(url)
    }

    /// Creates a reset link, replacing the user's older ones; returns its URL and expiry.
    pub(crate) async fn new_reset_link(
        &self,
        user: &User,
        now: i64,
    ) -> Result<(String, i64), Error> {
        let token = tokens::generate()?;
        let expires_at = now.saturating_add(self.policy().reset.token_lifetime.as_secs_i64());
        let link = NewSecret {
            selector: &token.selector,
            verifier_hash: &token.verifier_hash,
            user_id: user.id,
            now,
            expires_at,
        };
        self.store().replace_link(&link, LinkPurpose::Reset).await?;
        Ok((self.link_url(LinkPurpose::Reset, &token.text), expires_at))
    }

    /// Creates a reset link (replacing older ones) and e-mails it in the account's language.
    pub(crate) async fn send_reset_link(&self, user: &User, now: i64) -> Result<(), Error> {
        let (url, expires_at) = self.new_reset_link(user, now).await?;
        let times = mail::LinkTimes { now, expires_at };
        let message = mail::reset_link(
            user.locale,
            &user.username,
            &url,
            times,
            self.support_contact(),
        );
        Ok(self.mailer().send(&user.email, message).await?)
    }
}
