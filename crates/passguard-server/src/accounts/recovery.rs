//! A forgotten password: the request answers at once and the same for everyone; the lookup
//! and the e-mail (a reset link, or "contact an administrator" for a locked account) happen
//! in the background, in the account's language whoever asks.
//!
//! A client may ask `forgot_per_client` times (429 past it, whatever the name); an account
//! receives at most `forgot_per_account` e-mails (past it nothing is sent, the answer is the
//! same); and a link younger than [`super::limits::LINK_GRACE`] is not replaced, so asking
//! again and again cannot keep the owner's link dead.

use passguard_wire::EventAction;

use super::names::{email_key, username_key};
use super::{Accounts, Budget, Error, Rules};
use crate::client::ClientKey;
use crate::mail;
use crate::store::User;

impl Accounts {
    /// Sends `name`'s account (a username, or the accounts of an e-mail address) what helps
    /// it recover, in the background.
    ///
    /// # Errors
    /// [`Error::RateLimited`] when `client` asked too often.
    pub(crate) async fn forgot(&self, client: &ClientKey, name: String) -> Result<(), Error> {
        let _counted = self.take_for(Budget::ForgotClient, client).await?;
        let accounts = self.clone();
        self.spawn_background("forgotten-password e-mail", async move {
            accounts.send_recovery(&name).await
        });
        Ok(())
    }

    async fn send_recovery(&self, name: &str) -> Result<(), Error> {
        let store = self.store();
        let mut users = store
            .user_by_key(&username_key(name))
            .await?
            .into_iter()
            .collect::<Vec<_>>();
        if users.is_empty() {
            users = store.users_by_email_key(&email_key(name)).await?;
        }
        let now = self.clock().now();
        let registered = users
            .iter()
            .filter(|user| user.password_hash.is_some() && user.disabled_at.is_none());
        for user in registered {
            let policy = self.policy_of(user)?;
            let rules = Rules::of(&policy);
            if rules.is_locked(user, now) && !rules.reset_lifts_lock(user) {
                if self.e_mail_allowed(user).await? {
                    let message = mail::locked(user.locale, &user.username, &self.letterhead(user));
                    self.mailer().send(&user.email, message).await?;
                }
            } else {
                let Some(grace) = self
                    .try_take(Budget::ResetGrace, &user.id.to_string())
                    .await?
                else {
                    // A link younger than the grace is left alone.
                    continue;
                };
                if !self.e_mail_allowed(user).await? {
                    // Never replace a link without sending the new one.
                    self.give_back(grace).await?;
                    continue;
                }
                let event = self.event(user, EventAction::ResetRequested, &user.username);
                self.send_reset_link(user, now, &event).await?;
            }
        }
        Ok(())
    }

    /// Whether `user` may receive one more e-mail of recovery or lock (it is counted).
    pub(super) async fn e_mail_allowed(&self, user: &User) -> Result<bool, Error> {
        Ok(self
            .try_take(Budget::ForgotAccount, &user.id.to_string())
            .await?
            .is_some())
    }
}
