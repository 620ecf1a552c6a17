// Adapts the npm package's `web` build (target/npm/web, from scripts/build-npm.sh) to the
// page browser.mjs serves: `default(options)` initialises the package and makes the checker,
// `estimate(password)` runs a whole check (a policy with no other rules, as in
// package-adapter.mjs) and returns the report's strength. browser.mjs serves the build's files
// under /wasm/ beside this module: `node run.mjs --chromium /usr/bin/chromium --wasm-web
// ../../target/npm/web --web-adapter package-web-adapter.mjs`.
import init, { Checker } from './passguard.js';

let checker;

export default async function start(options) {
  await init(options);
  checker = new Checker({ name: 'bench', password: { min_length: 1, max_length: 4096, blocklist: 'none', forbid_personal_info: false } });
}

export function estimate(password) {
  return checker.check(password).strength;
}
