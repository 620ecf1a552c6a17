//! A refused submit, as GOV.UK's design system shows it: an error summary at the top of the
//! form (`role="alert"`, focused) linking to each field at fault, and the same message beside
//! the field, which is marked `aria-invalid`. Submit buttons stay enabled: a refusal always
//! says why.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::t;

/// A form's errors: (field id, message), in the order of the fields.
#[derive(Clone, Copy)]
pub(crate) struct Errors(RwSignal<Vec<(String, String)>>);

impl Errors {
    pub(crate) fn new() -> Self {
        Self(RwSignal::new(Vec::new()))
    }

    /// Shows `errors` and moves the focus to the summary; `true` when there were any.
    pub(crate) fn refuse(self, errors: Vec<(String, String)>) -> bool {
        let any = !errors.is_empty();
        self.0.set(errors);
        if any {
            leptos::task::spawn_local(async {
                gloo_timers::future::TimeoutFuture::new(0).await;
                focus("error-summary");
            });
        }
        any
    }

    /// The message for field `id`, if it is at fault (tracked).
    pub(crate) fn of(self, id: &str) -> Option<String> {
        self.0
            .with(|errors| errors.iter().find(|(f, _)| f == id).map(|(_, m)| m.clone()))
    }
}

fn focus(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// The summary at the top of a form: "There is a problem", and a link to each field.
#[component]
pub(crate) fn ErrorSummary(errors: Errors) -> impl IntoView {
    view! {
        <Show when=move || errors.0.with(|e| !e.is_empty())>
            <div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">{t("page.form.problem")}</h2>
                <ul>
                    {move || errors.0.get().into_iter().map(|(field, message)| {
                        let target = field.clone();
                        view! {
                            <li><a href=format!("#{field}") data-field=field.clone()
                                on:click=move |ev| { ev.prevent_default(); focus(&target); }>{message}</a></li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// The message beside field `id` when it is at fault.
#[component]
pub(crate) fn FieldError(errors: Errors, #[prop(into)] id: String) -> impl IntoView {
    let error_id = format!("{id}-error");
    view! {
        {move || errors.of(&id).map(|message| view! {
            <p class="field-error" id=error_id.clone() data-field-error=id.clone()>
                <span class="sr-only">{t("page.form.error")}</span>{message}
            </p>
        })}
    }
}

/// Whether `text` reads as one e-mail address (the server decides in the end).
pub(crate) fn looks_like_email(text: &str) -> bool {
    let text = text.trim();
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.chars().any(char::is_whitespace)
}
