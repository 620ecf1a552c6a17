// Policies that bite (SPEC §9), in Debian's Chromium against a real server: the operator
// stages a stricter policy and reads on the admin page how many sign-ins it would refuse, rule
// by rule; then puts a stricter policy in force with check_at_login, and the next sign-in
// leads straight to the change form, saying why.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { ROOT, launch, newPage, screenshot, startServer } from "./support.mjs";

const PASSWORD = "Admin-pass1!"; // 12 characters: security-admin accepts it, NIST's 15 do not
const LONGER = "Admin-pass-longer-1!";
const ANSWERS = ["Springfield", "Paris"];

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

async function signIn(page, password) {
  await page.goto(`${server.url}/login`);
  await page.locator("#username").fill("admin");
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("policies that bite", () => {
  test("a staged policy's impact per rule on the admin page; check_at_login sends to the change form", async () => {
    const page = await newPage(browser);
    await page.goto(server.adminLink);
    await page.locator("#new-password").fill(PASSWORD);
    await page.locator("#confirm-password").fill(PASSWORD);
    for (const [i, answer] of ANSWERS.entries()) {
      await page.locator(`#question-${i}`).fill(`Question ${i + 1}?`);
      await page.locator(`#answer-${i}`).fill(answer);
    }
    await page.getByRole("button", { name: "Create account" }).click();
    await page.locator('[data-alert="ok"]').waitFor();

    // No policy staged: the admin page shows no impact report.
    await signIn(page, PASSWORD);
    await page.waitForURL("**/admin");
    await page.locator("#audit-title").waitFor();
    assert.equal(await page.locator("#impact-title").count(), 0);

    // NIST's preset staged: this sign-in is counted, and fails its minimum length only.
    await server.restart({ args: ["--staged-policy", "nist-800-63b"] });
    await signIn(page, PASSWORD);
    await page.waitForURL("**/admin");
    const report = page.locator("section.impact");
    await report.waitFor();
    assert.equal(await report.getAttribute("data-staged"), "nist-800-63b");
    const summary = report.locator("[data-would-fail]");
    assert.equal(await summary.getAttribute("data-would-fail"), "1");
    assert.equal(await summary.getAttribute("data-accounts-seen"), "1");
    assert.match(await summary.innerText(), /1 of 1 account/);
    assert.equal(await report.locator('[data-impact-rule="min-length"]').getAttribute("data-count"), "1");
    await screenshot(page, "policies-impact");

    // A stricter policy in force, re-checked at each sign-in: the same password now leads to
    // the change form, which says why, and a compliant one ends it.
    const policy = readFileSync(join(ROOT, "crates/passguard-policy/presets/security-admin.toml"), "utf8")
      .replace(/^min_length = 8\b/m, "min_length = 14")
      .replace(/^check_at_login = false/m, "check_at_login = true")
      .replace(/^name = .*$/m, 'name = "security-admin-14"');
    const file = join(server.dir, "policy.toml");
    writeFileSync(file, policy);
    await server.restart({ policy: file });
    await signIn(page, PASSWORD);
    await page.waitForURL("**/account?noncompliant=1");
    await page.locator('[data-alert="noncompliant"]').waitFor();
    assert.equal(await page.locator('[data-alert="expired"]').count(), 0);
    await screenshot(page, "policies-noncompliant");
    await page.locator("#current-password").fill(PASSWORD);
    await page.locator("#new-password").fill(LONGER);
    await page.locator("#confirm-password").fill(LONGER);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.locator('[data-alert="ok"]').waitFor();
    await signIn(page, LONGER);
    await page.waitForURL("**/admin");
  });
});
