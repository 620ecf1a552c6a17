#!/usr/bin/env bash
# Builds the npm package `passguard` from crates/passguard-wasm, offline:
#   target/npm/{web,bundler,nodejs}     wasm-pack's three builds
#   target/npm/passguard/               the package: the three builds, node/, package.json, README
#   target/npm/passguard-VERSION.tgz    what `npm pack` makes of it
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_wasm_target
ensure_wasm_bindgen
ensure_wasm_pack
ensure_node_tools
# binaryen's wasm-opt from npm: Debian's (version 108) is too old for what rustc emits.
export PATH="$ROOT/tools/node_modules/.bin:$PATH"

crate="$ROOT/crates/passguard-wasm"
out="$ROOT/target/npm"
package="$out/passguard"

crate_version="$(awk -F'"' '/^\[workspace.package\]/ { in_ws = 1 } in_ws && /^version =/ { print $2; exit }' Cargo.toml)"
npm_version="$(node -p 'require(process.argv[1]).version' "$crate/npm/package.json")"
if [ "$crate_version" != "$npm_version" ]; then
  echo "crates/passguard-wasm/npm/package.json has version $npm_version; the workspace has $crate_version" >&2
  exit 1
fi

for target in web bundler nodejs; do
  step "wasm-pack build --target $target"
  # --mode no-install: use the wasm-bindgen on PATH (ensured above) and never download one.
  # --profile wasm-release: size-optimised, panic = abort (see Cargo.toml).
  # The web build leaves the word lists out of its wasm: its init() fetches them.
  features=()
  [ "$target" = web ] && features=(-- --no-default-features)
  wasm-pack --log-level warn build "$crate" --mode no-install --no-pack --target "$target" \
    --profile wasm-release --out-dir "$out/$target" --out-name passguard "${features[@]}"
done

step "Assembling the package in target/npm/passguard"
rm -rf "$package"
mkdir -p "$package"
cp "$crate/npm/package.json" "$crate/npm/README.md" "$package/"
cp -r "$crate/npm/node" "$package/node"
# The bundler and nodejs builds differ only in their JS glue, so the package ships their wasm
# once. It stays in bundler/, where its own imports ("./passguard_bg.js") resolve under a
# bundler's WebAssembly ES module integration; the nodejs glue is pointed at it. The web build
# has its own wasm, without the word lists, and the words asset beside it; its glue becomes
# passguard_glue.js under the entries that load it (crates/passguard-wasm/npm/web/).
cmp "$out/bundler/passguard_bg.wasm" "$out/nodejs/passguard_bg.wasm"
for target in web bundler nodejs; do
  mkdir "$package/$target"
  if [ "$target" = web ]; then
    cp "$out/web/passguard.js" "$package/web/passguard_glue.js"
    cp "$out/web/passguard.d.ts" "$package/web/passguard_glue.d.ts"
    cp "$out/web/passguard_bg.wasm" "$package/web/"
    cp "$crate"/npm/web/*.js "$crate"/npm/web/*.d.ts "$package/web/"
    node "$ROOT/scripts/words-asset.mjs" "$package/web" passguard_words.bin >/dev/null
  else
    cp "$out/$target"/passguard.js "$out/$target"/passguard.d.ts "$package/$target/"
  fi
  if [ "$target" = bundler ]; then
    cp "$out/bundler"/passguard_bg.{js,wasm,wasm.d.ts} "$package/bundler/"
  fi
  # The package is "type": "module"; the nodejs build is CommonJS.
  module_type=module
  [ "$target" = nodejs ] && module_type=commonjs
  printf '{ "type": "%s" }\n' "$module_type" > "$package/$target/package.json"
done
node "$ROOT/scripts/npm-finish.mjs" "$package"

step "npm pack"
rm -f "$out"/passguard-*.tgz
(cd "$out" && npm pack --silent ./passguard >/dev/null)
ls -l "$out/passguard-$npm_version.tgz"
