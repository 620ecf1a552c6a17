// The package's JavaScript API from Node, installed from the packed tarball: what the vectors
// do not cover (argument checking, moments, the policy getter) and the other two builds.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import init, { Checker, audit, length, presetNames, warmUp } from "passguard";

import { vectorFiles } from "./support.mjs";

await init();

const rules = (report) => Object.fromEntries(report.rules.map((rule) => [rule.id, rule.status]));

/** Asserts that `call` throws an Error whose message starts with `message` (and `field`, if given). */
function throwsError(call, message, ...field) {
  assert.throws(call, (error) => {
    assert.ok(error instanceof Error, "an Error");
    assert.ok(error.message.startsWith(message), `${JSON.stringify(error.message)} starts with ${message}`);
    if (field.length > 0) assert.equal(error.field, field[0]);
    return true;
  });
}

test("presetNames lists the presets, and each loads", () => {
  const names = presetNames();
  assert.deepEqual(names, ["security-admin", "partner-portal", "nist-800-63b", "owasp-asvs"]);
  for (const name of names) assert.equal(new Checker(name).policy.name, name);
});

test("passwordRules gives every preset's string, the engine's, and null when no rule exists", () => {
  // The engine's expected strings (tests/vectors/passwordrules.json, checked natively too).
  const expected = new Map(
    vectorFiles()
      .find((file) => file.file === "passwordrules.json")
      .cases.filter((testCase) => testCase.policy !== undefined)
      .map((testCase) => [testCase.policy, testCase.passwordrules]),
  );
  for (const name of presetNames()) {
    const rules = new Checker(name).passwordRules();
    assert.equal(typeof rules, "string", name);
    assert.equal(rules, expected.get(name), name);
    assert.equal(new Checker(JSON.stringify(new Checker(name).policy)).passwordRules(), rules, `${name} as JSON`);
  }
  // The special group must be required, and no password manager can type "§".
  const none = new Checker({ name: "x", password: { character_groups: { required: 1, of: ["special"] }, special_characters: "§" } });
  assert.equal(none.passwordRules(), null);
});

test("length counts code points after NFKC, not UTF-16 units", () => {
  assert.equal("Aa1😀😀😀😀😀".length, 13);
  assert.equal(length("Aa1😀😀😀😀😀"), 8);
  assert.equal(length("e\u0301"), 1); // composed to é
  assert.equal(length(""), 0);
  throwsError(() => length(8), "password: expected a string, found a number", "password");
});

test("the policy getter is complete and reads back as a policy object and as JSON", () => {
  const checker = new Checker({ name: "ours", password: { min_length: 12 } });
  const policy = checker.policy;
  assert.equal(policy.password.min_length, 12);
  assert.equal(policy.password.max_length, 64, "the nist-800-63b default");
  assert.deepEqual(new Checker(policy).policy, policy);
  assert.deepEqual(new Checker(JSON.stringify(policy)).policy, policy);
  // A fresh object each time: changing it does not change the checker.
  policy.password.min_length = 1;
  assert.equal(checker.policy.password.min_length, 12);
});

test("bad policies and arguments throw errors naming the field, never the password", () => {
  throwsError(() => new Checker("no-such-preset"), 'no preset is named "no-such-preset"; the presets are security-admin');
  throwsError(() => new Checker({ name: "x", password: { min_lenght: 8 } }), "password.min_lenght: unknown field", "password.min_lenght");
  throwsError(() => new Checker({ name: "x", password: { min_length: 0 } }), "password.min_length: must be at least 1", "password.min_length");
  throwsError(() => new Checker('{"name": "x",'), "EOF while parsing a value at line 1 column 13", undefined);
  // Malformed JSON is placed by line and column, not by field (serde_path_to_error, which
  // also named the table the text broke off in, is no longer in the package).
  throwsError(() => new Checker('{"name": "x", "password": {'), "EOF while parsing an object at line 1 column 27", undefined);
  throwsError(() => new Checker('name = "x"'), "policy: is neither a preset name nor JSON text", "policy");
  throwsError(() => new Checker(), "policy: expected a preset name", "policy");
  throwsError(() => new Checker([]), "policy: expected a preset name (security-admin, partner-portal, nist-800-63b, owasp-asvs), a policy object or JSON text, found an array", "policy");
  const cyclic = { name: "x" };
  cyclic.self = cyclic;
  throwsError(() => new Checker(cyclic), "policy: cannot be written as JSON", "policy");

  const checker = new Checker("security-admin");
  throwsError(() => checker.check(), "password: expected a string, found undefined", "password");
  throwsError(() => checker.check(["secret"]), "password: expected a string, found an array", "password");
  throwsError(() => checker.check("pw", "ada"), "context: expected an object", "context");
  throwsError(() => checker.check("pw", { currentPasword: "x" }), "context.currentPasword: unknown field", "context.currentPasword");
  throwsError(() => checker.check("pw", { email: 42 }), "context.email: expected a string, found a number", "context.email");
  throwsError(() => checker.check("pw", { now: "2025-01-01" }), "context.now: expected a Date or a number of milliseconds", "context.now");
  throwsError(() => checker.check("pw", { now: new Date("nonsense") }), "context.now: is an invalid Date", "context.now");
  throwsError(() => checker.check("pw", { now: NaN }), "context.now: expected a finite number", "context.now");
  throwsError(() => checker.check("pw", { now: 10n }), "context.now: expected a Date or a number of milliseconds since the epoch, found a bigint");
  assert.throws(() => checker.check("pw", { currentPassword: 123456789 }), (error) => !error.message.includes("123456789"));
});

test("warmUp() runs the engine and changes no report", () => {
  const checker = new Checker("security-admin");
  const passwords = ["p4$$w0rd!", "1984-04-12", "qwertyuiop", "Größe-Übung-①"];
  const before = passwords.map((p) => checker.check(p, { username: "ada" }));
  assert.equal(warmUp(), undefined);
  assert.deepStrictEqual(passwords.map((p) => checker.check(p, { username: "ada" })), before);
});

test("a weak password is a report, never an error", () => {
  const checker = new Checker("security-admin");
  for (const password of ["", " ", "a", "\u0000", "\ud800", "😀".repeat(200)]) {
    const report = checker.check(password);
    assert.equal(report.accepted, false, JSON.stringify(password));
  }
});

test("moments are a Date or milliseconds since the epoch, and mean the same", () => {
  const checker = new Checker("security-admin"); // at most one change every 48 h
  const changed = Date.UTC(2025, 0, 1);
  const justBefore = changed + 48 * 3600 * 1000 - 1;
  const atLimit = changed + 48 * 3600 * 1000;
  for (const [now, status] of [
    [justBefore, "fail"],
    [atLimit, "pass"],
  ]) {
    const withNumbers = checker.check("Passw0rd!", { passwordChangedAt: changed, now });
    const withDates = checker.check("Passw0rd!", { passwordChangedAt: new Date(changed), now: new Date(now) });
    assert.deepEqual(withDates, withNumbers);
    assert.equal(rules(withNumbers)["min-age"], status);
    // The report speaks Unix seconds, as the server's does.
    const params = withNumbers.rules.find((rule) => rule.id === "min-age").params;
    assert.equal(params.changed_at, changed / 1000);
    assert.equal(params.allowed_at, changed / 1000 + 48 * 3600);
  }
  // Without `now`, only the server can decide.
  assert.equal(rules(checker.check("Passw0rd!", { passwordChangedAt: changed }))["min-age"], "pending");
  // Null and undefined fields are absent fields.
  const empty = checker.check("Passw0rd!", { username: null, now: undefined, currentPassword: null });
  assert.deepEqual(empty, checker.check("Passw0rd!"));
});

test("the web build runs in Node through initSync, its word lists loaded by hand", async () => {
  const web = await import("passguard/web");
  const dir = dirname(fileURLToPath(import.meta.resolve("passguard/web")));
  web.initSync({ module: readFileSync(join(dir, "passguard_bg.wasm")) });
  assert.equal(web.hasWords(), false, "the web build's wasm carries no word lists");
  const report = new web.Checker("security-admin").check("Xyz<wxyz");
  assert.deepEqual(report, new Checker("security-admin").check("Xyz<wxyz"));
  assert.equal(rules(new web.Checker("owasp-asvs").check("Tr0ub4dor&3"))["not-common"], "pending");
  web.loadWords(readFileSync(join(dir, "passguard_words.bin")));
  assert.equal(web.hasWords(), true);
  // The asset holds the very lists the other builds carry inside: the same reports.
  for (const password of ["Tr0ub4dor&3", "passwordpassword", "violet harbor lantern tide"]) {
    assert.deepEqual(new web.Checker("owasp-asvs").check(password), new Checker("owasp-asvs").check(password));
  }
});

test("CommonJS require gives the same package", () => {
  const require = createRequire(import.meta.url);
  const commonjs = require("passguard");
  assert.deepEqual(commonjs.presetNames(), presetNames());
  assert.deepEqual(new commonjs.Checker("owasp-asvs").check("Tr0ub4dor&3"), new Checker("owasp-asvs").check("Tr0ub4dor&3"));
});

test("the bundler build loads where WebAssembly modules can be imported", () => {
  // Node 20 needs a flag for `import "….wasm"`; bundlers (webpack, Vite with a plugin) do it themselves.
  const script = `
    import { Checker, presetNames } from "passguard/bundler";
    console.log(JSON.stringify([presetNames(), new Checker("security-admin").check("Xyz<wxyz")]));`;
  const run = spawnSync(process.execPath, ["--experimental-wasm-modules", "--no-warnings", "--input-type=module", "-e", script], {
    cwd: fileURLToPath(new URL(".", import.meta.url)),
    encoding: "utf8",
  });
  assert.equal(run.status, 0, run.stderr);
  const [names, report] = JSON.parse(run.stdout);
  assert.deepEqual(names, presetNames());
  assert.deepEqual(report, new Checker("security-admin").check("Xyz<wxyz"));
});

test("audit takes a preset, a policy object or JSON text, and checks its options", () => {
  const byName = audit("security-admin");
  assert.equal(byName.conforms, false);
  assert.deepEqual(audit(new Checker("security-admin").policy), byName);
  assert.deepEqual(audit(JSON.stringify(new Checker("security-admin").policy)), byName);
  assert.deepEqual(audit("nist-800-63b", { asvsLevel: 3 }).findings, []);
  assert.equal(audit("security-admin", { asvsLevel: 2 }).asvs_level, 2);
  throwsError(() => audit("security-admin", { asvsLevel: 4 }), "options.asvsLevel: expected 1, 2 or 3", "options.asvsLevel");
  throwsError(() => audit("security-admin", { level: 2 }), "options: unknown field `level`", "options");
  throwsError(() => audit("security-admin", 2), "options: expected an object, found a number", "options");
  throwsError(() => audit({ name: "x", password: { min_length: 0 } }), "password.min_length: must be at least 1", "password.min_length");
});

test("messages come in the checker's locale, or the check's", () => {
  const german = new Checker("security-admin", { locale: "de" });
  const rules = german.check("Abc1").rules;
  assert.equal(rules[0].message, "Verwenden Sie mindestens 8 Zeichen (bisher 4).");
  assert.equal(german.check("Abc1", { locale: "fr" }).rules[0].message, "Utilisez au moins 8 caractères (4 pour l’instant).");
  assert.equal(new Checker("security-admin").check("Abc1").rules[0].message, "Use at least 8 characters (4 so far).");
  const weak = german.check("password").strength;
  assert.equal(weak.warning, "Dies ist eines der 10 häufigsten Passwörter");
  assert.equal(weak.warning_id, "top-10-password");
  throwsError(() => new Checker("security-admin", { locale: "it" }), 'options.locale: expected "en", "de" or "fr"', "options.locale");
  throwsError(() => new Checker("security-admin", { language: "de" }), "options: unknown field `language`", "options");
  throwsError(() => german.check("x", { locale: 5 }), "context.locale: expected a string", "context.locale");
  const french = audit("security-admin", { locale: "fr" });
  assert.ok(french.findings[0].explanation.startsWith("Un mot de passe utilisé comme seul facteur"), french.findings[0].explanation);
});

test("the wasm carries the engine's sentences only, not the server's or the pages'", () => {
  const wasm = readFileSync(createRequire(import.meta.url).resolve("passguard/passguard_bg.wasm"));
  // An engine sentence (a rule message) is there, in all three languages.
  for (const sentence of ["Use at least {min} characters", "Verwenden Sie mindestens {min} Zeichen"]) {
    assert.ok(wasm.includes(sentence), `${sentence} is in the wasm`);
  }
  // A server error, an e-mail line and a page label are not.
  for (const sentence of ["Something went wrong on the server", "Your password expires on", "Sign in"]) {
    assert.ok(!wasm.includes(sentence), `${sentence} is not in the wasm`);
  }
});
