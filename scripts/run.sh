#!/usr/bin/env bash
# Installs what is missing, builds passguard and shows it at work.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

step "Building passguard"
cargo build --release --locked -p passguard
bin="$ROOT/target/release/passguard"

step "passguard check --policy security-admin (the server arrives with the server issue)"
printf '%s\n' 'Xyz<wxyz' 'Aa1😀😀😀😀😀' 'Passw0rd' | "$bin" check --policy security-admin || true
echo
echo "Try it yourself:  echo 'my password' | $bin check --policy nist-800-63b --json"
