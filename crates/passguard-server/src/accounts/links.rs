//! E-mailed links: invitations with their registration link, reset links, and which links
//! may still be redeemed (unknown, used and expired ones each say so).

use passguard_i18n::Locale;
use passguard_wire::{EventAction, ResetQuestions};

use super::names::{email_key, username_key, validate_email, validate_username};
use super::{Accounts, Error};
use crate::mail;
use crate::model::{LinkPurpose, Role};
use crate::store::{InvitedUser, NewEvent, NewSecret, OrgRow, User};
use crate::tokens;

/// An invitation to make.
pub(crate) struct Invitation<'a> {
    pub(crate) username: &'a str,
    pub(crate) email: &'a str,
    pub(crate) role: Role,
    pub(crate) org: Option<&'a OrgRow>,
    /// Renew the link of an account that is still only invited.
    pub(crate) reissue: bool,
    /// The e-mail's language (the inviting administrator's); the account's on a reissue.
    pub(crate) locale: Option<Locale>,
    /// Who invites, for the event log.
    pub(crate) actor: &'a str,
}

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
    pub(crate) async fn invitation(
        &self,
        token: &str,
    ) -> Result<passguard_wire::Invitation, Error> {
        let link = self.redeemable(token, LinkPurpose::Register).await?;
        let policy = self.policy_of(&link.user)?;
        Ok(passguard_wire::Invitation {
            username: link.user.username,
            email: link.user.email,
            security_questions: policy.reset.security_questions,
        })
    }

    /// The policy in force for the account of link `token` (either purpose), as long as the
    /// link may be redeemed.
    pub(crate) async fn policy_for_link(
        &self,
        token: &str,
    ) -> Result<std::sync::Arc<passguard_policy::Policy>, Error> {
        let link = match self.redeemable(token, LinkPurpose::Register).await {
            Err(Error::TokenUnknown) => self.redeemable(token, LinkPurpose::Reset).await?,
            other => other?,
        };
        self.policy_of(&link.user)
    }

    /// What a reset link shows before the answers: the account's questions.
    pub(crate) async fn reset_questions(&self, token: &str) -> Result<ResetQuestions, Error> {
        let link = self.redeemable(token, LinkPurpose::Reset).await?;
        let questions = self.store().security_answers(link.user.id).await?;
        let most = self
            .policy_of(&link.user)?
            .lockout
            .max_failed_security_answers;
        let attempts_left = (most > 0).then(|| {
            let failed = u32::try_from(link.user.failed_answers.max(0)).unwrap_or(u32::MAX);
            most.saturating_sub(failed)
        });
        Ok(ResetQuestions {
            username: link.user.username,
            security_questions: questions.into_iter().map(|(q, _)| q).collect(),
            attempts_left,
        })
    }

    /// Invites an account with `role` into `org` (by slug) and e-mails its registration
    /// link; returns the link. With `reissue`, an account that is still only invited gets a
    /// new link (replacing the old). The command line's way in: the event log says
    /// `command-line` did it. The e-mail is in English for a new account, and in its language
    /// for a reissue.
    ///
    /// # Errors
    /// [`Error::InvalidUsername`], [`Error::InvalidEmail`]; [`Error::Exists`] when the
    /// username is taken (by a registered account, or by an invited one without `reissue`);
    /// [`Error::NoSuchOrg`], [`Error::OrgRequired`] or [`Error::AdminInOrg`] when `org` does
    /// not fit `role`; a failure of the database, the CSPRNG or the mail.
    pub async fn invite(
        &self,
        username: &str,
        email: &str,
        role: Role,
        org: Option<&str>,
        reissue: bool,
    ) -> Result<String, Error> {
        let org = match org {
            Some(slug) => Some(
                self.store()
                    .org_by_slug(slug)
                    .await?
                    .ok_or(Error::NoSuchOrg)?,
            ),
            None => None,
        };
        match (role, &org) {
            (Role::Admin, Some(_)) => return Err(Error::AdminInOrg),
            (Role::OrgAdmin, None) => return Err(Error::OrgRequired),
            _ => {}
        }
        let invitation = Invitation {
            username,
            email,
            role,
            org: org.as_ref(),
            reissue,
            locale: None,
            actor: "command-line",
        };
        self.invite_as(invitation).await
    }

    /// Makes (or with `reissue` renews) an invitation and e-mails its link; returns the link.
    pub(crate) async fn invite_as(&self, invitation: Invitation<'_>) -> Result<String, Error> {
        let username = validate_username(invitation.username)?;
        let email = validate_email(invitation.email)?;
        let key = username_key(&username);
        let now = self.clock().now();
        let token = tokens::generate()?;
        let existing = self.store().user_by_key(&key).await?;
        let exists = || Error::Exists {
            username: username.clone(),
        };
        let user_id = match &existing {
            Some(user) if invitation.reissue && user.password_hash.is_none() => user.id,
            Some(_) => return Err(exists()),
            None => tokens::new_id()?,
        };
        let org = existing
            .as_ref()
            .map_or(invitation.org, |user| user.org.as_ref());
        let policy = self.policy_in(org)?;
        let expires_at = now.saturating_add(policy.reset.token_lifetime.as_secs_i64());
        let link = NewSecret {
            selector: &token.selector,
            verifier_hash: &token.verifier_hash,
            user_id,
            now,
            expires_at,
        };
        let (to, name, locale) = match &existing {
            Some(user) => {
                let event = self.event(user, EventAction::Invited, invitation.actor);
                self.store()
                    .replace_link(
                        &link,
                        LinkPurpose::Register,
                        &event.saying("again".to_owned()),
                    )
                    .await?;
                (
                    user.email.clone(),
                    user.username.clone(),
                    invitation.locale.unwrap_or(user.locale),
                )
            }
            None => {
                let invited = InvitedUser {
                    username: &username,
                    username_key: &key,
                    email: &email,
                    email_key: &email_key(&email),
                    role: invitation.role,
                    org_id: org.map(|o| o.id),
                    locale: invitation.locale.unwrap_or_default(),
                };
                let detail = match org {
                    Some(org) => format!("role {} in {}", invitation.role, org.slug),
                    None => format!("role {}", invitation.role),
                };
                let event = NewEvent {
                    at: now,
                    actor: invitation.actor.to_owned(),
                    action: EventAction::Invited,
                    username: username.clone(),
                    username_key: key.clone(),
                    org_id: org.map(|o| o.id),
                    org: org.map(|o| o.slug.clone()),
                    detail: Some(detail),
                };
                if !self.store().invite(&invited, &link, &event).await? {
                    return Err(exists());
                }
                (email.clone(), username.clone(), invited.locale)
            }
        };
        let url = self.link_url(LinkPurpose::Register, &token.text);
        let times = mail::LinkTimes { now, expires_at };
        let head = self.letterhead_in(org, locale);
        // The command line is nobody a recipient knows.
        let inviter = (invitation.actor != "command-line").then_some(invitation.actor);
        let message = mail::invitation(locale, &name, &url, times, &head, inviter);
        self.mailer().send(&to, message).await?;
        Ok(url)
    }

    /// Creates a reset link, replacing the user's older ones; returns its URL and expiry.
    /// `event` records why (asked for, sent by an administrator, an expiry notice).
    pub(crate) async fn new_reset_link(
        &self,
        user: &User,
        now: i64,
        event: &NewEvent,
    ) -> Result<(String, i64), Error> {
        self.new_link(user, LinkPurpose::Reset, now, event).await
    }

    /// Creates a link for `purpose` that lives as long as the account's policy says links
    /// do, replacing the user's older ones of that purpose; returns its URL and expiry.
    pub(crate) async fn new_link(
        &self,
        user: &User,
        purpose: LinkPurpose,
        now: i64,
        event: &NewEvent,
    ) -> Result<(String, i64), Error> {
        let token = tokens::generate()?;
        let lifetime = self.policy_of(user)?.reset.token_lifetime;
        let expires_at = now.saturating_add(lifetime.as_secs_i64());
        let link = NewSecret {
            selector: &token.selector,
            verifier_hash: &token.verifier_hash,
            user_id: user.id,
            now,
            expires_at,
        };
        self.store().replace_link(&link, purpose, event).await?;
        Ok((self.link_url(purpose, &token.text), expires_at))
    }

    /// Creates a reset link (replacing older ones) and e-mails it in the account's language.
    pub(crate) async fn send_reset_link(
        &self,
        user: &User,
        now: i64,
        event: &NewEvent,
    ) -> Result<(), Error> {
        let (url, expires_at) = self.new_reset_link(user, now, event).await?;
        let times = mail::LinkTimes { now, expires_at };
        let by_admin = (event.action == EventAction::ResetByAdmin).then_some(event.actor.as_str());
        let message = mail::reset_link(
            user.locale,
            &user.username,
            &url,
            times,
            &self.letterhead(user),
            by_admin,
        );
        Ok(self.mailer().send(&user.email, message).await?)
    }
}
