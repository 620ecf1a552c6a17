// A lock that is not a weapon, in Debian's Chromium against a real `passguard serve` whose
// policy unlocks by e-mail (`unlock = "email"`, `notify = true`): three wrong passwords lock
// Ada out and the page says how to get back in; the lock e-mail carries a link to /unlock,
// whose one button lifts the lock; her password then works again. Screenshots in English and
// German, at 1100 px and at 375 px, are kept under artifacts/pages.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { chooseLanguage, linkFor, launch, mails, newPage, screenshot, startServer } from "./support.mjs";

const PASSWORD = "Correct1!horse";

let server;
let browser;

before(async () => {
  const policy = join(mkdtempSync(join(tmpdir(), "passguard-lockout-")), "lock-by-email.toml");
  writeFileSync(
    policy,
    'name = "lock-by-email"\n[password]\nmin_length = 8\n[lockout]\nmax_failed_logins = 3\nunlock = "email"\nnotify = true\n',
  );
  server = await startServer({ policy });
  browser = await launch();
  await server.register("ada", PASSWORD);
});

after(async () => {
  await browser?.close();
  server?.stop();
});

async function signIn(page, password) {
  await page.goto(`${server.url}/login`);
  await page.locator("#username").fill("ada");
  await page.locator("#password").fill(password);
  await page.locator("#password").press("Enter");
}

describe("a lock that the owner can lift", () => {
  test("three wrong passwords lock the account and the page says what helps", async () => {
    const page = await newPage(browser);
    for (let i = 0; i < 3; i++) {
      await signIn(page, `Wrong${i}!guess`);
      await page.locator('[data-alert="error"]').waitFor();
    }
    const alert = await page.locator('[data-alert="error"]').innerText();
    assert.match(alert, /locked/i);
    assert.match(alert, /unlock link/);
    await screenshot(page, "lockout-locked");
    // Even the right password does not get in now.
    await signIn(page, PASSWORD);
    await page.waitForFunction(() => /locked/i.test(document.querySelector('[data-alert="error"]')?.textContent ?? ""));
    assert.deepEqual(page.errors, []);
  });

  test("the lock e-mail's link opens /unlock, whose button lifts the lock", async () => {
    const mail = mails(server.mail).filter((m) => m.to.includes("ada@example.com")).at(-1);
    assert.match(mail.subject, /locked/i);
    assert.match(mail.text, /If it was not you/);
    const link = await linkFor(server.mail, "ada@example.com", "unlock");
    const page = await newPage(browser);
    await page.goto(link);
    await page.locator("#unlock").waitFor();
    assert.equal(await page.locator("h1").innerText(), "Unlock your account");
    await screenshot(page, "lockout-unlock-page");
    await page.locator("#unlock").click();
    await page.locator('[data-alert="ok"]').waitFor();
    assert.match(await page.locator('[data-alert="ok"]').innerText(), /unlocked/);
    await screenshot(page, "lockout-unlocked");
    // The link is spent.
    await page.goto(link);
    await page.locator("#unlock").click();
    await page.locator('[data-alert="error"]').waitFor();
    assert.match(await page.locator('[data-alert="error"]').innerText(), /already been used|used/i);
    await signIn(page, PASSWORD);
    await page.waitForURL(/\/account/);
    assert.deepEqual(page.errors, []);
  });

  test("the unlock page in German at phone width", async () => {
    const page = await newPage(browser);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/login`);
    await chooseLanguage(page, "de");
    for (let i = 0; i < 3; i++) {
      await page.locator("#username").fill("ada");
      await page.locator("#password").fill(`Falsch${i}!raten`);
      await page.locator("#password").press("Enter");
      await page.locator('[data-alert="error"]').waitFor();
    }
    await page.waitForFunction(() => /locked|gesperrt/.test(document.querySelector('[data-alert="error"]')?.textContent ?? ""));
    await screenshot(page, "lockout-locked-de-phone", { fullPage: false });
    const link = await linkFor(server.mail, "ada@example.com", "unlock");
    await page.goto(link);
    await page.locator("#unlock").waitFor();
    assert.equal(await page.locator("h1").innerText(), "Konto entsperren");
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375);
    await screenshot(page, "lockout-unlock-de-phone", { fullPage: false });
    await page.locator("#unlock").click();
    await page.locator('[data-alert="ok"]').waitFor();
    assert.deepEqual(page.errors, []);
  });
});
