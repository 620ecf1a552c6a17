//! The passguard web pages (SPEC §6): a Leptos client-side app that fetches the policy from the
//! server and runs the very engine the server runs, so the checklist is live on every keystroke
//! and agrees with the server's verdict.

// Leptos' `#[component]` expands to `pub` props structs whatever the function's visibility;
// in a binary nothing is reachable from outside anyway.
#![allow(unreachable_pub)]

mod api;
mod app;
mod breach;
mod catalogue;
mod checker;
mod form;
mod i18n;
mod pages;
mod time;
mod words;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
