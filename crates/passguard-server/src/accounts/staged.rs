//! Policies that bite (SPEC §9): `check_at_login` re-checks a password at each successful
//! login under the policy in force, and a staged policy is evaluated beside it, keeping per
//! account only which of its rules failed, so the operator learns before a change how many
//! accounts it would hit. Both run on the hashing thread, after the password was verified,
//! with the password only in memory.

use std::collections::BTreeMap;
use std::sync::Arc;

use passguard_breach::BreachStore;
use passguard_policy::{Breached, Context, Locale, Policy, Report, Status};
use passguard_wire::PolicyImpact;

use super::admin::Administrator;
use super::{Accounts, Error};
use crate::store::User;
use crate::tokens;

/// The staged policy, with the digest its verdicts are stored under.
#[derive(Debug)]
pub(super) struct Staged {
    pub(super) policy: Arc<Policy>,
    pub(super) digest: String,
    /// Since when it is staged, read or recorded once.
    pub(super) since: tokio::sync::OnceCell<i64>,
}

impl Staged {
    pub(super) fn new(policy: Policy) -> Self {
        // Serialising a policy cannot fail (strings, numbers, lists).
        let json = serde_json::to_string(&policy).unwrap_or_default();
        Self {
            digest: tokens::name_digest(&json),
            policy: Arc::new(policy),
            since: tokio::sync::OnceCell::new(),
        }
    }
}

/// What a login checks once the password is verified.
pub(crate) struct LoginChecks {
    /// The policy in force, when it has `check_at_login`.
    in_force: Option<Arc<Policy>>,
    /// The staged policy, as it would apply to this account.
    staged: Option<Arc<Policy>>,
    context: Context,
    breach: Option<Arc<BreachStore>>,
}

/// What they found.
#[derive(Debug, Default)]
pub(crate) struct LoginVerdicts {
    /// The report of a password the policy in force now refuses.
    pub(crate) refused: Option<Report>,
    /// The ids of the staged policy's rules the password fails, comma-separated.
    pub(crate) staged_failed: Option<String>,
}

impl LoginChecks {
    /// Runs the checks on `password` (on the hashing thread).
    pub(crate) fn run(mut self, password: &str) -> LoginVerdicts {
        // The store is read at most once, when the first policy that blocks breached
        // passwords asks, and its answer serves both checks.
        let mut breached: Option<Option<bool>> = None;
        let mut report = |policy: &Policy| {
            // A store that cannot be read leaves the rule pending: a login is not refused
            // for it (the failure shows at the next choice of a password).
            self.context.breached = match (&self.breach, policy.password.breached) {
                (Some(store), Breached::Block) => {
                    *breached.get_or_insert_with(|| store.contains_password(password).ok())
                }
                _ => None,
            };
            policy.check(password, &self.context)
        };
        let refused = self
            .in_force
            .as_deref()
            .map(&mut report)
            .filter(|report| !report.accepted);
        let staged_failed = self.staged.as_deref().map(|policy| {
            report(policy)
                .rules
                .iter()
                .filter(|rule| rule.status == Status::Fail)
                .map(|rule| rule.id.id())
                .collect::<Vec<_>>()
                .join(",")
        });
        LoginVerdicts {
            refused,
            staged_failed,
        }
    }
}

impl Accounts {
    /// The checks a login of `user` runs, when its policy or a staged one asks for any.
    pub(crate) fn login_checks(
        &self,
        user: &User,
        policy: &Arc<Policy>,
        locale: Option<Locale>,
    ) -> Result<Option<LoginChecks>, Error> {
        let in_force = policy.password.check_at_login.then(|| Arc::clone(policy));
        let staged = match &self.inner.staged {
            Some(staged) => Some(self.effective(&staged.policy, user.org.as_ref())?),
            None => None,
        };
        if in_force.is_none() && staged.is_none() {
            return Ok(None);
        }
        Ok(Some(LoginChecks {
            in_force,
            staged,
            context: Context {
                username: Some(user.username.clone()),
                email: Some(user.email.clone()),
                locale: Some(locale.unwrap_or(user.locale)),
                ..Context::default()
            },
            breach: self.inner.breach.clone(),
        }))
    }

    async fn staged_since(&self, staged: &Staged) -> Result<i64, Error> {
        let now = self.clock().now();
        let name = staged.policy.name.clone();
        Ok(*staged
            .since
            .get_or_try_init(|| self.store().stage_policy(&staged.digest, &name, now))
            .await?)
    }

    /// Keeps the staged policy's latest verdict on `user`'s password.
    pub(crate) async fn record_staged(&self, user: &User, failed: &str) -> Result<(), Error> {
        let Some(staged) = &self.inner.staged else {
            return Ok(());
        };
        self.staged_since(staged).await?;
        let now = self.clock().now();
        Ok(self
            .store()
            .record_staged(&staged.digest, user.id, now, failed)
            .await?)
    }

    /// What the staged policy would do: of the accounts seen at login since it was staged
    /// (an organization's administrator: of its own), how many it would refuse, by rule.
    ///
    /// # Errors
    /// [`Error::NoStagedPolicy`] when none is staged.
    pub(crate) async fn policy_impact(&self, by: &Administrator) -> Result<PolicyImpact, Error> {
        let staged = self.inner.staged.as_ref().ok_or(Error::NoStagedPolicy)?;
        let since = self.staged_since(staged).await?;
        let verdicts = self
            .store()
            .staged_verdicts(&staged.digest, by.org().map(|org| org.id))
            .await?;
        let (mut accounts_seen, mut would_fail) = (0, 0);
        let mut by_rule = BTreeMap::new();
        for (failed, accounts) in verdicts {
            accounts_seen += accounts;
            if failed.is_empty() {
                continue;
            }
            would_fail += accounts;
            for id in failed.split(',') {
                *by_rule.entry(id.to_owned()).or_insert(0) += accounts;
            }
        }
        Ok(PolicyImpact {
            staged: staged.policy.name.clone(),
            since,
            accounts_seen,
            would_fail,
            by_rule,
        })
    }
}
