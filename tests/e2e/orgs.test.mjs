// An organization's set-up administrator at work, in Debian's Chromium against a real
// `passguard serve`: the operator creates organization Acme (12-character minimum) and
// invites Acme's administrator from the command line; she registers (the live checklist holds
// her to Acme's policy), signs in to an admin page limited to Acme, invites two people,
// searches, and disables and deletes one of them, each confirmed first. Screenshots at 1100 px
// and at 375 px are kept under artifacts/pages.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { checklist, launch, linkFor, newPage, screenshot, startServer } from "./support.mjs";

const COYOTE = "Acme1!coyotes";
const ANSWERS = ["Springfield", "Paris"];

let server;
let browser;
let coyote;

before(async () => {
  server = await startServer();
  browser = await launch();
  const overlay = join(server.dir, "acme.toml");
  writeFileSync(overlay, "[password]\nmin_length = 12\nhistory = 10\n");
  server.cli(["org", "create", "--slug", "acme", "--name", "Acme Corp", "--policy", overlay,
    "--notice-admin", "Acme administrators: every action is logged."]);
});

after(async () => {
  await browser?.close();
  server?.stop();
});

async function actOn(page, username, action) {
  const row = page.locator(`tr[data-username="${username}"]`);
  await row.locator("summary").click();
  await row.locator(`[data-action="${action}"]`).click();
}

describe("an organization's administrator", () => {
  test("registers under Acme's policy: 11 characters fail the checklist, 12 pass", async () => {
    const out = server.cli(["admin", "create", "--username", "coyote", "--email", "coyote@acme.example", "--org", "acme", "--role", "org-admin"]);
    const link = out.trim().split("\n").at(-1);
    coyote = await newPage(browser);
    await coyote.goto(link);
    await coyote.locator("#new-password-rules [data-rule]").first().waitFor();
    await coyote.locator("#new-password").fill("Eleven1!chr");
    await coyote.waitForFunction(() => document.querySelector('[data-rule="min-length"]')?.dataset.status === "fail");
    assert.match(await coyote.locator('[data-rule="min-length"]').innerText(), /12/);
    await coyote.locator("#new-password").fill(COYOTE);
    await coyote.locator("#confirm-password").fill(COYOTE);
    assert.equal((await checklist(coyote))["min-length"], "pass");
    for (const [i, answer] of ANSWERS.entries()) {
      await coyote.locator(`#question-${i}`).fill(`Question ${i + 1}?`);
      await coyote.locator(`#answer-${i}`).fill(answer);
    }
    await coyote.getByRole("button", { name: "Create account" }).click();
    await coyote.locator('[data-alert="ok"]').waitFor();
  });

  test("sees Acme's accounts only, and none of the operator's tools", async () => {
    await coyote.goto(`${server.url}/login`);
    await coyote.locator("#username").fill("coyote");
    await coyote.locator("#password").fill(COYOTE);
    await coyote.getByRole("button", { name: "Sign in" }).click();
    await coyote.waitForURL("**/admin");
    await coyote.locator('tr[data-username="coyote"]').waitFor();
    assert.equal(await coyote.locator(".notice").innerText(), "Acme administrators: every action is logged.");
    assert.match(await coyote.locator(".scope").innerText(), /Acme Corp/);
    assert.equal(await coyote.locator("#filter-org").count(), 0, "no organization picker");
    assert.equal(await coyote.locator('tr[data-username="admin"]').count(), 0, "not the operator's account");
    const roles = await coyote.locator("#invite-role option").evaluateAll((options) => options.map((o) => o.value));
    assert.deepEqual(roles, ["user", "org-admin"], "no admin role to give");
  });

  test("invites two people, finds one, disables and deletes it after confirming", async () => {
    for (const name of ["road", "beep"]) {
      await coyote.locator("#invite-username").fill(name);
      await coyote.locator("#invite-email").fill(`${name}@acme.example`);
      await coyote.getByRole("button", { name: "Send invitation" }).click();
      await coyote.locator(`tr[data-username="${name}"][data-status="invited"]`).waitFor();
    }
    assert.ok(await linkFor(server.mail, "beep@acme.example", "register"));
    assert.equal(await coyote.locator(".pager").getAttribute("data-total"), "3");
    await screenshot(coyote, "org-admin-grid");

    await coyote.locator("#filter-q").fill("beep");
    await coyote.getByRole("button", { name: "Search" }).first().click();
    await coyote.waitForFunction(() => document.querySelectorAll("tr[data-username]").length === 1);
    assert.equal(await coyote.locator("tr[data-username]").getAttribute("data-username"), "beep");

    await actOn(coyote, "beep", "disable");
    const confirm = coyote.locator('form.confirm[data-confirm="disable"]');
    assert.match(await confirm.innerText(), /beep/);
    assert.equal(await coyote.evaluate(() => document.activeElement?.textContent), "Disable", "focus on the decision");
    await coyote.keyboard.press("Enter");
    await coyote.locator('tr[data-username="beep"][data-status="disabled"]').waitFor();

    await actOn(coyote, "beep", "delete");
    const deletion = coyote.locator('form.confirm[data-confirm="delete"]');
    assert.match(await deletion.innerText(), /cannot be undone/);
    await screenshot(coyote, "org-admin-confirm-delete");
    await deletion.getByRole("button", { name: "Cancel" }).click();
    assert.equal(await coyote.locator('tr[data-username="beep"]').count(), 1, "cancelled: still there");
    await actOn(coyote, "beep", "delete");
    await coyote.locator('form.confirm[data-confirm="delete"]').getByRole("button", { name: "Delete" }).click();
    await coyote.locator('[data-alert="ok"]').filter({ hasText: "beep is deleted" }).waitFor();
    assert.equal(await coyote.locator('tr[data-username="beep"]').count(), 0);

    await coyote.locator("#filter-q").fill("");
    await coyote.getByRole("button", { name: "Search" }).first().click();
    await coyote.locator('tr[data-username="road"]').waitFor();
    await actOn(coyote, "road", "events");
    await coyote.locator('section.events tr[data-event="invited"]').waitFor();
    assert.equal(await coyote.evaluate(() => document.activeElement?.id), "events-title");
    await screenshot(coyote, "org-admin-events");
  });

  test("at phone width the grid reflows into cards, without scrolling sideways", async () => {
    await coyote.setViewportSize({ width: 375, height: 800 });
    await coyote.goto(`${server.url}/admin`);
    await coyote.locator('tr[data-username="road"]').waitFor();
    await screenshot(coyote, "org-admin-grid-375", { fullPage: false });
    const overflow = await coyote.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const wide = await coyote.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5)
        .map((e) => `${e.tagName}.${e.className}#${e.id}: ${Math.round(e.getBoundingClientRect().right)}`),
    );
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen: ${wide.join("; ")}`);
  });
});
