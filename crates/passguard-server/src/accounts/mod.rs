//! The domain layer: the account rules and workflows of SPEC §4 (invite, register, sign in,
//! change, forget and reset a password, administer), over the store, the Argon2 pool, the
//! clock and the mailer. It speaks no HTTP: every operation answers a value or an [`Error`]
//! that keeps its cause, and the HTTP layer (`api`) turns that into an answer in one place.
//!
//! Registration, change and reset share one workflow ([`password`]): prove the right to
//! choose, check with the engine, hash, and store under a guard, in that order.

mod admin;
mod breach;
mod error;
mod limits;
mod links;
mod lockout;
mod login;
mod names;
mod orgs;
mod password;
mod recovery;
mod rules;
mod sessions;
mod staged;

use std::sync::Arc;

use passguard_i18n::Locale;
use passguard_policy::{Policy, PolicyOverlay};
use passguard_wire::EventAction;
use tokio::sync::Semaphore;
use url::Url;

use crate::clock::Clock;
use crate::config::{Config, ConfigError, Limits};
use crate::hashing::Hasher;
use crate::mail::Mailer;
use crate::model::LinkPurpose;
use crate::store::{NewEvent, OrgRow, Store, User};
use crate::texts::Localized;

pub use admin::{Administrator, UsersQuery};
pub use error::{Error, QuestionsProblem};
pub(crate) use limits::Budget;
pub(crate) use login::Login;
pub(crate) use names::username_key;
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
    site_name: String,
    support_contact: Localized,
    /// The site's login notices for users and for administrators.
    notices: (Localized, Localized),
    session_lifetime: i64,
    store: Store,
    hasher: Hasher,
    clock: Clock,
    mailer: Mailer,
    background: Arc<Semaphore>,
    limits: Limits,
    /// Budgets the database refused, remembered until they refill.
    refusals: limits::Refusals,
    /// The store of breached passwords (`[breach] store`), if configured.
    breach: Option<Arc<passguard_breach::BreachStore>>,
    /// The staged policy (`staged_policy`), evaluated at each login beside the one in force.
    staged: Option<staged::Staged>,
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
        let mailer = Mailer::new(&config.mail)?.named(&config.site_name);
        let breach = breach::open(config)?;
        let mut public_url = public_url;
        if !public_url.path().ends_with('/') {
            let path = format!("{}/", public_url.path());
            public_url.set_path(&path);
        }
        Ok(Self {
            inner: Arc::new(Inner {
                policy: Arc::new(config.policy.clone()),
                public_url,
                site_name: config.site_name.clone(),
                support_contact: Localized::configured(
                    config.support_contact.clone(),
                    Some(crate::texts::CONTACT_DEFAULT),
                ),
                notices: (
                    Localized::configured(config.notices.user.clone(), None),
                    Localized::configured(config.notices.admin.clone(), None),
                ),
                session_lifetime: config.session_lifetime,
                store,
                hasher,
                clock,
                mailer,
                background: Arc::new(Semaphore::new(BACKGROUND_JOBS)),
                limits: config.limits.clone(),
                refusals: limits::Refusals::default(),
                breach,
                staged: config.staged_policy.clone().map(staged::Staged::new),
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

    /// The abuse controls in force.
    pub(crate) fn limits(&self) -> &Limits {
        &self.inner.limits
    }

    /// The site policy: for accounts of no organization, and what every organization's
    /// overlay tightens.
    #[must_use]
    pub fn policy(&self) -> &Arc<Policy> {
        &self.inner.policy
    }

    /// The policy in force for accounts of `org`: the site policy tightened by the
    /// organization's overlay, field by field the stricter value.
    pub(crate) fn policy_in(&self, org: Option<&OrgRow>) -> Result<Arc<Policy>, Error> {
        self.effective(&self.inner.policy, org)
    }

    /// `base` (the site policy, or the staged one) tightened by `org`'s overlay.
    pub(crate) fn effective(
        &self,
        base: &Arc<Policy>,
        org: Option<&OrgRow>,
    ) -> Result<Arc<Policy>, Error> {
        let Some((org, overlay)) = org.and_then(|o| o.policy.as_deref().map(|p| (o, p))) else {
            return Ok(Arc::clone(base));
        };
        let failed = |error| Error::OrgPolicy {
            slug: org.slug.clone(),
            error,
        };
        let overlay = PolicyOverlay::from_json(overlay).map_err(failed)?;
        base.tightened_leniently_by(&overlay)
            .map(Arc::new)
            .map_err(failed)
    }

    /// The policy in force for `user`.
    pub(crate) fn policy_of(&self, user: &User) -> Result<Arc<Policy>, Error> {
        self.policy_in(user.org.as_ref())
    }

    /// An event about `user`, done by `actor` now.
    pub(crate) fn event(&self, user: &User, action: EventAction, actor: &str) -> NewEvent {
        NewEvent {
            at: self.clock().now(),
            actor: actor.to_owned(),
            action,
            username: user.username.clone(),
            username_key: username_key(&user.username),
            org_id: user.org_id(),
            org: user.org_slug().map(str::to_owned),
            detail: None,
        }
    }

    pub(crate) fn mailer(&self) -> &Mailer {
        &self.inner.mailer
    }

    /// The site's name, as page titles and e-mails show it.
    pub(crate) fn site_name(&self) -> &str {
        &self.inner.site_name
    }

    /// What every e-mail to `user` says of where it comes from, in the account's language.
    pub(crate) fn letterhead(&self, user: &User) -> crate::mail::Letterhead {
        self.letterhead_in(user.org.as_ref(), user.locale)
    }

    /// The letterhead of an e-mail in `locale` to an account of `org` (or of none).
    pub(crate) fn letterhead_in(
        &self,
        org: Option<&crate::store::OrgRow>,
        locale: Locale,
    ) -> crate::mail::Letterhead {
        crate::mail::Letterhead {
            site: self.site_name().to_owned(),
            org: org.map(|org| org.name.clone()),
            from: self.mailer().sender_address(),
            contact: self.contact_in(org).render(locale),
        }
    }

    /// The site's support contact, in every language.
    pub(crate) fn support_contact(&self) -> Localized {
        self.inner.support_contact.clone()
    }

    /// Who `user` contacts for assistance: its organization's contact, else the site's.
    pub(crate) fn contact_of(&self, user: &User) -> Localized {
        self.contact_in(user.org.as_ref())
    }

    /// Who an account of `org` (or of none) contacts for assistance.
    fn contact_in(&self, org: Option<&crate::store::OrgRow>) -> Localized {
        org.and_then(|org| org.support_contact.as_deref())
            .filter(|contact| !contact.trim().is_empty())
            .map_or_else(|| self.support_contact(), Localized::same)
    }

    /// 423 `locked`'s refusal, naming who to contact (the site's, for a name that is no
    /// account: the same answer as for one).
    pub(crate) fn locked(&self) -> Error {
        Error::Locked {
            contact: self.support_contact(),
            unlock: self.policy().lockout.unlock,
        }
    }

    /// The login notice for `user`'s role in `locale`: its organization's, else the site's.
    pub(crate) fn notice(&self, user: &User, locale: Locale) -> Option<String> {
        let (site_user, site_admin) = &self.inner.notices;
        let org = user.org.as_ref();
        let (org_notice, site) = if user.role.administers() {
            (org.and_then(|o| o.notice_admin.as_deref()), site_admin)
        } else {
            (org.and_then(|o| o.notice_user.as_deref()), site_user)
        };
        let notice = match org_notice.filter(|text| !text.is_empty()) {
            Some(text) => text.to_owned(),
            None => site.render(locale),
        };
        (!notice.is_empty()).then_some(notice)
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

    /// Waits until no background job runs (tests: "nothing was sent" needs the job done).
    pub async fn background_settled(&self) {
        let all = u32::try_from(BACKGROUND_JOBS).unwrap_or(u32::MAX);
        if let Ok(permits) = self.inner.background.acquire_many(all).await {
            drop(permits);
        }
    }
}
