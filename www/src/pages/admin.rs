//! `/admin`: the users grid (status badges, unlock, reset password) and the invitation form.
//! An administrator never sees or chooses a password.

use leptos::prelude::*;
use passguard_i18n::Arg;
use passguard_policy::{AuditOptions, AuditReport, Level, Standard};
use passguard_wire::{AccountStatus, InviteRequest, Me, UserRow};

use crate::api::{self, ApiError};
use crate::app::Alert;
use crate::app::shared;
use crate::i18n::{t, tr, tr_now};
use crate::pages::auth::encode;
use crate::time;

/// The badge text of an account status (tracked).
fn badge(status: AccountStatus) -> String {
    tr(&format!("page.status.{}", status.id()), &[])
}

#[component]
pub(crate) fn Admin() -> impl IntoView {
    let users = LocalResource::new(|| api::get::<Vec<UserRow>>("/api/admin/users"));
    let me = LocalResource::new(|| api::get::<Me>("/api/me"));
    let alert = RwSignal::new(None);
    let act = move |path: String, done: String| {
        leptos::task::spawn_local(async move {
            let answer: Result<(), ApiError> = api::post_empty(&path).await;
            alert.set(Some(match answer {
                Ok(_) => (true, done),
                Err(error) => (false, error.message),
            }));
            users.refetch();
        });
    };
    view! {
        <section class="card wide">
            <h1>{t("page.admin.title")}</h1>
            {move || me.get().and_then(Result::ok).and_then(|me| me.notice.map(|notice| view! {
                <p class="notice" data-notice=me.role.id()>{notice}</p>
            }))}
            <Alert message=alert/>
            <Suspense fallback=|| view! { <p>{t("page.admin.loading")}</p> }>
                {move || users.get().map(|answer| match answer {
                    Err(error) if error.status == 401 || error.status == 403 => view! {
                        <p class="alert error" data-alert="error">{t("page.admin.sign-in")}</p>
                        <p><a href="/login">{t("page.login.submit")}</a></p>
                    }.into_any(),
                    Err(error) => view! { <p class="alert error" data-alert="error">{error.message}</p> }.into_any(),
                    Ok(rows) => view! {
                        <table class="users">
                            <caption class="sr-only">{t("page.admin.caption")}</caption>
                            <thead><tr>
                                <th scope="col">{t("page.admin.col.username")}</th><th scope="col">{t("page.admin.col.email")}</th><th scope="col">{t("page.admin.col.status")}</th>
                                <th scope="col">{t("page.admin.col.failed")}</th><th scope="col">{t("page.admin.col.changed")}</th><th scope="col">{t("page.admin.col.actions")}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|row| {
                                    let locked = row.status == AccountStatus::Locked;
                                    let registered = row.status != AccountStatus::Invited;
                                    let name = row.username.clone();
                                    let (unlock_name, reset_name) = (name.clone(), name.clone());
                                    view! {
                                        <tr data-username=row.username.clone() data-status=row.status.id()>
                                            <th scope="row">{row.username.clone()}</th>
                                            <td>{row.email.clone()}</td>
                                            <td><span class=format!("badge {}", row.status)>{let status = row.status; move || badge(status)}</span></td>
                                            <td>{row.failed_logins}</td>
                                            <td>{let changed = row.password_changed_at; move || changed.map_or("—".to_owned(), time::local)}</td>
                                            <td class="actions">
                                                <button type="button" data-action="unlock" disabled=!locked
                                                    on:click=move |_| act(format!("/api/admin/users/{}/unlock", encode(&unlock_name)), tr_now("page.admin.unlocked", &[("username", Arg::Text(&unlock_name))]))>
                                                    {t("page.admin.unlock")}
                                                </button>
                                                <button type="button" data-action="reset-password" disabled=locked || !registered
                                                    aria-describedby=locked.then(|| format!("reason-{name}"))
                                                    on:click=move |_| act(format!("/api/admin/users/{}/reset-password", encode(&reset_name)), tr_now("page.admin.reset-sent", &[("username", Arg::Text(&reset_name))]))>
                                                    {t("page.admin.reset")}
                                                </button>
                                                {locked.then(|| view! { <span class="reason" id=format!("reason-{name}")>{t("page.admin.unlock-first")}</span> })}
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                })}
            </Suspense>
            <Invite on_done=move || users.refetch()/>
            <Show when=move || matches!(users.get(), Some(Ok(_)))>
                <Audit/>
            </Show>
        </section>
    }
}

#[component]
fn Invite(on_done: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let username = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let alert = RwSignal::new(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = InviteRequest {
            username: username.get_untracked().trim().to_owned(),
            email: email.get_untracked().trim().to_owned(),
            role: None,
            org: None,
        };
        leptos::task::spawn_local(async move {
            let answer: Result<UserRow, ApiError> = api::post("/api/admin/users", &body).await;
            alert.set(Some(match answer {
                Ok(_) => {
                    let text = tr_now(
                        "page.invite.sent",
                        &[("email", Arg::Text(&email.get_untracked()))],
                    );
                    username.set(String::new());
                    email.set(String::new());
                    on_done();
                    (true, text)
                }
                Err(error) => (false, error.message),
            }));
        });
    };
    view! {
        <form class="invite" on:submit=submit novalidate>
            <h2>{t("page.invite.title")}</h2>
            <div class="field">
                <label for="invite-username">{t("page.field.username")}</label>
                <input id="invite-username" autocomplete="off" prop:value=move || username.get()
                    on:input=move |ev| username.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="invite-email">{t("page.field.email")}</label>
                <input id="invite-email" type="email" autocomplete="off" prop:value=move || email.get()
                    on:input=move |ev| email.set(event_target_value(&ev))/>
            </div>
            <Alert message=alert/>
            <button type="submit" class="primary" disabled=move || username.with(|u| u.trim().is_empty()) || email.with(|e| !e.contains('@'))>
                {t("page.invite.submit")}
            </button>
        </form>
    }
}

/// Where the policy in force departs from NIST SP 800-63B rev. 4 and OWASP ASVS 5.0, computed
/// here by the same engine code the server's `GET /api/policy/audit` runs.
#[component]
fn Audit() -> impl IntoView {
    let policy = shared().policy();
    let findings = Memo::new(move |_| {
        let locale = crate::i18n::current();
        policy.with(|policy| {
            policy.as_ref().map(|policy| {
                AuditReport::new(
                    policy,
                    AuditOptions {
                        asvs_level: 1,
                        locale,
                    },
                )
            })
        })
    });
    view! {
        <section class="audit" aria-labelledby="audit-title">
            <h2 id="audit-title">{t("page.audit.title")}</h2>
            {move || findings.get().map(|report| {
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
                                        <td><span class=format!("level {level}")>{finding.level.keyword()}</span></td>
                                        <td>{standard} " " {finding.clause}</td>
                                        <td><code>{finding.field}</code></td>
                                        <td>{finding.explanation}</td>
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
