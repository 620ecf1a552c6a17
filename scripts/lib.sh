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
