//! A forgotten password: the request answers at once and the same for everyone; the lookup
//! and the e-mail (a reset link, or "contact an administrator" for a locked account) happen
//! in the background, in the account's language whoever asks.

use passguard_wire::EventAction;

use super::names::{email_key, username_key};
use super::{Accounts, Error, Rules};
use crate::mail;

impl Accounts {
    /// Sends `name`'s account (a username, or the accounts of an e-mail address) what helps
    /// it recover, in the background.
    pub(crate) fn forgot(&self, name: String) {
        let accounts = self.clone();
        self.spawn_background("forgotten-password e-mail", async move {
            accounts.send_recovery(&name).await
        });
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
            if Rules::of(&policy).is_locked(user, now) {
                let message = mail::locked(user.locale, &user.username, self.contact_of(user));
                self.mailer().send(&user.email, message).await?;
            } else {
                let event = self.event(user, EventAction::ResetRequested, &user.username);
                self.send_reset_link(user, now, &event).await?;
            }
        }
        Ok(())
    }
}
