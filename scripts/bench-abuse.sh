#!/usr/bin/env bash
# The abuse campaign of issue 13 (not part of the test command): loopback only, several
# 127.0.0.x source addresses as several clients, every loop bounded in count and time.
# The release build, a fresh SQLite database, the OWASP Argon2 parameters, the default
# [limits] of SPEC §8; then once more with the per-client login budget lifted, to see the
# fair Argon2 queue alone. Figures go to BENCHMARKS.md by hand.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_commands curl
step "Building passguard (release)"
cargo build --release --locked -p passguard
bin="$ROOT/target/release/passguard"
ulimit -n 8192 2>/dev/null || true

work="$(mktemp -d)"
port="${BENCH_PORT:-18475}"
url="http://127.0.0.1:$port"
common=(--database "$work/bench.db" --mail-dir "$work/mail" --public-url "$url")
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT

start() {   # start CONFIG_TEXT
  printf '%s\n' "$1" >"$work/passguard.toml"
  "$bin" serve --listen "127.0.0.1:$port" --config "$work/passguard.toml" "${common[@]}" \
    >"$work/server.log" 2>&1 &
  server=$!
  until curl -sf "$url/api/policy" >/dev/null; do sleep 0.1; done
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

register() {   # register USERNAME
  local link
  link="$("$bin" admin create --username "$1" --email "$1@localhost" "${common[@]}" | tail -n 1)"
  curl -sf -X POST "$url/api/register" -H 'content-type: application/json' -d "{
    \"token\": \"${link##*token=}\", \"password\": \"Correct1!horse\",
    \"security_questions\": [{\"question\": \"a?\", \"answer\": \"bbb\"}, {\"question\": \"c?\", \"answer\": \"ddd\"}]
  }" >/dev/null
}

start ""
step "Registering 52 accounts"
for name in bench victim spray{0..49}; do register "$name"; done

step "Default limits: flood (attacker at nice 0, then 10), spraying, forgot, slow headers"
python3 "$ROOT/scripts/bench-abuse.py" "$url" "$work/mail" flood
BENCH_ATTACKER_NICE=10 python3 "$ROOT/scripts/bench-abuse.py" "$url" "$work/mail" flood
python3 "$ROOT/scripts/bench-abuse.py" "$url" "$work/mail" spray forgot slow-headers
stop

step "The per-client login budget lifted: the fair Argon2 queue alone under the flood"
start $'[limits]\nfailed_logins_per_client = "1000000/1min"'
python3 "$ROOT/scripts/bench-abuse.py" "$url" "$work/mail" flood
BENCH_ATTACKER_NICE=10 python3 "$ROOT/scripts/bench-abuse.py" "$url" "$work/mail" flood
stop
