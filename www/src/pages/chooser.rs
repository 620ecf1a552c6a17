//! Choosing a new password: the field, its confirmation and the live checklist, shared by
//! registration, reset and change.

use leptos::prelude::*;
use passguard_policy::{Context, Policy, Report};

use crate::app::shared;
use crate::checker::{Checklist, ConfirmHint, PasswordInput, Verdict, live_verdict};
use crate::form::Errors;
use crate::i18n::tr_now;

/// The state a page keeps for a new password.
#[derive(Clone, Copy)]
pub(crate) struct NewPassword {
    pub(crate) password: RwSignal<String>,
    pub(crate) confirm: RwSignal<String>,
    /// The server's verdict on the last submitted password (a 422 report).
    pub(crate) server: RwSignal<Option<(String, Verdict)>>,
    pub(crate) verdict: Memo<Verdict>,
    /// The policy's `passwordrules` attribute for password managers.
    pub(crate) rules: Memo<Option<String>>,
    policy: Signal<Option<Policy>>,
}

/// Once a page with a new-password field is shown and the word lists are there, and once
/// per page load: runs the engine over every kind of password, so that the browser compiles
/// its code (and the dictionary its index) now rather than on a keystroke
/// (`passguard_policy::warm_up`). Pages without such a field never pay for it.
fn warm_up_once() {
    static WARMED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if WARMED.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let ready = crate::words::ready();
    Effect::new(move |_| {
        if ready.get() && !WARMED.swap(true, std::sync::atomic::Ordering::Relaxed) {
            // One password per task, so that a keystroke typed meanwhile waits for one
            // check at most, not for the whole warm-up (12–20 ms).
            leptos::task::spawn_local(async {
                let mut step = 0;
                loop {
                    gloo_timers::future::TimeoutFuture::new(0).await;
                    if !passguard_policy::warm_up_step(step) {
                        break;
                    }
                    step += 1;
                }
            });
        }
    });
}

impl NewPassword {
    /// Checked against the policy in force for the signed-in account.
    pub(crate) fn new(context: Signal<Context>) -> Self {
        Self::under(shared().policy(), context)
    }

    /// Checked against `policy` (for a link, the policy of the link's account).
    pub(crate) fn under(policy: Signal<Option<Policy>>, context: Signal<Context>) -> Self {
        warm_up_once();
        let password = RwSignal::new(String::new());
        let server = RwSignal::new(None);
        let breached = crate::breach::live(policy, password.into());
        let context = Signal::derive(move || Context {
            breached: breached.get(),
            ..context.get()
        });
        let verdict = live_verdict(policy, password.into(), context, server);
        let rules =
            Memo::new(move |_| policy.with(|p| p.as_ref().and_then(Policy::password_rules)));
        Self {
            password,
            confirm: RwSignal::new(String::new()),
            server,
            verdict,
            rules,
            policy,
        }
    }

    /// Why a submit of this password is refused, field by field (empty when it is not).
    pub(crate) fn errors(self) -> Vec<(String, String)> {
        let mut errors = Vec::new();
        let password = self.password.get_untracked();
        if password.is_empty() {
            errors.push((
                "new-password".to_owned(),
                tr_now("page.password.need-new", &[]),
            ));
        } else if !self
            .verdict
            .with_untracked(|v| v.accepted && !v.lines.is_empty())
        {
            errors.push((
                "new-password".to_owned(),
                tr_now("page.password.rules-unmet", &[]),
            ));
        }
        let confirm = self.confirm.get_untracked();
        if !password.is_empty() && confirm.is_empty() {
            errors.push((
                "confirm-password".to_owned(),
                tr_now("page.password.need-confirm", &[]),
            ));
        } else if !password.is_empty() && confirm != password {
            errors.push((
                "confirm-password".to_owned(),
                tr_now("page.confirm.mismatch", &[]),
            ));
        }
        errors
    }

    /// Shows the server's report for the password as submitted.
    pub(crate) fn show_server_report(self, report: &Report) {
        self.server.set(Some((
            self.password.get_untracked(),
            self.policy
                .with_untracked(|policy| Verdict::from_report(report, policy.as_ref())),
        )));
    }
}

#[component]
pub(crate) fn NewPasswordFields(state: NewPassword, errors: Errors) -> impl IntoView {
    view! {
        <PasswordInput id="new-password" label="page.field.new-password" value=state.password
            autocomplete="new-password" describedby="new-password-rules"
            passwordrules=state.rules errors=errors/>
        <Checklist verdict=state.verdict id="new-password-rules"/>
        <PasswordInput id="confirm-password" label="page.field.confirm-password" value=state.confirm
            autocomplete="new-password" describedby="confirm-password-hint"
            passwordrules=state.rules errors=errors/>
        <ConfirmHint password=state.password confirm=state.confirm/>
    }
}
