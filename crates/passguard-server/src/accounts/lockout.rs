//! What a lock does besides refusing. The account's sessions end with it (in the statement
//! that sets it); the owner is e-mailed when the policy says `notify = true`, and always
//! with `unlock = "email"`, whose lock e-mail carries a single-use unlock link; and the link
//! lifts the lock. The e-mail counts toward the account's `forgot_per_account` budget, so
//! locking an account again and again cannot flood its mailbox.

use passguard_policy::Unlock;
use passguard_wire::{Done, EventAction};

use super::{Accounts, Error, Rules};
use crate::mail::{self, Unlocking};
use crate::model::LinkPurpose;
use crate::store::{LockState, User};

impl Accounts {
    /// After a failure of `user`: when it locked the account just now, the lock e-mail
    /// goes out in the background (if the policy sends one).
    pub(crate) fn after_failure(&self, user: &User, rules: Rules<'_>, lock: LockState) {
        if !lock.locked_now || !rules.lock_mail() {
            return;
        }
        let accounts = self.clone();
        let user = user.clone();
        self.spawn_background("lock e-mail", async move {
            accounts.send_lock_mail(&user).await
        });
    }

    async fn send_lock_mail(&self, user: &User) -> Result<(), Error> {
        if !self.e_mail_allowed(user).await? {
            return Ok(());
        }
        let policy = self.policy_of(user)?;
        let now = self.clock().now();
        let unlocking = match policy.lockout.unlock {
            Unlock::Admin => Unlocking::Admin,
            Unlock::After(duration) => Unlocking::At(now.saturating_add(duration.as_secs_i64())),
            Unlock::Email => {
                let event = self
                    .event(user, EventAction::Locked, "system")
                    .saying("unlock link sent".to_owned());
                let (url, expires_at) = self
                    .new_link(user, LinkPurpose::Unlock, now, &event)
                    .await?;
                Unlocking::Link {
                    url,
                    times: mail::LinkTimes { now, expires_at },
                }
            }
        };
        let message = mail::lock_notice(
            user.locale,
            &user.username,
            now,
            &unlocking,
            &self.letterhead(user),
        );
        Ok(self.mailer().send(&user.email, message).await?)
    }

    /// Lifts the lock of the account of unlock link `token`, and spends the link.
    ///
    /// # Errors
    /// [`Error::TokenUnknown`], [`Error::TokenExpired`] or [`Error::TokenUsed`].
    pub(crate) async fn unlock_by_link(&self, token: &str) -> Result<Done, Error> {
        let link = self.redeemable(token, LinkPurpose::Unlock).await?;
        let user = link.user;
        let event = self
            .event(&user, EventAction::Unlocked, &user.username)
            .saying("unlock link".to_owned());
        let now = self.clock().now();
        if !self
            .store()
            .unlock_by_link(user.id, &link.selector, now, &event)
            .await?
        {
            return Err(Error::TokenUsed);
        }
        Ok(Done {
            username: user.username,
        })
    }
}
