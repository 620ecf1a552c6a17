#!/usr/bin/env bash
# Measures the server with wrk (Debian's package, installed here and not by the test
# command): GET /api/policy, POST /api/login, and the policy while logins flood the server.
# A fresh SQLite database, the OWASP Argon2 parameters, the release build. Both the server
# and wrk share this machine's cores, as they would on a small host.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_commands wrk curl
step "Building passguard (release)"
cargo build --release --locked -p passguard
bin="$ROOT/target/release/passguard"

work="$(mktemp -d)"
port="${BENCH_PORT:-18474}"
url="http://127.0.0.1:$port"
common=(--database "$work/bench.db" --mail-dir "$work/mail" --public-url "$url")
"$bin" serve --listen "127.0.0.1:$port" "${common[@]}" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "$url/api/policy" >/dev/null; do sleep 0.1; done

link="$("$bin" admin create --username bench --email bench@localhost "${common[@]}" | tail -n 1)"
curl -sf -X POST "$url/api/register" -H 'content-type: application/json' -d "{
  \"token\": \"${link##*token=}\", \"password\": \"Correct1!horse\",
  \"security_questions\": [{\"question\": \"a?\", \"answer\": \"bbb\"}, {\"question\": \"c?\", \"answer\": \"ddd\"}]
}" >/dev/null
cat >"$work/login.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"username": "bench", "password": "Correct1!horse"}'
wrk.headers["Content-Type"] = "application/json"
LUA

step "GET /api/policy"
wrk -t2 -c64 -d10s --latency "$url/api/policy"
step "POST /api/login (a correct password: one Argon2id verification, a session stored)"
wrk -t2 -c16 -d10s --latency -s "$work/login.lua" "$url/api/login"
step "GET /api/policy while 32 connections flood POST /api/login"
wrk -t1 -c32 -d14s -s "$work/login.lua" "$url/api/login" >"$work/flood.txt" &
flood=$!
sleep 2
wrk -t1 -c16 -d10s --latency "$url/api/policy"
wait $flood
echo "(the flood itself:)"
grep -E "Requests/sec|Non-2xx" "$work/flood.txt"
