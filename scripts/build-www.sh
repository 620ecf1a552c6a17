#!/usr/bin/env bash
# Builds the Leptos pages into www/dist, which `passguard serve` serves: the app compiled to
# wasm32, bound with the wasm-bindgen CLI (--target web), shrunk with wasm-opt -Oz from npm's
# binaryen, the words asset beside it (scripts/words-asset.mjs), and every file precompressed
# (.br, .gz) so the server sends them compressed.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_wasm_target
ensure_wasm_bindgen
ensure_node_tools
export PATH="$ROOT/tools/node_modules/.bin:$PATH"

step "Building the web pages (www/dist)"
cargo build -p passguard-www --target wasm32-unknown-unknown --profile wasm-release --locked
dist="$ROOT/www/dist"
rm -rf "$dist"
mkdir -p "$dist/pkg"
wasm-bindgen --target web --no-typescript --out-dir "$dist/pkg" --out-name passguard_www \
  "$ROOT/target/wasm32-unknown-unknown/wasm-release/passguard-www.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$dist/pkg/passguard_www_bg.wasm" -o "$dist/pkg/passguard_www_bg.wasm"
cp "$ROOT"/www/index.html "$ROOT"/www/boot.js "$ROOT"/www/forms.js "$ROOT"/www/style.css "$dist/"
# The word lists the wasm leaves out, named by their content; the page names them and the
# app fetches them once it runs.
words="$(node "$ROOT/scripts/words-asset.mjs" "$dist/pkg")"
sed -i "s|/pkg/words.bin|/pkg/$words|" "$dist/index.html"
grep -q "/pkg/$words" "$dist/index.html"
node "$ROOT/scripts/precompress.mjs" "$dist"
ls -l "$dist/pkg/passguard_www_bg.wasm"*
