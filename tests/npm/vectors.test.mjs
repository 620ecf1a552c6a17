// The shared vectors through the installed package: every report deep-equal to what the
// native `passguard check --json` prints for the same password, policy and context, and
// every expectation the vectors state. Policy errors: the same message as the CLI's.
// The package reads no TOML: a vector's TOML policy is read with smol-toml (from tools/) and
// given to the package as the object, while the CLI reads the TOML file itself.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, test } from "node:test";
import { pathToFileURL } from "node:url";

import init, { Checker, audit } from "passguard";

import {
  CLI,
  cliContextArgs,
  cliPolicyError,
  cliReports,
  cliTakesContext,
  expectedStatuses,
  jsContext,
  policyFile,
  statuses,
  vectorFiles,
} from "./support.mjs";

await init();

const tools = process.env.PASSGUARD_TOOLS;
if (!tools) throw new Error("run through scripts/test-npm.sh");
const { parse: parseToml } = await import(pathToFileURL(join(tools, "node_modules", "smol-toml", "dist", "index.js")).href);

/**
 * Without what depends on the context the CLI cannot take: the `min-age` rule (moments),
 * the `not-breached` rule (a breach verdict given in the context), and so `accepted`; each
 * is checked against the vector instead.
 */
function withoutMinAge({ accepted, rules, ...rest }) {
  return { ...rest, rules: rules.filter((rule) => rule.id !== "min-age" && rule.id !== "not-breached") };
}

/** The package's checker for a case, checking that object and JSON text give the same policy. */
function checkerFor(file, testCase) {
  if (testCase.policy_toml === undefined) return new Checker(file.policy);
  const checker = new Checker(parseToml(testCase.policy_toml));
  const policy = checker.policy;
  assert.deepEqual(new Checker(policy).policy, policy, "a policy object reads back the same");
  assert.deepEqual(new Checker(JSON.stringify(policy)).policy, policy, "so does its JSON");
  return checker;
}

function cliPolicyArg(file, testCase) {
  return testCase.policy_toml === undefined ? file.policy : policyFile(testCase.policy_toml, "toml");
}

/**
 * What a vector file holds, from the shape of its cases: reports (`accepted`), refused
 * policies (`contains`), the findings of `passguard policy audit` (`findings`), or
 * organizations' overlays (`overlay`: the engine's `Policy::tightened_by`, which the npm
 * package does not offer; the engine's own tests run them natively and in wasm). A new kind
 * fails the test below until this runner knows what to do with it.
 */
function kind(file) {
  const has = (field) => file.cases.length > 0 && file.cases.every((c) => c[field] !== undefined);
  if (file.defaults !== undefined && has("accepted")) return "report";
  if (has("policy_toml") && has("contains")) return "error";
  if (has("findings")) return "audit";
  if (has("score") && has("user_inputs")) return "strength";
  if (has("site") && has("overlay")) return "overlay";
  if (has("passwordrules")) return "passwordrules";
  return "unknown";
}

const files = vectorFiles();
const reportFiles = files.filter((file) => kind(file) === "report");
const errorFiles = files.filter((file) => kind(file) === "error");
const auditFiles = files.filter((file) => kind(file) === "audit");
const strengthFiles = files.filter((file) => kind(file) === "strength");
const passwordRulesFiles = files.filter((file) => kind(file) === "passwordrules");

test("the vector files are all there, each of a known kind", () => {
  assert.ok(reportFiles.length >= 6, `report vector files: ${reportFiles.map((f) => f.file)}`);
  assert.ok(errorFiles.length >= 1, "an error vector file");
  assert.ok(auditFiles.length >= 1, "an audit vector file");
  assert.ok(strengthFiles.length >= 1, "a strength vector file");
  assert.ok(passwordRulesFiles.length >= 1, "a passwordrules vector file");
  for (const file of files) {
    assert.ok(file.source, `${file.file} names its source`);
    assert.notEqual(kind(file), "unknown", `${file.file}: a kind of vector this runner does not know`);
  }
});

for (const file of reportFiles) {
  describe(file.file, () => {
    // One CLI run per policy and context flags, all of its passwords on stdin.
    const groups = new Map();
    for (const [index, testCase] of file.cases.entries()) {
      const args = ["--policy", cliPolicyArg(file, testCase), ...cliContextArgs(testCase.context)];
      const key = testCase.policy_toml === undefined ? JSON.stringify(args) : `case ${index}`;
      if (!groups.has(key)) groups.set(key, { args, cases: [] });
      groups.get(key).cases.push({ index, testCase });
    }
    const native = new Map();
    for (const { args, cases } of groups.values()) {
      const reports = cliReports(cases.map(({ testCase }) => testCase.password), args);
      cases.forEach(({ index }, at) => native.set(index, reports[at]));
    }

    for (const [index, testCase] of file.cases.entries()) {
      test(testCase.note, () => {
        const checker = checkerFor(file, testCase);
        const report = checker.check(testCase.password, jsContext(testCase.context, index % 2 === 0));
        const cli = native.get(index);

        if (cliTakesContext(testCase.context)) {
          assert.deepStrictEqual(report, cli, "the same report as passguard check --json");
        } else {
          // The CLI takes no moments nor breach verdicts: every other rule must still agree.
          assert.deepStrictEqual(withoutMinAge(report), withoutMinAge(cli));
        }

        assert.deepStrictEqual(statuses(report), expectedStatuses(file.defaults, testCase.expect));
        assert.equal(report.accepted, testCase.accepted, "accepted");
        for (const rule of report.rules) assert.ok(rule.message.length > 0, `${rule.id} has a message`);
        for (const [id, message] of Object.entries(testCase.messages ?? {})) {
          assert.equal(report.rules.find((r) => r.id === id)?.message, message, `${id}'s message`);
        }
        for (const [id, params] of Object.entries(testCase.params ?? {})) {
          const rule = report.rules.find((r) => r.id === id);
          assert.ok(rule, `${id} is in the report`);
          for (const [key, value] of Object.entries(params)) {
            assert.deepStrictEqual(rule.params[key], value, `${id}.${key}`);
          }
        }
      });
    }
  });
}

for (const file of errorFiles) {
  describe(file.file, () => {
    for (const testCase of file.cases) {
      test(testCase.note, () => {
        let object;
        try {
          object = parseToml(testCase.policy_toml);
        } catch {
          // A TOML syntax error has no JSON form: only the CLI reads it, and refuses it.
          assert.ok(cliPolicyError(policyFile(testCase.policy_toml, "toml")).includes(testCase.contains));
          return;
        }
        const json = JSON.stringify(object);
        const native = cliPolicyError(policyFile(json, "json"));
        assert.throws(
          () => new Checker(object),
          (error) => {
            assert.ok(error instanceof Error);
            assert.equal(error.message, native, "the CLI's message");
            assert.ok(error.message.includes(testCase.contains), `mentions ${testCase.contains}`);
            assert.equal(error.field, testCase.field ?? undefined, "field");
            return true;
          },
        );
      });
    }
  });
}

for (const file of auditFiles) {
  describe(file.file, () => {
    for (const testCase of file.cases) {
      test(testCase.note, () => {
        const input = testCase.policy ?? parseToml(testCase.policy_toml);
        const options = testCase.asvs_level === undefined ? undefined : { asvsLevel: testCase.asvs_level };
        const report = audit(input, options);
        const levels = Object.fromEntries(report.findings.map((f) => [f.id, f.level]));
        assert.deepStrictEqual(levels, testCase.findings);
        assert.equal(report.conforms, !report.findings.some((f) => f.level.startsWith("SHALL")));
        const file = testCase.policy ?? policyFile(testCase.policy_toml, "toml");
        const args = ["policy", "audit", file, "--json", "--asvs-level", String(testCase.asvs_level ?? 1)];
        const run = spawnSync(CLI, args, { encoding: "utf8" });
        assert.equal(run.status, report.conforms ? 0 : 1, run.stderr);
        assert.deepStrictEqual(report, JSON.parse(run.stdout), "the same as passguard policy audit --json");
      });
    }
  });
}

// zxcvbn 4.4.2's own answers, through the package: the estimate a browser shows is the one
// the native estimator was checked against. Cases with user inputs are left to the Rust
// tests, which pass the inputs as given rather than as a context.
for (const file of strengthFiles) {
  describe(file.file, () => {
    const checker = new Checker("nist-800-63b");
    for (const testCase of file.cases.filter((c) => c.user_inputs.length === 0)) {
      test(testCase.name, () => {
        const { strength } = checker.check(testCase.password);
        assert.equal(strength.score, testCase.score, "score");
        // Ranks are stored within a factor 10^0.05 of zxcvbn's (the Rust test's tolerance).
        assert.ok(Math.abs(strength.guesses_log10 - testCase.guesses_log10) <= 0.1, `guesses_log10 ${strength.guesses_log10} vs ${testCase.guesses_log10}`);
        assert.equal(strength.warning_id, testCase.warning, "warning");
        assert.deepEqual(strength.suggestion_ids, testCase.suggestions, "suggestions");
        assert.equal(strength.suggestions.length, strength.suggestion_ids.length);
      });
    }
  });
}

// The `passwordrules` strings: the engine's own test checks the same expectations natively
// and under wasm32, so the package's string is the one the server puts on its pages.
for (const file of passwordRulesFiles) {
  describe(file.file, () => {
    for (const testCase of file.cases) {
      test(testCase.note, () => {
        const checker = new Checker(testCase.policy ?? parseToml(testCase.policy_toml));
        assert.equal(checker.passwordRules(), testCase.passwordrules);
        assert.equal(new Checker(checker.policy).passwordRules(), testCase.passwordrules, "from the policy object too");
      });
    }
  });
}
