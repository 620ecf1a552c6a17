#!/usr/bin/env bash
# What re-checking passwords at login costs (SPEC §9): the time of a correct POST /api/login
# on the release server, one connection at a time, with the policy's `check_at_login` off
# and no staged policy ("plain"), and with `check_at_login = true` and a staged policy whose
# verdict is stored at every login ("checked"). Rounds alternate plain, checked, plain, …
# so both see the same machine; each round is a fresh server on a fresh SQLite database (or
# on PostgreSQL with BENCH_DATABASE=postgres://…), wrk's latency distribution printed.
# BENCH_SERVER_ENV="MALLOC_ARENA_MAX=1" runs the servers with that environment: glibc's
# per-thread arenas give each Argon2 block (19 MiB) back to the system after every hash unless
# something else (such as the engine's tables, which the re-check allocates on the hashing
# thread) keeps the arena's heap in place, which alone moves a login by about 8 ms.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_commands wrk curl
step "Building passguard (release)"
cargo build --release --locked -p passguard
bin="$ROOT/target/release/passguard"
rounds="${BENCH_ROUNDS:-3}"
seconds="${BENCH_SECONDS:-10}"
port="${BENCH_PORT:-18475}"
url="http://127.0.0.1:$port"

work="$(mktemp -d)"
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
# The policy in force: the NIST preset, with the re-check at login on.
"$bin" policy show nist-800-63b | sed 's/^check_at_login = false/check_at_login = true/' >"$work/checked.toml"
grep -q '^check_at_login = true' "$work/checked.toml"
cat >"$work/login.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"username": "bench", "password": "correct horse battery staple"}'
wrk.headers["Content-Type"] = "application/json"
LUA

round() { # KIND N
  local kind="$1" n="$2" database
  database="${BENCH_DATABASE:-sqlite://$work/$kind-$n.db?mode=rwc}"
  local common=(--database "$database" --mail-dir "$work/mail" --public-url "$url")
  local extra=(--policy nist-800-63b)
  [ "$kind" = checked ] && extra=(--policy "$work/checked.toml" --staged-policy security-admin)
  # shellcheck disable=SC2086 # BENCH_SERVER_ENV is a list of NAME=value words.
  env ${BENCH_SERVER_ENV:-} "$bin" serve --listen "127.0.0.1:$port" "${common[@]}" "${extra[@]}" >"$work/server-$kind-$n.log" 2>&1 &
  server=$!
  until curl -sf "$url/api/policy" >/dev/null; do sleep 0.1; done
  local user="bench"
  if [ -n "${BENCH_DATABASE:-}" ]; then user="bench$kind$n"; sed -i "s/\"username\": \"[^\"]*\"/\"username\": \"$user\"/" "$work/login.lua"; fi
  local link
  link="$("$bin" admin create --username "$user" --email "$user@localhost" "${common[@]}" | tail -n 1)"
  curl -sf -X POST "$url/api/register" -H 'content-type: application/json' -d "{
    \"token\": \"${link##*token=}\", \"password\": \"correct horse battery staple\",
    \"security_questions\": []
  }" >/dev/null
  echo "== $kind, round $n"
  wrk -t1 -c1 -d"${seconds}s" --latency -s "$work/login.lua" "$url/api/login" | grep -E "^ +(50|90|99)%|Requests/sec|Non-2xx"
  kill "$server"; wait "$server" 2>/dev/null || true; server=
}

for n in $(seq 1 "$rounds"); do
  round plain "$n"
  round checked "$n"
done
