// /login and /forgot before and without JavaScript (SPEC §6), in Debian's Chromium against a
// real `passguard serve`: with JavaScript off, the server's own form signs Ada in (a plain
// form post, 303 to /account with the session cookie), shows a wrong password's error in
// German, and asks for a reset link; with JavaScript on, the page still fetches no wasm (the
// app loads on the page sign-in leads to), and a language chosen on it holds in the app.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { chooseLanguage, launch, linkFor, screenshot, startServer } from "./support.mjs";

const PASSWORD = "Correct1!horse";

let server;
let browser;

before(async () => {
  const policy = join(mkdtempSync(join(tmpdir(), "passguard-nojs-")), "simple.toml");
  writeFileSync(policy, 'name = "simple"\n[password]\nmin_length = 8\n');
  server = await startServer({ policy });
  browser = await launch();
  await server.register("ada", PASSWORD);
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
    await page.locator('main form button[type="submit"]').click();
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
    await de.locator('main form button[type="submit"]').click();
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
    await de.locator('main form button[type="submit"]').click();
    await de.locator('[data-alert="ok"]').waitFor();
    await screenshot(de, "nojs-forgot-sent-de");
    assert.match(await linkFor(server.mail, "ada@example.com", "reset"), /\/reset\?token=/);
    await german.close();
  });
});

describe("with JavaScript", () => {
  test("the sign-in page fetches no wasm, and the language chosen there carries to the app", async () => {
    const context = await browser.newContext({
      viewport: { width: 1100, height: 900 },
      extraHTTPHeaders: { "accept-language": "en" },
    });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const fetched = [];
    page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}/login?next=/account`);
    await chooseLanguage(page, "de");
    await page.locator("h1", { hasText: "Anmelden" }).waitFor();
    // The button is for readers without JavaScript; the choice keeps where sign-in leads.
    assert.equal(await page.locator("[data-apply-language]").isVisible(), false);
    assert.equal(new URL(page.url()).searchParams.get("next"), "/account");
    await page.locator("#username").fill("ada");
    await page.locator("#password").fill(PASSWORD);
    await screenshot(page, "login-with-js-de");
    const beforeSignIn = [...fetched];
    assert.deepEqual(
      beforeSignIn.filter((path) => path.startsWith("/pkg/") || path.startsWith("/api/")),
      [],
      `the sign-in page fetched ${beforeSignIn.join(", ")}`,
    );
    await page.locator("main form button[type=submit]").click();
    await page.waitForURL(`${server.url}/account`);
    // The app, loaded on the account page, speaks the language chosen on the server's page.
    await page.locator("[data-account-status]").waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "de");
    assert.equal(await page.locator("#locale").inputValue(), "de");
    // And the other way: a choice in the app holds on the server's pages.
    await chooseLanguage(page, "fr");
    await page.goto(`${server.url}/forgot`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");
    assert.equal(await page.locator("#locale").inputValue(), "fr");
    assert.deepEqual(errors, []);
    await context.close();
  });
});
