// /login and /forgot before and without JavaScript (SPEC §6), in Debian's Chromium against a
// real `passguard serve`: with JavaScript off, the server's own form signs Ada in (a plain
// form post, 303 to /account with the session cookie), shows a wrong password's error in
// German, and asks for a reset link; with JavaScript on but the wasm held back, what she types
// into the server's form, and where the caret is, survive the app taking the form over.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { launch, mails, screenshot, startServer } from "./support.mjs";

const PASSWORD = "Correct1!horse";

let server;
let browser;

before(async () => {
  const policy = join(mkdtempSync(join(tmpdir(), "passguard-nojs-")), "simple.toml");
  writeFileSync(policy, 'name = "simple"\n[password]\nmin_length = 8\n');
  server = await startServer({ policy });
  browser = await launch();
  const out = server.cli(["admin", "create", "--username", "ada", "--email", "ada@example.com"]);
  const token = new URL(out.trim().split("\n").at(-1)).searchParams.get("token");
  const answer = await fetch(`${server.url}/api/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token, password: PASSWORD, security_questions: [] }),
  });
  assert.equal(answer.status, 201, await answer.text());
});

after(async () => {
  await browser?.close();
  server?.stop();
});

describe("without JavaScript", () => {
  test("the server's form signs in, refuses in German, and asks for a reset link", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.locator("#username").fill("ada");
    await page.locator("#password").fill(PASSWORD);
    await screenshot(page, "nojs-login");
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(`${server.url}/account`);
    const cookies = await context.cookies();
    assert.ok(cookies.some((c) => c.name === "passguard_session" && c.httpOnly), JSON.stringify(cookies));
    await context.close();

    const german = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "accept-language": "de" } });
    const de = await german.newPage();
    await de.goto(`${server.url}/login`);
    assert.equal(await de.locator("html").getAttribute("lang"), "de");
    await de.locator("#username").fill("ada");
    await de.locator("#password").fill("Wrong1!guess");
    await de.locator('button[type="submit"]').click();
    const alert = de.locator('[role="alert"] [data-alert="error"]');
    await alert.waitFor();
    assert.notEqual(await alert.innerText(), "");
    // The typed username is kept, the password is not.
    assert.equal(await de.locator("#username").inputValue(), "ada");
    assert.equal(await de.locator("#password").inputValue(), "");
    assert.ok((await german.cookies()).every((c) => c.name !== "passguard_session"));
    await screenshot(de, "nojs-login-refused-de");

    await de.goto(`${server.url}/forgot`);
    await de.locator("#username").fill("ada");
    await de.locator('button[type="submit"]').click();
    await de.locator('[data-alert="ok"]').waitFor();
    await screenshot(de, "nojs-forgot-sent-de");
    for (let i = 0; i < 100 && !mails(server.mail).some((m) => m.to.includes("ada@example.com")); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(mails(server.mail).some((m) => m.to.includes("ada@example.com")), "a reset e-mail to Ada");
    await german.close();
  });
});

describe("the app taking over", () => {
  test("typed text and focus survive the wasm arriving late", async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await page.route("**/pkg/passguard_www_bg.wasm", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/login`, { waitUntil: "domcontentloaded" });
    assert.equal(await page.locator("#server-form").count(), 1);
    await page.locator("#username").pressSequentially("ada");
    await page.locator("#password").pressSequentially("Correct1");
    release();
    await page.waitForFunction(() => !document.getElementById("server-form"));
    assert.equal(await page.locator("#username").inputValue(), "ada");
    assert.equal(await page.locator("#password").inputValue(), "Correct1");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "password");
    // The caret is where it was: typing goes on at the end, into the app's field.
    await page.keyboard.type("!horse");
    assert.equal(await page.locator("#password").inputValue(), PASSWORD);
    await screenshot(page, "takeover-login");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${server.url}/account`);
    await page.locator("[data-account-status]").waitFor();
    assert.match(await page.locator("[data-account-status]").innerText(), /ada/);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
