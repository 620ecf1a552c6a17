// The package in headless Chromium (Debian's, driven by playwright-core): the Vite build of
// vite-app/ and a plain page importing the web build as an ES module. Each types or passes a
// password, and the verdict read from the DOM must equal the native CLI's report.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

import { cliReports } from "./support.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const tools = process.env.PASSGUARD_TOOLS;
const artifacts = process.env.PASSGUARD_ARTIFACTS;
if (!tools || !artifacts) throw new Error("run through scripts/test-npm.sh");
// This file runs from a copy outside the repository (a consumer's folder); how Chromium is
// started comes from the repository, beside the tools.
const { launch } = await import(pathToFileURL(join(tools, "..", "tests", "chromium.mjs")).href);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".css": "text/css",
};

/** Serves this folder (the consumer with its node_modules and the Vite build) on loopback. */
function serve(root) {
  const server = createServer((request, response) => {
    const path = normalize(join(root, decodeURIComponent(new URL(request.url, "http://x").pathname)));
    let file = path;
    try {
      if (!path.startsWith(root + sep) && path !== root) throw new Error("outside");
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const body = readFileSync(file);
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

let server;
let browser;
let origin;
const pageErrors = [];

before(async () => {
  server = await serve(here.replace(/\/$/, ""));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launch(tools);
  mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openPage(path) {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  page.on("pageerror", (error) => pageErrors.push(`${path}: ${error.message}`));
  await page.goto(`${origin}${path}`);
  await page.waitForSelector("body[data-ready]");
  assert.equal(await page.getAttribute("body", "data-ready"), "true", await page.textContent("#verdict"));
  return page;
}

const cli = (password) => cliReports([password], ["--policy", "security-admin", "--username", "ada"])[0];

test("the Vite build checks a password as it is typed, with the CLI's verdicts", async () => {
  const page = await openPage("/vite-app/dist/index.html");
  assert.equal(await page.textContent("#policy"), "security-admin");

  await page.locator("#new-password").pressSequentially("Xyz<wxyz");
  await page.waitForFunction(() => document.querySelector("#length").textContent === "8 characters");
  assert.equal(await page.getAttribute("#verdict", "data-accepted"), "false");
  assert.equal(await page.getAttribute('[data-rule="character-groups"]', "data-status"), "fail");
  assert.deepStrictEqual(JSON.parse(await page.textContent("#report")), cli("Xyz<wxyz"));

  // Five emoji are ten UTF-16 units but five characters, as the server counts.
  await page.fill("#new-password", "Aa1😀😀😀😀😀");
  await page.waitForFunction(() => document.querySelector("#verdict").dataset.accepted === "true");
  assert.equal(await page.textContent("#length"), "8 characters");
  assert.equal(await page.textContent("#verdict"), "Accepted");
  assert.equal(await page.getAttribute('[data-rule="not-reused"]', "data-status"), "pending");
  assert.deepStrictEqual(JSON.parse(await page.textContent("#report")), cli("Aa1😀😀😀😀😀"));

  await page.screenshot({ path: join(artifacts, "npm-vite-app.png"), fullPage: true });
  await page.close();
  assert.deepEqual(pageErrors, []);
});

test("the Vite build decides the rules that need the word lists, which init() fetched itself", async () => {
  const page = await openPage("/vite-app/dist/index.html?policy=nist-800-63b");
  const nist = (password) => cliReports([password], ["--policy", "nist-800-63b", "--username", "ada"])[0];
  await page.fill("#new-password", "passwordpassword");
  await page.waitForFunction(() => document.querySelector('[data-rule="not-common"]')?.dataset.status === "fail");
  // The same report as the CLI's, whose lists are inside it: strength and all.
  assert.deepStrictEqual(JSON.parse(await page.textContent("#report")), nist("passwordpassword"));
  await page.fill("#new-password", "violet harbor lantern tide");
  await page.waitForFunction(() => document.querySelector('[data-rule="not-common"]')?.dataset.status === "pass");
  assert.deepStrictEqual(JSON.parse(await page.textContent("#report")), nist("violet harbor lantern tide"));
  await page.close();
  assert.deepEqual(pageErrors, []);
});

test("passguard/rules checks the rules at once and the others once given the word lists", async () => {
  const page = await openPage(`/plain-rules.html?password=${encodeURIComponent("passwordpassword")}`);
  const { before, after, refused } = JSON.parse(await page.textContent("#report"));
  const status = (report, id) => report.rules.find((rule) => rule.id === id)?.status;
  assert.equal(before.hasWords, false);
  assert.equal(status(before.report, "min-length"), "pass");
  assert.equal(status(before.report, "not-common"), "pending");
  assert.equal(after.hasWords, true);
  assert.deepStrictEqual(after.report, cliReports(["passwordpassword"], ["--policy", "nist-800-63b"])[0]);
  assert.equal(status(after.report, "not-common"), "fail");
  assert.match(refused, /not a passguard words asset/);
  await page.close();
  assert.deepEqual(pageErrors, []);
});

test("the web build works as a plain ES module, without a bundler", async () => {
  for (const password of ["Passw0rd", "short"]) {
    const page = await openPage(`/plain.html?password=${encodeURIComponent(password)}`);
    const report = JSON.parse(await page.textContent("#report"));
    assert.deepStrictEqual(report, cli(password));
    assert.equal(await page.getAttribute("#verdict", "data-accepted"), String(report.accepted));
    await page.close();
  }
  assert.deepEqual(pageErrors, []);
});
