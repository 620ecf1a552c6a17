// The word lists as their own asset (issue 15): the pages' wasm holds no dictionary or
// blocklist; the app fetches the content-hashed words asset the page names. In Debian's
// Chromium against a real server, with the asset held back: the length rule answers at
// once, `not-common` and `min-strength` wait (`pending`, no meter), and both are decided
// the moment the asset arrives, without another keystroke. The asset is kept for good.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { launch, newPage, screenshot, startServer } from "./support.mjs";

let server;
let browser;

before(async () => {
  const policy = join(mkdtempSync(join(tmpdir(), "passguard-words-")), "words.toml");
  writeFileSync(policy, 'name = "words"\n[password]\nmin_length = 8\nblocklist = "common"\nmin_strength = 3\n');
  server = await startServer({ policy });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

const rule = (page, id) => page.locator(`#new-password-rules [data-rule="${id}"]`);

describe("the words asset", () => {
  test("rules that need no word list answer at once; the others when the asset arrives", async () => {
    const page = await newPage(browser);
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    let asked = null;
    await page.route("**/pkg/words-*.bin", async (route) => {
      asked = new URL(route.request().url()).pathname;
      await held;
      await route.continue();
    });
    await page.goto(server.adminLink);
    await page.locator("#new-password").fill("password");
    await page.locator('#new-password-rules [data-rule="min-length"][data-status="pass"]').waitFor();
    assert.match(asked ?? "", /^\/pkg\/words-[0-9a-f]{16}\.bin$/, "the page asked for the asset");
    assert.equal(await rule(page, "not-common").getAttribute("data-status"), "pending");
    assert.equal(await rule(page, "min-strength").getAttribute("data-status"), "pending");
    assert.equal(await page.locator("[data-strength-score]").count(), 0, "no meter before the dictionaries");
    await screenshot(page, "words-pending");
    release();
    // Decided without another keystroke.
    await page.locator('#new-password-rules [data-rule="not-common"][data-status="fail"]').waitFor();
    assert.equal(await rule(page, "min-strength").getAttribute("data-status"), "fail");
    assert.equal(await page.locator("[data-strength-score]").getAttribute("data-strength-score"), "0");
    await page.locator("#new-password").fill("Quartz5%lantern-tide");
    await page.locator('#new-password-rules [data-rule="not-common"][data-status="pass"]').waitFor();
    await page.locator('#new-password-rules [data-rule="min-strength"][data-status="pass"]').waitFor();
    await screenshot(page, "words-arrived");
    assert.deepEqual(page.errors, []);

    // The asset is named by its content and kept for good; the server sends it compressed.
    const answer = await fetch(`${server.url}${asked}`, { headers: { "accept-encoding": "br" } });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get("cache-control"), "public, max-age=31536000, immutable");
    assert.equal(answer.headers.get("content-encoding"), "br");
    // A stale name answers the pages' HTML, which is never kept for good.
    const stale = await fetch(`${server.url}/pkg/words-0000000000000000.bin`);
    assert.notEqual(stale.headers.get("cache-control"), "public, max-age=31536000, immutable");
    const html = await (await fetch(`${server.url}/account`)).text();
    assert.ok(html.includes(`<meta name="passguard-words" content="${asked}">`), html);
  });
});
