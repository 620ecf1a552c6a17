//! Organizations (SPEC §7): created and changed by the operator, each with its support
//! contact, login notices and a policy overlay that may only tighten the site policy. The
//! overlay is checked against the site policy when it is set, and laid over it again
//! whenever the site policy may have changed (at start), the stricter value winning.

use passguard_policy::{Policy, PolicyOverlay, Unlock};
use passguard_wire::{NewOrganization, Notices, Organization, OrganizationPatch};

use super::admin::Administrator;
use super::{Accounts, Error};
use crate::store::{Effective, OrgRow};
use crate::tokens;

/// The longest slug.
pub(crate) const MAX_SLUG_CHARS: usize = 32;
/// The longest organization name.
pub(crate) const MAX_ORG_NAME_CHARS: usize = 100;
/// The longest support contact and notice.
const MAX_TEXT_CHARS: usize = 2000;

/// 1 to 32 of `a-z`, `0-9` and `-`, starting with a letter.
fn validate_slug(slug: &str) -> Result<String, Error> {
    let valid = slug.len() <= MAX_SLUG_CHARS
        && slug.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if valid {
        Ok(slug.to_owned())
    } else {
        Err(Error::InvalidSlug {
            max: MAX_SLUG_CHARS,
        })
    }
}

/// A printable text of at most `max` characters, trimmed; empty reads as none.
fn text(value: Option<String>, max: usize) -> Result<Option<String>, Error> {
    let Some(value) = value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if value.chars().count() > max || value.chars().any(|c| c.is_control() && c != '\n') {
        return Err(Error::InvalidText { max });
    }
    Ok(Some(value))
}

fn validate_name(name: &str) -> Result<String, Error> {
    let name = name.trim();
    let count = name.chars().count();
    if count == 0 || count > MAX_ORG_NAME_CHARS || name.chars().any(char::is_control) {
        return Err(Error::InvalidOrgName {
            max: MAX_ORG_NAME_CHARS,
        });
    }
    Ok(name.to_owned())
}

/// What the users grid needs of an effective policy (see `store::Effective`).
pub(crate) fn effective(policy: &Policy) -> Effective {
    Effective {
        max_age_seconds: policy.password.max_age.map(|d| d.as_secs_i64()),
        unlock_seconds: match policy.lockout.unlock {
            Unlock::Admin | Unlock::Email => None,
            Unlock::After(d) => Some(d.as_secs_i64()),
        },
    }
}

/// The answer for an organization's row.
fn organization(org: OrgRow, accounts: i64) -> Result<Organization, Error> {
    let policy = org
        .policy
        .as_deref()
        .map(PolicyOverlay::from_json)
        .transpose()
        .map_err(|error| Error::OrgPolicy {
            slug: org.slug.clone(),
            error,
        })?;
    Ok(Organization {
        slug: org.slug,
        name: org.name,
        support_contact: org.support_contact,
        notices: Notices {
            user: org.notice_user,
            admin: org.notice_admin,
        },
        policy,
        accounts,
    })
}

impl Accounts {
    /// Checks `overlay` against the site policy: the effective policy, or the refusal naming
    /// the field that would loosen it.
    pub(crate) fn check_overlay(&self, overlay: &PolicyOverlay) -> Result<Policy, Error> {
        let policy = self
            .policy()
            .tightened_by(overlay)
            .map_err(Error::InvalidPolicy)?;
        self.check_breach_store(&policy)?;
        Ok(policy)
    }

    /// Creates an organization (the operator only).
    pub async fn create_org(
        &self,
        by: &Administrator,
        new: NewOrganization,
    ) -> Result<Organization, Error> {
        by.require_operator()?;
        let slug = validate_slug(&new.slug)?;
        let name = validate_name(&new.name)?;
        let overlay = new.policy.filter(|o| !o.is_empty());
        let policy = match &overlay {
            Some(overlay) => self.check_overlay(overlay)?,
            None => self.policy().as_ref().clone(),
        };
        let notices = new.notices.unwrap_or_default();
        let org = OrgRow {
            id: tokens::new_id()?,
            slug: slug.clone(),
            name,
            support_contact: text(new.support_contact, MAX_TEXT_CHARS)?,
            notice_user: text(notices.user, MAX_TEXT_CHARS)?,
            notice_admin: text(notices.admin, MAX_TEXT_CHARS)?,
            policy: overlay.as_ref().map(overlay_json),
        };
        let now = self.clock().now();
        if !self
            .store()
            .create_org(&org, effective(&policy), now)
            .await?
        {
            return Err(Error::OrgExists { slug });
        }
        tracing::info!(by = %by.actor(), org = %org.slug, "organization created");
        organization(org, 0)
    }

    /// Changes an organization (the operator only).
    pub(crate) async fn update_org(
        &self,
        by: &Administrator,
        slug: &str,
        patch: OrganizationPatch,
    ) -> Result<Organization, Error> {
        by.require_operator()?;
        let mut org = self
            .store()
            .org_by_slug(slug)
            .await?
            .ok_or(Error::NoSuchOrg)?;
        if let Some(name) = patch.name {
            org.name = validate_name(&name)?;
        }
        if let Some(contact) = patch.support_contact {
            org.support_contact = text(Some(contact), MAX_TEXT_CHARS)?;
        }
        if let Some(notices) = patch.notices {
            org.notice_user = text(notices.user, MAX_TEXT_CHARS)?;
            org.notice_admin = text(notices.admin, MAX_TEXT_CHARS)?;
        }
        let policy = match patch.policy {
            Some(overlay) if overlay.is_empty() => {
                org.policy = None;
                self.policy().as_ref().clone()
            }
            Some(overlay) => {
                let policy = self.check_overlay(&overlay)?;
                org.policy = Some(overlay_json(&overlay));
                policy
            }
            None => self.policy_in(Some(&org))?.as_ref().clone(),
        };
        if !self.store().update_org(&org, effective(&policy)).await? {
            return Err(Error::NoSuchOrg);
        }
        tracing::info!(by = %by.actor(), org = %org.slug, "organization changed");
        let accounts = self
            .store()
            .orgs(Some(org.id))
            .await?
            .first()
            .map_or(0, |(_, n)| *n);
        organization(org, accounts)
    }

    /// The organizations `by` may see: every one for the operator, its own for an
    /// organization's administrator.
    pub(crate) async fn orgs(&self, by: &Administrator) -> Result<Vec<Organization>, Error> {
        let only = by.org().map(|org| org.id);
        self.store()
            .orgs(only)
            .await?
            .into_iter()
            .map(|(org, accounts)| organization(org, accounts))
            .collect()
    }

    /// The organization `slug`, if `by` may see it.
    pub(crate) async fn org_for(&self, by: &Administrator, slug: &str) -> Result<OrgRow, Error> {
        let org = self
            .store()
            .org_by_slug(slug)
            .await?
            .ok_or(Error::NoSuchOrg)?;
        match by.org() {
            Some(own) if own.id != org.id => Err(Error::NoSuchOrg),
            _ => Ok(org),
        }
    }

    /// Lays every organization's overlay over the site policy again and records what the
    /// users grid needs of the result. Run at start, since the site policy may have changed.
    ///
    /// # Errors
    /// [`Error::OrgPolicy`] naming the organization whose overlay no longer combines with
    /// the site policy (such as a minimum length above a maximum the site lowered).
    pub async fn refresh_orgs(&self) -> Result<(), Error> {
        for (org, _) in self.store().orgs(None).await? {
            let policy = self.policy_in(Some(&org))?;
            self.store()
                .set_effective(org.id, effective(&policy))
                .await?;
        }
        Ok(())
    }
}

/// An overlay as stored: its JSON.
fn overlay_json(overlay: &PolicyOverlay) -> String {
    // Numbers, strings, lists and maps: serde_json does not fail on these.
    serde_json::to_string(overlay).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(validate_slug("acme").is_ok());
        assert!(validate_slug("acme-2").is_ok());
        for bad in ["", "Acme", "2acme", "ac me", "acmé", &"a".repeat(33)] {
            assert!(validate_slug(bad).is_err(), "{bad:?}");
        }
    }
}
