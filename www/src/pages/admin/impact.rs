//! What the staged policy would do (SPEC §9), as the server's `GET /api/admin/policy/impact`
//! counts it from the sign-ins since it was staged: a row per rule that would fail. Nothing is
//! shown when no policy is staged.

use leptos::prelude::*;
use passguard_i18n::Arg;
use passguard_wire::PolicyImpact;

use crate::api;
use crate::i18n::{t, tr};
use crate::time;

/// The staged policy's impact report, a table per rule.
#[component]
pub(crate) fn Impact() -> impl IntoView {
    let impact = LocalResource::new(|| async {
        api::get::<PolicyImpact>("/api/admin/policy/impact")
            .await
            .ok()
    });
    move || {
        impact.get().flatten().map(|impact| {
            let seen = impact.accounts_seen;
            let count = |n: u64| Arg::Int(i64::try_from(n).unwrap_or(i64::MAX));
            view! {
                <section class="impact" aria-labelledby="impact-title" data-staged=impact.staged.clone()>
                    <h2 id="impact-title">{t("page.impact.title")}</h2>
                    <p>{tr("page.impact.intro", &[
                        ("policy", Arg::Text(&impact.staged)),
                        ("since", Arg::Text(&time::local(impact.since))),
                    ])}</p>
                    <p class=if impact.would_fail == 0 { "alert ok" } else { "alert error" }
                        data-would-fail=impact.would_fail.to_string() data-accounts-seen=seen.to_string()>
                        {tr("page.impact.summary", &[("fail", count(impact.would_fail)), ("seen", count(seen))])}
                    </p>
                    <table class="findings">
                        <thead><tr>
                            <th scope="col">{t("page.impact.col.rule")}</th>
                            <th scope="col">{t("page.impact.col.accounts")}</th>
                            <th scope="col">{t("page.impact.col.share")}</th>
                        </tr></thead>
                        <tbody>
                            {impact.by_rule.into_iter().map(|(rule, failing)| {
                                let share = (failing.saturating_mul(100) + seen / 2).checked_div(seen).unwrap_or(0);
                                let id = rule.clone();
                                view! {
                                    <tr data-impact-rule=id data-count=failing.to_string()>
                                        <td data-label=t("page.impact.col.rule")><code>{rule}</code></td>
                                        <td data-label=t("page.impact.col.accounts")>{failing}</td>
                                        <td data-label=t("page.impact.col.share")>{format!("{share} %")}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </section>
            }
        })
    }
}
