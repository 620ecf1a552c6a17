#!/usr/bin/env bash
# Installs what is missing, then runs every test of passguard. Used by CI (.ci/run).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_wasm_target
cargo fetch --quiet
ensure_wasm_bindgen
ensure_chromium
# The server's tests run against real PostgreSQL and a real SMTP server; never skipped.
ensure_postgres
trap stop_postgres EXIT
ensure_aiosmtpd

step "Formatting and lints (native and wasm32)"
cargo fmt --all -- --check
cargo clippy --workspace --exclude passguard-www --all-targets --locked -- -D warnings
cargo clippy -p passguard-policy -p passguard-strength -p passguard-wasm --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
# Alone: the pages build the engine without its embedded word lists (`embedded-words`).
cargo clippy -p passguard-www --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

step "Native tests (the server's: in-process, and real processes on SQLite and PostgreSQL)"
cargo test --workspace --exclude passguard-www --locked
# The pages' own catalogue and its keys, natively (the app itself runs only in a browser).
cargo test -p passguard-www --locked

step "The engine, the estimator and the shared vectors under wasm32 (Node)"
cargo test -p passguard-policy -p passguard-strength --target wasm32-unknown-unknown --locked

step "The wasm bindings in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test -p passguard-wasm --target wasm32-unknown-unknown --locked

step "The npm package: build, then test it from its packed tarball"
bash scripts/build-npm.sh
bash scripts/test-npm.sh

step "The web pages in headless Chromium against a real server"
bash scripts/test-pages.sh

step "All tests passed"
