// The package from CommonJS: `require("passguard")` is the nodejs build, ready on load.
const assert = require("node:assert/strict");
const { test } = require("node:test");

const { Checker, length, presetNames } = require("passguard");

test("require('passguard') checks a password without any init", () => {
  assert.deepEqual(presetNames(), ["security-admin", "partner-portal", "nist-800-63b", "owasp-asvs"]);
  const report = new Checker("security-admin").check("Aa1😀😀😀😀😀", { username: "ada" });
  assert.equal(report.accepted, true);
  assert.equal(report.rules.find((rule) => rule.id === "min-length").params.actual, 8);
  assert.equal(length("Aa1😀😀😀😀😀"), 8);
  assert.throws(() => new Checker("nope"), /no preset is named "nope"/);
});
