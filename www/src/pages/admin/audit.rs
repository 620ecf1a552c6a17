//! Where the policy in force departs from NIST SP 800-63B rev. 4 and OWASP ASVS 5.0, as the
//! server's `GET /api/policy/audit` says it: the site's, the picked organization's, or an
//! organization's administrator's own.

use leptos::prelude::*;
use passguard_i18n::Arg;
use passguard_policy::{AuditReport, Level, Standard};

use super::AdminPage;
use crate::api;
use crate::i18n::{t, tr};
use crate::pages::auth::encode;

/// Where the policy in force departs from NIST SP 800-63B rev. 4 and OWASP ASVS 5.0, computed
/// here by the same engine code the server's `GET /api/policy/audit` runs.
#[component]
pub(crate) fn Audit() -> impl IntoView {
    let page = expect_context::<AdminPage>();
    let findings = LocalResource::new(move || {
        // Asked again in the new language: the explanations are the server's sentences.
        let _ = crate::i18n::current();
        let path = match page.filters.org.get() {
            Some(org) => format!("/api/policy/audit?org={}", encode(&org)),
            None => "/api/policy/audit".to_owned(),
        };
        async move { api::get::<AuditReport>(&path).await.ok() }
    });
    view! {
        <section class="audit" aria-labelledby="audit-title">
            <h2 id="audit-title">{t("page.audit.title")}</h2>
            {move || findings.get().flatten().map(|report| {
                let mandatory = report.mandatory();
                let (name, findings) = (report.policy, report.findings);
                let summary = if mandatory == 0 {
                    tr("page.audit.conforms", &[])
                } else {
                    tr("page.audit.does-not-conform", &[("count", Arg::Int(i64::try_from(mandatory).unwrap_or(0)))])
                };
                view! {
                    <p>{tr("page.audit.intro", &[("policy", Arg::Text(&name))])}</p>
                    <p class=if mandatory == 0 { "alert ok" } else { "alert error" } data-conforms=(mandatory == 0).to_string()>{summary}</p>
                    <table class="findings">
                        <thead><tr>
                            <th scope="col">{t("page.audit.col.level")}</th>
                            <th scope="col">{t("page.audit.col.clause")}</th>
                            <th scope="col">{t("page.audit.col.field")}</th>
                            <th scope="col">{t("page.audit.col.what")}</th>
                        </tr></thead>
                        <tbody>
                            {findings.into_iter().map(|finding| {
                                let standard = match finding.standard {
                                    Standard::Nist => "NIST SP 800-63B-4",
                                    Standard::Asvs => "OWASP ASVS 5.0",
                                };
                                let level = match finding.level {
                                    Level::Shall => "shall",
                                    Level::ShallNot => "shall-not",
                                    Level::Should => "should",
                                };
                                view! {
                                    <tr data-finding=finding.id data-level=finding.level.keyword()>
                                        <td data-label=t("page.audit.col.level")><span class=format!("level {level}")>{finding.level.keyword()}</span></td>
                                        <td data-label=t("page.audit.col.clause")>{standard} " " {finding.clause}</td>
                                        <td data-label=t("page.audit.col.field")><code>{finding.field}</code></td>
                                        <td data-label=t("page.audit.col.what")>{finding.explanation}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            })}
        </section>
    }
}
