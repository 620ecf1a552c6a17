#!/usr/bin/env bash
# Installs what is missing, builds passguard and runs the server on SQLite (./passguard.db,
# e-mail as .eml files in ./passguard-mail). Until the administrator has registered, every
# start prints a fresh registration link for it. PASSGUARD_LISTEN changes the address.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash scripts/build-www.sh
step "Building passguard"
cargo build --release --locked -p passguard
bin="$ROOT/target/release/passguard"
listen="${PASSGUARD_LISTEN:-127.0.0.1:8080}"
url="http://$listen"
common=(--database passguard.db --mail-dir passguard-mail --public-url "$url")

step "The administrator account"
if out="$("$bin" admin create --username admin --email admin@localhost --admin "${common[@]}" 2>&1)"; then
  link="$(tail -n 1 <<<"$out")"
elif grep -q "already exists" <<<"$out"; then
  link=""
else
  echo "$out" >&2
  exit 1
fi

step "Starting passguard (Ctrl-C stops it)"
echo "passguard:               $url"
if [ -n "$link" ]; then
  echo "admin registration link: $link"
else
  echo "admin:                   already registered; sign in at $url/login"
fi
echo "e-mail:                  $ROOT/passguard-mail/*.eml"
exec "$bin" serve --listen "$listen" "${common[@]}"
