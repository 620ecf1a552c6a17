// Starts the Leptos app. A separate file (not an inline script) so the server's
// Content-Security-Policy can forbid inline scripts.
import init from "/pkg/passguard_www.js";
init({ module_or_path: "/pkg/passguard_www_bg.wasm" });
