//! Live feedback: the checklist of every rule the policy enables, updated on every input event
//! by the same engine the server runs, the strength meter, and the polite screen-reader summary.

use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;
use passguard_i18n::{Arg, Locale};
use passguard_policy::{Context, Policy, Report};

use crate::i18n::{t, text, tr};

/// One checklist line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub(crate) id: String,
    pub(crate) status: String,
    pub(crate) message: String,
}

/// What the checklist shows: the local report, or the server's verdict after a refused submit.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Verdict {
    pub(crate) accepted: bool,
    pub(crate) lines: Vec<Line>,
    pub(crate) strength: Option<StrengthView>,
    /// Nothing typed yet: the rules read as what is asked, not as failures.
    pub(crate) untouched: bool,
}

/// The strength meter's contents.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StrengthView {
    pub(crate) score: u8,
    pub(crate) warning: Option<String>,
    pub(crate) suggestions: Vec<String>,
    /// The policy sets no strength minimum: the meter is advice, never a refusal.
    pub(crate) advice: bool,
    /// Every rule accepts the password: a warning is a tip, not an alarm.
    pub(crate) accepted: bool,
}

/// Tips of the estimator that `policy` contradicts: "no need for symbols, digits or
/// uppercase letters" under a rule that demands some of them.
fn contradicts(policy: Option<&Policy>, suggestion_id: &str) -> bool {
    let demands_groups = policy
        .and_then(|p| p.password.character_groups.as_ref())
        .is_some_and(|groups| groups.required > 1);
    demands_groups && suggestion_id == "no-need-for-mixed-characters"
}

impl Verdict {
    pub(crate) fn from_report(report: &Report, policy: Option<&Policy>) -> Self {
        let lines = report
            .rules
            .iter()
            .map(|rule| Line {
                id: rule.id.to_string(),
                status: rule.status.to_string(),
                message: rule.message.clone(),
            })
            .collect();
        Self {
            accepted: report.accepted,
            lines,
            strength: strength_of(report, policy),
            untouched: false,
        }
    }

    fn line(&self, id: &str) -> Option<Line> {
        self.lines.iter().find(|line| line.id == id).cloned()
    }

    /// "3 of 5 requirements met", for the screen-reader summary, in `locale`.
    pub(crate) fn summary(&self, locale: Locale) -> String {
        let met = self.lines.iter().filter(|l| l.status == "pass").count();
        let pending = self.lines.iter().filter(|l| l.status == "pending").count();
        let checked = self.lines.len() - pending;
        if met == checked {
            text(locale, "page.summary.all", &[])
        } else {
            let count = |n: usize| Arg::Int(i64::try_from(n).unwrap_or(0));
            text(
                locale,
                "page.summary.some",
                &[("met", count(met)), ("checked", count(checked))],
            )
        }
    }
}

fn strength_of(report: &Report, policy: Option<&Policy>) -> Option<StrengthView> {
    let strength = &report.strength;
    let suggestions = strength
        .suggestions
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            strength
                .suggestion_ids
                .get(*i)
                .is_none_or(|id| !contradicts(policy, id))
        })
        .map(|(_, text)| text.clone())
        .collect();
    Some(StrengthView {
        score: strength.score.min(4),
        warning: strength.warning.clone(),
        suggestions,
        advice: policy.is_none_or(|p| p.password.min_strength == 0),
        accepted: report.accepted,
    })
}

/// Checks `password` live and keeps the last server verdict until the password changes.
pub(crate) fn live_verdict(
    policy: Signal<Option<Policy>>,
    password: Signal<String>,
    context: Signal<Context>,
    server: RwSignal<Option<(String, Verdict)>>,
) -> Memo<Verdict> {
    let words_ready = crate::words::ready();
    Memo::new(move |_| {
        let password = password.get();
        // Re-checked once the word lists arrive: `not-common` and `min-strength` are decided.
        let words = words_ready.get();
        if let Some((submitted, verdict)) = server.get()
            && submitted == password
        {
            return verdict;
        }
        let locale = crate::i18n::current();
        policy.with(|policy| match policy {
            Some(policy) => context.with(|context| {
                let context = Context {
                    locale: Some(locale),
                    ..context.clone()
                };
                let mut verdict =
                    Verdict::from_report(&policy.check(&password, &context), Some(policy));
                verdict.untouched = password.is_empty();
                // Without the dictionaries the estimate would be far too kind: no meter yet.
                if !words {
                    verdict.strength = None;
                }
                verdict
            }),
            None => Verdict::default(),
        })
    })
}

fn score_word(score: u8) -> String {
    tr(&format!("strength.score.{score}"), &[])
}

/// The checklist, with the test hooks of SPEC §6 (`data-rule`, `data-status`,
/// `data-strength-score`) and an aria-live summary that speaks only once typing pauses.
#[component]
pub(crate) fn Checklist(verdict: Memo<Verdict>, #[prop(into)] id: String) -> impl IntoView {
    let ids = Memo::new(move |_| {
        verdict.with(|v| v.lines.iter().map(|l| l.id.clone()).collect::<Vec<_>>())
    });
    // Whether nothing was typed yet: a memo of its own, so that a keystroke re-draws only the
    // lines whose status it changed.
    let untouched = Memo::new(move |_| verdict.with(|v| v.untouched));
    let summary = RwSignal::new(String::new());
    // Debounce the spoken summary: announce 1 s after the last change, not per keystroke.
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let locale = crate::i18n::current();
        let text = verdict.with(|v| v.summary(locale));
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(1_000).await;
            if generation.try_get_value() == Some(mine) {
                summary.set(text);
            }
        });
    });
    view! {
        <div class="checklist" id=id>
            <ul>
                <For each=move || ids.get() key=|id| id.clone() let:rule>
                    {
                        let line = Memo::new({
                            let rule = rule.clone();
                            move |_| verdict.with(|v| v.line(&rule))
                        });
                        let status = move || line.with(|l| l.as_ref().map(|l| l.status.clone()).unwrap_or_default());
                        // Before the first keystroke a rule is what is asked, not a failure;
                        // a rule only the server decides is information.
                        let shown = Memo::new(move |_| match status().as_str() {
                            "pending" => "info",
                            _ if untouched.get() => "neutral",
                            other => if other == "pass" { "pass" } else { "fail" },
                        });
                        let shown = move || shown.get();
                        view! {
                            <li data-rule=rule.clone() data-status=status data-shown=shown class=move || format!("rule {}", shown())>
                                <span class="icon" aria-hidden="true">
                                    {move || match shown() { "pass" => "✓", "fail" => "✗", "info" => "i", _ => "•" }}
                                </span>
                                <span class="sr-only">
                                    {move || tr(match shown() { "pass" => "page.rule.met", "fail" => "page.rule.unmet", "info" => "page.rule.pending", _ => "page.rule.asked" }, &[])}
                                </span>
                                <span class="text">{move || line.with(|l| l.as_ref().map(|l| l.message.clone()).unwrap_or_default())}</span>
                            </li>
                        }
                    }
                </For>
            </ul>
            <Show when=move || !untouched.get() && verdict.with(|v| v.strength.is_some())>
                <StrengthMeter verdict=verdict/>
            </Show>
            <p class="sr-only" aria-live="polite" aria-atomic="true">{move || summary.get()}</p>
        </div>
    }
}

#[component]
fn StrengthMeter(verdict: Memo<Verdict>) -> impl IntoView {
    let strength = Memo::new(move |_| verdict.with(|v| v.strength.clone()));
    let score = move || strength.with(|s| s.as_ref().map_or(0, |s| s.score));
    let advice = move || strength.with(|s| s.as_ref().is_some_and(|s| s.advice));
    // A warning is an alarm only where the password can still be refused for it.
    let alarm = move || strength.with(|s| s.as_ref().is_some_and(|s| !s.advice || !s.accepted));
    view! {
        <div class="strength" data-strength-score=move || score().to_string() data-advice=move || advice().to_string()>
            <div class="meter" role="meter" aria-label=t("page.strength.label") aria-valuemin="0" aria-valuemax="4"
                aria-valuenow=move || score().to_string()
                aria-valuetext=move || score_word(score())>
                {(1..=4u8).map(|bar| view! {
                    <span class={move || if score() >= bar { format!("bar on s{}", score()) } else { "bar".to_owned() }}></span>
                }).collect_view()}
            </div>
            <p class="strength-label">
                {move || tr(if advice() { "page.strength.advice" } else { "page.strength.line" }, &[("word", Arg::Text(&score_word(score())))])}
            </p>
            {move || strength.with(|s| s.as_ref().and_then(|s| s.warning.clone())).map(|w| view! {
                <p class=if alarm() { "warning" } else { "tip" } data-warning=if alarm() { "alarm" } else { "tip" }>{w}</p>
            })}
            <ul class="suggestions">
                {move || strength.with(|s| s.as_ref().map(|s| s.suggestions.clone()).unwrap_or_default())
                    .into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
            </ul>
        </div>
    }
}

/// A password input with a show/hide toggle. Paste is allowed; `autocomplete` lets password
/// managers fill or generate it.
#[component]
pub(crate) fn PasswordInput(
    #[prop(into)] id: String,
    /// The catalogue key of the label.
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] autocomplete: String,
    #[prop(optional, into)] describedby: Option<String>,
    /// For a new password: the policy's `passwordrules` string (SPEC §9), which password
    /// managers follow when they generate one.
    #[prop(optional, into)]
    passwordrules: Option<Signal<Option<String>>>,
    /// The form's errors, when a refused submit may name this field.
    #[prop(optional)]
    errors: Option<crate::form::Errors>,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    let input_id = id.clone();
    let invalid = {
        let id = id.clone();
        Signal::derive(move || errors.and_then(|e| e.of(&id)).is_some())
    };
    let describedby = {
        let id = id.clone();
        move || {
            let error = errors
                .and_then(|e| e.of(&id))
                .map(|_| format!("{id}-error"));
            let all: Vec<String> = error.into_iter().chain(describedby.clone()).collect();
            (!all.is_empty()).then(|| all.join(" "))
        }
    };
    // `passwordrules` has no typed attribute in Leptos: set as a custom one, absent when
    // the policy gives none.
    let input = view! {
        <input
            id=input_id
            name=id.clone()
            type=move || if shown.get() { "text" } else { "password" }
            autocomplete=autocomplete
            aria-describedby=describedby
            aria-invalid=move || invalid.get().then_some("true")
            spellcheck="false"
            autocapitalize="off"
            prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))
        />
    }
    .add_any_attr(custom_attribute("passwordrules", move || {
        passwordrules.and_then(|rules| rules.get())
    }));
    view! {
        <div class="field" class:invalid=invalid>
            <label for=id.clone()>{t(label)}</label>
            {errors.map(|errors| view! { <crate::form::FieldError errors=errors id=id.clone()/> })}
            <div class="password-row">
                {input}
                <button type="button" class="toggle" aria-pressed=move || shown.get().to_string()
                    aria-controls=id.clone()
                    on:click=move |_| shown.update(|s| *s = !*s)>
                    {move || tr(if shown.get() { "page.password.hide" } else { "page.password.show" }, &[])}
                </button>
            </div>
        </div>
    }
}

/// Whether two typed passwords match, shown under the confirmation field.
#[component]
pub(crate) fn ConfirmHint(password: RwSignal<String>, confirm: RwSignal<String>) -> impl IntoView {
    view! {
        <p class="confirm-hint" id="confirm-password-hint" data-match=move || (confirm.with(String::is_empty) || password.get() == confirm.get()).to_string()>
            {move || {
                let (p, c) = (password.get(), confirm.get());
                if c.is_empty() { String::new() }
                else if p == c { tr("page.confirm.match", &[]) }
                else { tr("page.confirm.mismatch", &[]) }
            }}
        </p>
    }
}
