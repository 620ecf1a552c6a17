// What password managers look for, in Debian's Chromium against a real server: the
// `passwordrules` attribute (SPEC §9, derived from the policy by the engine) on every
// new-password field of registration, reset and change, and `/.well-known/change-password`.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { launch, linkFor, newPage, screenshot, startServer } from "./support.mjs";

/** security-admin's string: tests/vectors/passwordrules.json, generated from natively too. */
const RULES =
  "minlength: 8; maxlength: 128; required: lower; required: upper; required: digit; allowed: ascii-printable;";
const PASSWORD = "Admin-pass1!";
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

async function rulesOf(page) {
  await page.locator("#new-password-rules [data-rule]").first().waitFor();
  return {
    password: await page.locator("#new-password").getAttribute("passwordrules"),
    confirm: await page.locator("#confirm-password").getAttribute("passwordrules"),
    current: await page.locator("#current-password").count() ? await page.locator("#current-password").getAttribute("passwordrules") : null,
  };
}

describe("password managers", () => {
  test("GET /.well-known/change-password leads to the account page; other well-known paths are 404", async () => {
    const answer = await fetch(`${server.url}/.well-known/change-password`, { redirect: "manual" });
    assert.equal(answer.status, 302);
    assert.equal(answer.headers.get("location"), "/account");
    for (const path of ["resource-that-should-not-exist-whose-status-code-should-not-be-200", "security.txt"]) {
      assert.equal((await fetch(`${server.url}/.well-known/${path}`)).status, 404, path);
    }
  });

  test("registration, change and reset carry the policy's passwordrules on new passwords only", async () => {
    const page = await newPage(browser);
    await page.goto(server.adminLink);
    assert.deepEqual(await rulesOf(page), { password: RULES, confirm: RULES, current: null });
    await page.locator("#new-password").fill(PASSWORD);
    await page.locator("#confirm-password").fill(PASSWORD);
    for (const [i, answer] of ANSWERS.entries()) {
      await page.locator(`#question-${i}`).fill(`Question ${i + 1}?`);
      await page.locator(`#answer-${i}`).fill(answer);
    }
    await page.getByRole("button", { name: "Create account" }).click();
    await page.locator('[data-alert="ok"]').waitFor();

    // The change form, reached as a password manager sends its user there (past the
    // minimum age of the registration, so that the form is there to fill in).
    await server.advance(49 * 3600);
    await page.goto(`${server.url}/login`);
    await page.locator("#username").fill("admin");
    await page.locator("#password").fill(PASSWORD);
    assert.equal(await page.locator("#password").getAttribute("passwordrules"), null);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/admin");
    await page.goto(`${server.url}/.well-known/change-password`);
    await page.waitForURL("**/account");
    assert.deepEqual(await rulesOf(page), { password: RULES, confirm: RULES, current: null });
    await screenshot(page, "password-managers-account");

    await fetch(`${server.url}/api/password/forgot`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin" }),
    });
    const link = await linkFor(server.mail, "admin@example.com", "reset");
    const reset = await newPage(browser);
    await reset.goto(link);
    for (const [i, answer] of ANSWERS.entries()) {
      const field = reset.locator(`#answer-${i}`);
      if (await field.count()) await field.fill(answer);
    }
    assert.deepEqual(await rulesOf(reset), { password: RULES, confirm: RULES, current: null });
  });
});
