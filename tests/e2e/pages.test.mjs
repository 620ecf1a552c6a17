// The web pages as people use them, in Debian's Chromium against a real `passguard serve`
// (SQLite, a mail directory, the test clock, the security-admin policy): invite, register
// through the e-mailed link, sign in, change the password while the checklist follows each
// keystroke, the minimum-age refusal, forgot and reset through the e-mailed link, the forced
// change after expiry, lockout and the administrator's unlock and reset. A screenshot of each
// page is kept under artifacts/pages.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { NOTICES, SUPPORT, checklist, launch, linkFor, mails, newPage, screenshot, startServer } from "./support.mjs";

const HOUR = 3600;
const DAY = 24 * HOUR;
const ANSWERS = ["Springfield", "Paris"];
const ADMIN_PASSWORD = "Admin-pass1!";
const P1 = "Sea7!horse";
const P2 = "River8?stone";
const P3 = "Cloud9(maple";
const P4 = "Ember2)falcon";
const ADMIN_PASSWORD_2 = "Admin-pass2?";

let server;
let browser;
let admin;
let alice;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

async function waitForChecklist(page) {
  await page.locator("#new-password-rules [data-rule]").first().waitFor();
}

/** Types into `selector` one character at a time, comparing the checklist after each. */
async function typeChecking(page, selector, steps) {
  for (const [character, expected] of steps) {
    await page.locator(selector).press(character === " " ? "Space" : character);
    await page.waitForFunction(
      (want) => {
        const got = Object.fromEntries(
          [...document.querySelectorAll("#new-password-rules [data-rule]")].map((li) => [li.dataset.rule, li.dataset.status]),
        );
        return Object.entries(want).every(([id, status]) => got[id] === status);
      },
      expected,
      { timeout: 2000 },
    ).catch(() => {});
    const got = await checklist(page);
    for (const [id, status] of Object.entries(expected)) {
      assert.equal(got[id], status, `${id} after typing ${JSON.stringify(character)}: ${JSON.stringify(got)}`);
    }
  }
}

async function register(page, link, password, answers) {
  await page.goto(link);
  await waitForChecklist(page);
  await page.locator("#new-password").fill(password);
  await page.locator("#confirm-password").fill(password);
  for (const [i, answer] of answers.entries()) {
    await page.locator(`#question-${i}`).fill(`Question ${i + 1}?`);
    await page.locator(`#answer-${i}`).fill(answer);
  }
  await page.getByRole("button", { name: "Create account" }).click();
  await page.locator('[data-alert="ok"]').waitFor();
}

async function signIn(page, username, password) {
  await page.goto(`${server.url}/login`);
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("the pages, end to end", () => {
  test("the first administrator registers through the link admin create printed", async () => {
    admin = await newPage(browser);
    assert.match(server.adminLink, /\/register\?token=/);
    await admin.goto(server.adminLink);
    await waitForChecklist(admin);
    assert.equal(await admin.locator("#new-password").getAttribute("autocomplete"), "new-password");
    assert.equal(await admin.locator("#new-password").getAttribute("aria-describedby"), "new-password-rules");
    assert.equal(await admin.locator("#new-password-rules [aria-live]").count(), 1, "a polite live summary");
    assert.match(await admin.locator("footer").innerText(), new RegExp(`Contact ${SUPPORT.replace(/[()]/g, "\\$&")} for assistance`));
    await register(admin, server.adminLink, ADMIN_PASSWORD, ANSWERS);
    await screenshot(admin, "register-done");
  });

  test("sign-in lands administrators on the users grid, with their notice", async () => {
    await signIn(admin, "admin", ADMIN_PASSWORD);
    await admin.waitForURL("**/admin");
    await admin.locator('tr[data-username="admin"]').waitFor();
    assert.equal(await admin.locator('tr[data-username="admin"]').getAttribute("data-status"), "active");
    assert.equal(await admin.locator(".notice").innerText(), NOTICES.admin);
  });

  test("an administrator invites alice; the grid shows her as invited", async () => {
    await admin.locator("#invite-username").fill("alice");
    await admin.locator("#invite-email").fill("alice@example.com");
    await admin.getByRole("button", { name: "Send invitation" }).click();
    await admin.locator('tr[data-username="alice"][data-status="invited"]').waitFor();
    assert.match(await admin.locator('tr[data-username="alice"] .badge').innerText(), /Invited/);
    await screenshot(admin, "admin-invited");
  });

  test("alice registers: the checklist follows every keystroke", async () => {
    alice = await newPage(browser);
    const link = await linkFor(server.mail, "alice@example.com", "register");
    await alice.goto(link);
    await waitForChecklist(alice);
    const base = { "max-length": "pass", "not-reused": "pending", "min-age": "pass" };
    await typeChecking(alice, "#new-password", [
      ["S", { ...base, "min-length": "fail", "character-groups": "fail" }],
      ["e", { ...base, "min-length": "fail", "character-groups": "fail" }],
      ["a", { ...base, "min-length": "fail", "character-groups": "fail" }],
      ["7", { ...base, "min-length": "fail", "character-groups": "pass" }],
      ["!", { ...base, "min-length": "fail", "character-groups": "pass" }],
      ["h", { ...base, "min-length": "fail" }],
      ["o", { ...base, "min-length": "fail" }],
      ["r", { ...base, "min-length": "pass", "character-groups": "pass" }],
      ["s", { ...base, "min-length": "pass" }],
      ["e", { ...base, "min-length": "pass" }],
    ]);
    assert.match(await alice.locator("[data-strength-score]").getAttribute("data-strength-score"), /^[0-4]$/);
    await typeChecking(alice, "#new-password", [["Backspace", { "min-length": "pass" }], ["Backspace", { "min-length": "pass" }], ["Backspace", { "min-length": "fail" }]]);
    await alice.locator("#new-password").fill(P1);
    const submit = alice.getByRole("button", { name: "Create account" });
    await alice.locator("#confirm-password").fill(P1.slice(0, -1));
    assert.equal(await alice.locator("#confirm-password-hint").getAttribute("data-match"), "false");
    // Never disabled: a submit before the form is complete says what is missing.
    await submit.click();
    await alice.locator('.error-summary a[href="#confirm-password"]').waitFor();
    await alice.locator("#confirm-password").fill(P1);
    for (const [i, answer] of ANSWERS.entries()) {
      await alice.locator(`#question-${i}`).fill(`Question ${i + 1}?`);
      await alice.locator(`#answer-${i}`).fill(answer);
    }
    await screenshot(alice, "register-alice");
    await submit.click();
    await alice.locator('[data-alert="ok"]').waitFor();
  });

  test("alice signs in; her first change waits for the 48 h minimum age", async () => {
    await signIn(alice, "alice", P1);
    await alice.waitForURL("**/account");
    await alice.locator('[data-min-age="pending"]').waitFor();
    assert.equal(await alice.locator(".notice").first().innerText(), NOTICES.user);
    // While the minimum age is pending there is no form to fill in for nothing.
    assert.equal(await alice.locator("#new-password").count(), 0);
    assert.notEqual(await alice.locator("[data-countdown]").getAttribute("data-countdown"), "0");
    await screenshot(alice, "account-min-age");
  });

  test("48 hours later the change goes through; a second one is refused for its minimum age", async () => {
    await server.advance(48 * HOUR);
    // Sessions end long before two days pass: sign in again.
    await signIn(alice, "alice", P1);
    await alice.waitForURL("**/account");
    await alice.locator("#current-password").fill(P1);
    await typeChecking(alice, "#new-password", [...P2].map((c, i) => [c, i === P2.length - 1 ? { "min-age": "pass", "not-current": "pass" } : {}]));
    await alice.locator("#confirm-password").fill(P2);
    await alice.getByRole("button", { name: "Change password" }).click();
    await alice.locator('[data-alert="ok"]').waitFor();
    assert.match(await alice.locator('[data-alert="ok"]').innerText(), /changed/);
    // The page now knows the new change time: the form gives way to the wait at once...
    await alice.locator('[data-min-age="pending"]').waitFor();
    assert.equal(await alice.locator("#new-password").count(), 0);
    // ...and so does the server, whatever a page lets through.
    const refusal = await alice.evaluate(async ([current, next]) => {
      const answer = await fetch("/api/password/change", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ current_password: current, new_password: next }),
      });
      return { status: answer.status, body: await answer.json() };
    }, [P2, P3]);
    assert.equal(refusal.status, 429);
    assert.equal(refusal.body.error, "min-age");
    await screenshot(alice, "account-changed");
  });

  test("forgot and reset through the e-mailed link, the answers asked first", async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/forgot`);
    await page.locator("#username").fill("alice");
    await page.getByRole("button", { name: "E-mail me a link" }).click();
    await page.locator('[data-alert="ok"]').waitFor();
    await screenshot(page, "forgot");
    await page.goto(await linkFor(server.mail, "alice@example.com", "reset"));
    await page.locator("#answer-0").waitFor();
    await page.locator("#answer-0").fill("Shelbyville");
    await page.locator("#answer-1").fill(ANSWERS[1]);
    await page.locator("#new-password").fill(P3);
    await page.locator("#confirm-password").fill(P3);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.locator('[data-alert="error"]').waitFor();
    assert.match(await page.locator('[data-alert="error"]').innerText(), /answers do not match/);
    assert.equal(await page.locator("#new-password").inputValue(), P3, "nothing typed is lost");
    await page.locator("#answer-0").fill(` ${ANSWERS[0].toUpperCase()} `);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.locator('[data-alert="ok"]').waitFor();
    await screenshot(page, "reset-done");
    await page.context().close();
  });

  test("after 90 days the password has expired: sign-in forces a change", async () => {
    await server.advance(91 * DAY);
    await signIn(alice, "alice", P3);
    await alice.waitForURL("**/account**");
    await alice.locator('[data-alert="expired"]').waitFor();
    await alice.locator("#current-password").fill(P3);
    await alice.locator("#new-password").fill(P4);
    await alice.locator("#confirm-password").fill(P4);
    await screenshot(alice, "account-expired");
    await alice.getByRole("button", { name: "Change password" }).click();
    await alice.locator('[data-alert="ok"]').waitFor();
  });

  test("the administrator's password has expired too: the next sign-in changes it", async () => {
    await signIn(admin, "admin", ADMIN_PASSWORD);
    await admin.waitForURL("**/account**");
    await admin.locator('[data-alert="expired"]').waitFor();
    await admin.locator("#current-password").fill(ADMIN_PASSWORD);
    await admin.locator("#new-password").fill(ADMIN_PASSWORD_2);
    await admin.locator("#confirm-password").fill(ADMIN_PASSWORD_2);
    await admin.getByRole("button", { name: "Change password" }).click();
    await admin.locator('[data-alert="ok"]').waitFor();
  });

  test("five wrong passwords lock alice; the administrator unlocks, then resets", async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(alice, "alice", `Wrong-${attempt}a!`);
      await alice.locator('[data-alert="error"]').waitFor();
    }
    assert.match(await alice.locator('[data-alert="error"]').innerText(), /locked/i);
    await admin.goto(`${server.url}/admin`);
    const row = admin.locator('tr[data-username="alice"]');
    await admin.locator('tr[data-username="alice"][data-status="locked"]').waitFor();
    await row.locator("summary").click();
    assert.equal(await row.locator('[data-action="reset-password"]').count(), 0, "reset waits for the unlock");
    await screenshot(admin, "admin-locked");
    await row.locator('[data-action="unlock"]').click();
    await admin.locator('tr[data-username="alice"][data-status="active"]').waitFor();
    const before = mails(server.mail).length;
    await admin.locator('tr[data-username="alice"] summary').click();
    await admin.locator('tr[data-username="alice"] [data-action="reset-password"]').click();
    // It e-mails alice: confirmed first, naming her and her address.
    const confirm = admin.locator('form.confirm[data-confirm="reset-password"]');
    assert.match(await confirm.innerText(), /alice@example\.com/);
    assert.equal(mails(server.mail).length, before, "nothing is sent before the confirmation");
    await confirm.getByRole("button", { name: "Reset password" }).click();
    await admin.locator('tr[data-username="alice"][data-status="reset-pending"]').waitFor();
    assert.match(await admin.locator(".badge.reset-pending").innerText(), /Password Reset Pending/);
    assert.ok(mails(server.mail).length > before, "the reset link is e-mailed");
    await screenshot(admin, "admin-reset-pending");
  });

  test("the sign-in form works by keyboard alone", async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/login`);
    await page.locator("#username").waitFor();
    await page.keyboard.press("Tab");
    for (let i = 0; i < 6 && !(await page.evaluate(() => document.activeElement?.id === "username")); i++) {
      await page.keyboard.press("Tab");
    }
    assert.equal(await page.evaluate(() => document.activeElement?.id), "username");
    await page.keyboard.type("admin");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "password");
    await page.keyboard.type(ADMIN_PASSWORD_2);
    await screenshot(page, "login");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/admin");
    await page.context().close();
  });

  test("the admin page audits the policy against the standards", async () => {
    await admin.goto(`${server.url}/admin`);
    await admin.locator('tr[data-finding="nist-composition"]').waitFor();
    assert.equal(await admin.locator("[data-conforms]").getAttribute("data-conforms"), "false");
    assert.equal(await admin.locator('tr[data-finding="nist-periodic-change"]').getAttribute("data-level"), "SHALL NOT");
    assert.equal(await admin.locator('tr[data-finding="asvs-security-questions"]').getAttribute("data-level"), "SHALL");
    await screenshot(admin, "admin-audit");
  });

  test("the pages speak German and French, and remember the choice", async () => {
    // Past the minimum age of the administrator's last change: /account shows its form.
    await server.advance(49 * HOUR);
    const page = await newPage(browser);
    await signIn(page, "admin", ADMIN_PASSWORD_2);
    await page.waitForURL("**/admin");
    await page.locator("#locale").selectOption("de");
    await page.locator("h1", { hasText: "Benutzer" }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "de");
    assert.match(await page.locator('tr[data-username="alice"] .badge').innerText(), /Zurücksetzung ausstehend/);
    assert.match(await page.locator(".audit h2").innerText(), /Prüfung gegen die Standards/);
    assert.match(await page.locator('tr[data-finding="nist-min-length"]').innerText(), /als einziger Faktor/);
    await page.goto(`${server.url}/account`);
    await page.locator("#new-password").fill("Abc1");
    await page.locator('[data-rule="min-length"]').waitFor();
    assert.equal(await page.locator('[data-rule="min-length"] .text').innerText(), "Verwenden Sie mindestens 8 Zeichen (bisher 4).");
    await screenshot(page, "account-german");
    await page.reload();
    await page.locator("h1", { hasText: "Ihr Passwort" }).waitFor();
    await page.locator("#locale").selectOption("fr");
    await page.locator("h1", { hasText: "Votre mot de passe" }).waitFor();
    await page.locator("#new-password").fill("Abc1");
    assert.equal(await page.locator('[data-rule="min-length"] .text').innerText(), "Utilisez au moins 8 caractères (4 pour l’instant).");
    await page.goto(`${server.url}/forgot`);
    assert.equal(await page.locator("h1").innerText(), "Mot de passe oublié ?");
    await screenshot(page, "forgot-french");
    await page.context().close();
  });

  test("with the server down, a submit says so and keeps what was typed", async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/forgot`);
    await page.locator("#username").fill("alice@example.com");
    server.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await page.getByRole("button", { name: "E-mail me a link" }).click();
    await page.locator('[data-alert="error"]').waitFor();
    assert.match(await page.locator('[data-alert="error"]').innerText(), /cannot be reached/);
    assert.equal(await page.locator("#username").inputValue(), "alice@example.com");
    await screenshot(page, "server-down");
    for (const p of [admin, alice, page]) assert.deepEqual(p.errors, [], "no script errors");
  });
});
