// Adapts the built npm package (target/npm/nodejs, from scripts/build-npm.sh) to the
// harness's `--wasm` interface: `estimate(password)` runs a whole check through the package
// (a policy with no other rules, so the cost is the estimator plus the JSON hand-off that
// every front end pays) and returns the report's strength.
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const { Checker } = createRequire(import.meta.url)(resolve(here, "../../target/npm/nodejs/passguard.js"));
const checker = new Checker({ name: "bench", password: { min_length: 1, max_length: 4096, blocklist: "none", forbid_personal_info: false } });

export const ready = Promise.resolve();
export function estimate(password) {
  return checker.check(password).strength;
}
