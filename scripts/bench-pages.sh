#!/usr/bin/env bash
# Keystroke-to-checklist latency of the web pages in headless Chromium (see tests/e2e/latency.mjs;
# --early starts typing as soon as the checklist shows, before the page has settled).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_chromium
ensure_node_tools
bash scripts/build-www.sh
cargo build -p passguard --locked
PASSGUARD_ROOT="$ROOT" PASSGUARD_BIN="$ROOT/target/debug/passguard" node tests/e2e/latency.mjs "$@"
