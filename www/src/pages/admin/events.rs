//! One account's events, newest first: who did what and when.

use leptos::prelude::*;
use passguard_i18n::Arg;
use passguard_wire::Event;

use super::AdminPage;
use crate::api;
use crate::i18n::{t, tr};
use crate::pages::auth::encode;
use crate::time;

#[component]
pub(crate) fn Events() -> impl IntoView {
    let page = expect_context::<AdminPage>();
    let heading = NodeRef::<leptos::html::H2>::new();
    let events = LocalResource::new(move || {
        let username = page.events_of.get();
        async move {
            match username {
                Some(name) => Some(
                    api::get::<Vec<Event>>(&format!(
                        "/api/admin/events?username={}",
                        encode(&name)
                    ))
                    .await,
                ),
                None => None,
            }
        }
    });
    Effect::new(move |_| {
        if page.events_of.get().is_some()
            && let Some(heading) = heading.get()
        {
            let _ = heading.focus();
        }
    });
    view! {
        {move || page.events_of.get().map(|name| {
            let of = name.clone();
            view! {
            <section class="events" aria-labelledby="events-title" data-events-of=of>
                <h2 id="events-title" tabindex="-1" node_ref=heading>{move || tr("page.admin.events.title", &[("username", Arg::Text(&name))])}</h2>
                <Transition fallback=|| view! { <p>{t("page.admin.loading")}</p> }>
                    {move || events.get().flatten().map(|answer| match answer {
                        Err(error) => view! { <p class="alert error">{error.message}</p> }.into_any(),
                        Ok(events) if events.is_empty() => view! { <p>{t("page.admin.events.none")}</p> }.into_any(),
                        Ok(events) => view! {
                            <table class="events">
                                <thead><tr>
                                    <th scope="col">{t("page.admin.events.col.at")}</th>
                                    <th scope="col">{t("page.admin.events.col.actor")}</th>
                                    <th scope="col">{t("page.admin.events.col.action")}</th>
                                    <th scope="col">{t("page.admin.events.col.detail")}</th>
                                </tr></thead>
                                <tbody>
                                    {events.into_iter().map(|event| {
                                        let action = event.action;
                                        view! {
                                            <tr data-event=action.id()>
                                                <td data-label=t("page.admin.events.col.at")>{move || time::local(event.at)}</td>
                                                <td data-label=t("page.admin.events.col.actor")>{event.actor.clone()}</td>
                                                <td data-label=t("page.admin.events.col.action")>{move || tr(&format!("page.event.{}", action.id()), &[])}</td>
                                                <td data-label=t("page.admin.events.col.detail")>{event.detail.clone().unwrap_or_default()}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                    })}
                </Transition>
                <button type="button" on:click=move |_| page.events_of.set(None)>{t("page.admin.events.close")}</button>
            </section>
            }
        })}
    }
}
