#!/usr/bin/env bash
# Tests the packed npm package as a user gets it: `npm pack`'s tarball installed into a fresh
# folder, used from Node (the shared vectors against the native CLI, ESM and CommonJS), from
# TypeScript (tsc --noEmit) and from a Vite build opened in headless Chromium.
# Expects scripts/build-npm.sh to have run (scripts/test.sh runs it first).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_node_tools
tools="$ROOT/tools/node_modules/.bin"

version="$(node -p 'require(process.argv[1]).version' "$ROOT/crates/passguard-wasm/npm/package.json")"
tarball="$ROOT/target/npm/passguard-$version.tgz"
[ -f "$tarball" ] || { echo "$tarball is missing: run scripts/build-npm.sh" >&2; exit 1; }

step "The native passguard binary, to compare against"
cargo build -p passguard --locked --quiet
export PASSGUARD_BIN="$ROOT/target/debug/passguard"
export PASSGUARD_ROOT="$ROOT"
export PASSGUARD_ARTIFACTS="$ROOT/artifacts"

step "npm install of the tarball into a fresh folder"
consumer="$(mktemp -d)"
trap 'rm -rf "$consumer"' EXIT
cp -r "$ROOT/tests/npm/." "$consumer/"
# A local tarball without dependencies: nothing is fetched.
(cd "$consumer" && npm install --no-audit --no-fund --offline "$tarball")

step "TypeScript: tsc --noEmit over an example using the declarations"
(cd "$consumer" && "$tools/tsc" --noEmit -p tsconfig.json && "$tools/tsc" --noEmit -p tsconfig.node.json)

step "Vite: building tests/npm/vite-app against the installed package"
"$tools/vite" build "$consumer/vite-app" --base ./ --logLevel warn --emptyOutDir

step "node --test: vectors, API, CommonJS, and the Vite app in headless Chromium"
export PASSGUARD_TOOLS="$ROOT/tools"
(cd "$consumer" && node --test --test-reporter=spec)
