//! The domain layer: the account rules and workflows of SPEC §4 (invite, register, sign in,
//! change, forget and reset a password, administer), over the store, the Argon2 pool, the
//! clock and the mailer. It speaks no HTTP: every operation answers a value or an [`Error`]
//! that keeps its cause, and the HTTP layer (`api`) turns that into an answer in one place.
//!
//! Registration, change and reset share one workflow ([`password`]): prove the right to
//! choose, check with the engine, hash, and store under a guard, in that order.

mod admin;
mod error;
mod links;
mod login;
mod names;
mod password;
mod recovery;
mod rules;
mod sessions;

use std::sync::Arc;

use passguard_policy::Policy;
use tokio::sync::Semaphore;
use url::Url;

use crate::clock::Clock;
use crate::config::{Config, ConfigError, Notices};
use crate::hashing::Hasher;
use crate::mail::Mailer;
use crate::model::{LinkPurpose, Role};
use crate::store::Store;

pub use admin::Administrator;
pub use error::{Error, QuestionsProblem};
pub(crate) use login::Login;
pub(crate) use password::MAX_QUESTION_CHARS;
pub(crate) use rules::Rules;
pub(crate) use sessions::{NewSession, Session};

/// Background jobs (forgotten-password e-mails) that may run at once; more are dropped
/// with a warning rather than queued without bound.
const BACKGROUND_JOBS: usize = 64;

/// The accounts of one site under one policy. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Accounts {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    policy: Arc<Policy>,
    /// The public base URL, ending in `/`: every e-mailed link starts with it.
    public_url: Url,
    support_contact: String,
    notices: Notices,
    session_lifetime: i64,
    store: Store,
    hasher: Hasher,
    clock: Clock,
    mailer: Mailer,
    background: Arc<Semaphore>,
}

impl Accounts {
    /// The accounts of `config`'s policy over an open `store`, with links under `public_url`.
    ///
    /// # Errors
    /// When the hashing parameters or the mail settings are unusable.
    pub fn new(
        config: &Config,
        public_url: Url,
        store: Store,
        clock: Clock,
    ) -> Result<Self, ConfigError> {
        let hasher = Hasher::new(&config.hashing)?;
        let mailer = Mailer::new(&config.mail)?;
        let mut public_url = public_url;
        if !public_url.path().ends_with('/') {
            let path = format!("{}/", public_url.path());
            public_url.set_path(&path);
        }
        Ok(Self {
            inner: Arc::new(Inner {
                policy: Arc::new(config.policy.clone()),
                public_url,
                support_contact: config.support_contact.clone(),
                notices: config.notices.clone(),
                session_lifetime: config.session_lifetime,
                store,
                hasher,
                clock,
                mailer,
                background: Arc::new(Semaphore::new(BACKGROUND_JOBS)),
            }),
        })
    }

    /// The clock in use.
    #[must_use]
    pub fn clock(&self) -> &Clock {
        &self.inner.clock
    }

    /// The hashing pool (its counters show how much Argon2 work was done).
    #[must_use]
    pub fn hasher(&self) -> &Hasher {
        &self.inner.hasher
    }

    /// The database.
    #[must_use]
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// The public base URL, ending in `/`.
    #[must_use]
    pub fn public_url(&self) -> &Url {
        &self.inner.public_url
    }

    /// The policy in force.
    #[must_use]
    pub fn policy(&self) -> &Arc<Policy> {
        &self.inner.policy
    }

    pub(crate) fn rules(&self) -> Rules<'_> {
        Rules::of(&self.inner.policy)
    }

    pub(crate) fn mailer(&self) -> &Mailer {
        &self.inner.mailer
    }

    pub(crate) fn support_contact(&self) -> &str {
        &self.inner.support_contact
    }

    /// 423 `locked`'s refusal, naming who to contact.
    pub(crate) fn locked(&self) -> Error {
        Error::Locked {
            contact: self.support_contact().to_owned(),
        }
    }

    /// The login notice for `role`, if one is configured.
    pub(crate) fn notice(&self, role: Role) -> Option<&str> {
        let notices = &self.inner.notices;
        let notice = match role {
            Role::Admin => notices.admin.as_deref(),
            Role::User => notices.user.as_deref(),
        };
        notice.filter(|text| !text.is_empty())
    }

    /// `{public_url}{page}?token={token}`.
    pub(crate) fn link_url(&self, purpose: LinkPurpose, token: &str) -> String {
        format!("{}{}?token={token}", self.inner.public_url, purpose.page())
    }

    /// Runs `job` in the background when a slot is free; otherwise drops it with a warning,
    /// so a flood of requests cannot queue work without bound. A failure is logged once,
    /// with its cause.
    pub(crate) fn spawn_background<F>(&self, what: &'static str, job: F)
    where
        F: Future<Output = Result<(), Error>> + Send + 'static,
    {
        match Arc::clone(&self.inner.background).try_acquire_owned() {
            Ok(permit) => {
                tokio::spawn(async move {
                    if let Err(error) = job.await {
                        tracing::warn!("{what}: {error}");
                    }
                    drop(permit);
                });
            }
            Err(_) => tracing::warn!("{what}: dropped, too many background jobs"),
        }
    }
}
