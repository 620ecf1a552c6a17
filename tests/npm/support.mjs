// What the npm tests share: where things are (set by scripts/test-npm.sh), the native CLI,
// the shared vectors, and turning a vector's context into the package's.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the npm tests through scripts/test-npm.sh`);
  return value;
}

/** The repository, for tests/vectors. */
export const ROOT = required("PASSGUARD_ROOT");
/** The native `passguard` binary built by cargo. */
export const CLI = required("PASSGUARD_BIN");

/** Every vector file: `{ file, ...contents }`. */
export function vectorFiles() {
  const dir = join(ROOT, "tests", "vectors");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((file) => ({ file, ...JSON.parse(readFileSync(join(dir, file), "utf8")) }));
}

const scratch = mkdtempSync(join(tmpdir(), "passguard-policies-"));
let policyFiles = 0;

/** A file holding `text`, for `--policy FILE`. */
export function policyFile(text, extension) {
  const path = join(scratch, `policy-${++policyFiles}.${extension}`);
  writeFileSync(path, text);
  return path;
}

/**
 * Runs `passguard check --json` over `passwords` and returns one report per password, with
 * `password_index` checked and removed. `args` holds --policy and the context flags.
 */
export function cliReports(passwords, args) {
  const run = spawnSync(CLI, ["check", "--json", ...args], {
    input: passwords.map((p) => `${p}\n`).join(""),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`passguard check ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  }
  const lines = run.stdout.trimEnd().split("\n").map((line) => JSON.parse(line));
  if (lines.length !== passwords.length) {
    throw new Error(`passguard check printed ${lines.length} reports for ${passwords.length} passwords`);
  }
  return lines.map(({ password_index, ...report }, index) => {
    if (password_index !== index) throw new Error(`password_index ${password_index} at line ${index}`);
    return report;
  });
}

/** The CLI's message for an invalid policy file (after "policy file PATH: "), exit status 2. */
export function cliPolicyError(path) {
  const run = spawnSync(CLI, ["check", "--policy", path], { input: "", encoding: "utf8" });
  const prefix = `passguard: error: policy file ${path}: `;
  const line = run.stderr.trim();
  if (run.status !== 2 || !line.startsWith(prefix)) {
    throw new Error(`expected exit 2 and "${prefix}…", got ${run.status}: ${run.stderr}`);
  }
  return line.slice(prefix.length);
}

/** The CLI flags for the parts of a vector's context that the CLI takes. */
export function cliContextArgs(context = {}) {
  const flags = {
    username: "--username",
    email: "--email",
    display_name: "--display-name",
    current_password: "--current",
    locale: "--locale",
  };
  return Object.entries(flags).flatMap(([field, flag]) =>
    context[field] === undefined ? [] : [`${flag}=${context[field]}`],
  );
}

/** Whether the CLI can express the whole of a vector's context. */
export function cliTakesContext(context = {}) {
  return Object.keys(context).every(
    (field) => field !== "now" && field !== "password_changed_at" && field !== "breached",
  );
}

/**
 * A vector's context (the engine's snake_case fields, Unix seconds) as the package takes it:
 * camelCase, moments in milliseconds, as a `Date` when `asDates` and a Date can hold it.
 */
export function jsContext(context = {}, asDates = false) {
  const moment = (seconds) => {
    const millis = seconds * 1000;
    return asDates && Math.abs(millis) <= 8.64e15 ? new Date(millis) : millis;
  };
  const names = {
    username: "username",
    email: "email",
    display_name: "displayName",
    current_password: "currentPassword",
    locale: "locale",
    breached: "breached",
  };
  const js = {};
  for (const [field, value] of Object.entries(context)) {
    if (field === "now") js.now = moment(value);
    else if (field === "password_changed_at") js.passwordChangedAt = moment(value);
    else if (names[field]) js[names[field]] = value;
    else throw new Error(`unknown context field in a vector: ${field}`);
  }
  return js;
}

/**
 * The vector's expectations for one case, as the engine's own runner reads them: the file's
 * defaults overridden by the case's `expect` ("absent" removes a rule).
 */
export function expectedStatuses(defaults, expect = {}) {
  const expected = { ...defaults };
  for (const [id, status] of Object.entries(expect)) {
    if (status === "absent") delete expected[id];
    else expected[id] = status;
  }
  return expected;
}

/** `{ id: status }` of a report. */
export function statuses(report) {
  return Object.fromEntries(report.rules.map((rule) => [rule.id, rule.status]));
}
