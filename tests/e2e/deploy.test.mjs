// The pages and e-mails as a company would deploy them (issue 14), walked through in English
// and in German as a new user, an administrator and a keyboard or phone user would: the
// language follows the selector everywhere, the header says who is signed in, the checklist
// and meter do not alarm before typing or contradict the policy, refused submits say why,
// e-mails say where they come from, the pages fit a phone, every page has a title, a skip
// link and focus after navigation, no dead ends, and security questions that protect.
// axe-core checks every page (0 serious or critical violations); screenshots of every page at
// 1280 and 375 px in both languages go to artifacts/pages/deploy-*.png.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { ARTIFACTS, ROOT, chooseLanguage, launch, linkFor, mails, startServer } from "./support.mjs";

// Evaluated through the DevTools protocol, which the pages' Content-Security-Policy (no
// inline scripts) does not govern; a <script> tag would be refused.
const AXE = readFileSync(createRequire(join(ROOT, "tools", "package.json")).resolve("axe-core/axe.min.js"), "utf8");
const LANGS = ["en", "de"];
const ADMIN_PASSWORD = "Admin-pass1!";
const PASSWORD = "Harbor5!lantern";
const ANSWERS = ["Rex the dog", "Saint-Malo"];
const QUESTIONS = ["Name of your first pet?", "Town you were born in?"];

/** What each language says, as the catalogues word it. */
const SAY = {
  en: {
    invalid: "The username or password is incorrect.",
    locked: "This account is locked.",
    footer: "Contact your administrator for assistance.",
    resetSubject: /^Reset your password – passguard$/,
    hello: (name) => `Hello ${name},`,
    signOut: "Sign out",
    noNeed: "No need for symbols, digits, or uppercase letters",
    advice: "advice",
    title: "Sign in – passguard",
    forgotLink: "Forgot your password?",
    invited: (org) => `admin invited you to passguard for ${org}`,
    byAdmin: "The administrator admin asked for a new password",
    ignore: "If it was not you, ignore this message",
    lastTry: "one more wrong answer locks your account",
  },
  de: {
    invalid: "Benutzername oder Passwort ist falsch.",
    locked: "Dieses Konto ist gesperrt.",
    footer: "Wenden Sie sich bei Fragen an Ihren Administrator.",
    resetSubject: /^Passwort zurücksetzen – passguard$/,
    hello: (name) => `Hallo ${name},`,
    signOut: "Abmelden",
    noNeed: "Symbole, Ziffern oder Großbuchstaben sind nicht nötig",
    advice: "Hinweis",
    title: "Anmelden – passguard",
    forgotLink: "Passwort vergessen?",
    invited: (org) => `admin hat Sie zu passguard für ${org} eingeladen`,
    byAdmin: "Der Administrator admin hat für Ihr Konto bei passguard ein neues Passwort angefordert",
    ignore: "Falls Sie das nicht waren",
    lastTry: "Eine weitere falsche Antwort sperrt Ihr Konto",
  },
};

let server;
let browser;
let admin; // the operator's page, signed in, in English

/** A fresh context (own cookies) at `width` px in Berlin's time zone, on /login in `lang`. */
async function open(lang, { width = 1280 } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, timezoneId: "Europe/Berlin" });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (error) => page.errors.push(error.message));
  await page.goto(`${server.url}/login`);
  await chooseLanguage(page, lang);
  return page;
}

/** Every serious or critical axe-core violation on the page as it is now. */
async function axe(page) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  return violations;
}

async function assertAccessible(page, name) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe on ${name}`);
}

/** A new account invited from the command line: its registration link. */
function invite(username) {
  const out = server.cli(["admin", "create", "--username", username, "--email", `${username}@example.com`]);
  return out.trim().split("\n").at(-1);
}

async function submit(page) {
  await page.locator("main form button[type=submit]").first().click({ timeout: 3000 });
}

async function register(page, link, { password = PASSWORD, answers = ANSWERS } = {}) {
  await page.goto(link);
  await page.locator("#new-password-rules [data-rule]").first().waitFor();
  await page.locator("#new-password").fill(password);
  await page.locator("#confirm-password").fill(password);
  for (const [i, answer] of answers.entries()) {
    await page.locator(`#question-${i}`).fill(QUESTIONS[i]);
    await page.locator(`#answer-${i}`).fill(answer);
  }
  await submit(page);
  await page.locator('[data-alert="ok"]').waitFor({ timeout: 5000 });
}

async function signIn(page, username, password = PASSWORD) {
  await page.goto(`${server.url}/login`);
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await submit(page);
}

/** The newest e-mail to `address` matching `test`, waiting for it to be written. */
async function mailTo(address, test = () => true) {
  for (let i = 0; i < 100; i++) {
    const found = mails(server.mail).filter((m) => m.to.includes(address) && test(m)).at(-1);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no e-mail to ${address}`);
}

async function alertText(page) {
  const alert = page.locator('[data-alert="error"]').first();
  await alert.waitFor({ timeout: 5000 });
  return alert.innerText();
}

async function fitsWidth(page) {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
}

before(async () => {
  // The site's defaults: no support contact configured (so the catalogue's own words), a
  // login notice per role.
  server = await startServer({ configFile: '[notices]\nuser = "Authorised use only."\n' });
  browser = await launch();
  server.cli(["org", "create", "--slug", "acme", "--name", "Acme Ltd"]);
  admin = await open("en");
  await register(admin, server.adminLink, { password: ADMIN_PASSWORD });
  await signIn(admin, "admin", ADMIN_PASSWORD);
  await admin.waitForURL("**/admin");
});

after(async () => {
  await browser?.close();
  server?.stop();
});

for (const lang of LANGS) {
  const say = SAY[lang];
  const carol = `carol-${lang}`;
  const dora = `dora-${lang}`;
  let carolLink;

  describe(`issue 14 in ${lang}`, () => {
    before(() => {
      carolLink = invite(carol);
    });

    test(`1. the language follows the selector: server answers, footer, e-mails (${lang})`, async () => {
      const page = await open(lang);
      await register(page, carolLink);
      // Carol asks for a reset link: it comes in the language she registered in.
      await page.goto(`${server.url}/forgot`);
      await page.locator("#username").fill(carol);
      await submit(page);
      await page.locator('[data-alert="ok"]').waitFor();
      const reset = await mailTo(`${carol}@example.com`, (m) => /reset\?token=/.test(m.text));
      assert.match(reset.subject, say.resetSubject);
      assert.ok(reset.text.includes(say.hello(carol)), reset.text);
      // The server's answers, and the page's own words for them, in the language chosen.
      await signIn(page, carol, "Wrong-pass9!");
      assert.equal(await alertText(page), say.invalid);
      const nobody = `nobody-${lang}`;
      let text = "";
      for (let i = 0; i < 5; i++) {
        await signIn(page, nobody, "Wrong-pass9!");
        text = await alertText(page);
      }
      assert.ok(text.startsWith(say.locked), text);
      // The footer: the catalogue's "your administrator" in the reader's language.
      assert.equal(await page.locator("footer.support").innerText(), say.footer);
      await page.context().close();
    });

    test(`2. the header shows who is signed in, sign-out, Admin only for administrators (${lang})`, async () => {
      const page = await open(lang);
      assert.equal(await page.locator("#signed-in").count(), 0);
      await signIn(page, carol);
      await page.waitForURL("**/account");
      await page.locator("#signed-in").waitFor();
      assert.equal(await page.locator("#signed-in").innerText(), carol);
      assert.equal((await page.locator("#sign-out").innerText()).trim(), say.signOut);
      assert.equal(await page.locator('header a[href="/admin"]').count(), 0, "no Admin link for a user");
      await page.goto(`${server.url}/admin`);
      await page.locator('[data-alert="forbidden"]').waitFor();
      assert.equal(await page.locator("#invite-username").count(), 0, "no form a user cannot use");
      assert.equal(await admin.locator('header a[href="/admin"]').count(), 1, "the operator has it");
      await page.locator("#sign-out").click();
      await page.waitForURL("**/login");
      await page.locator('header nav a[href="/login"]').waitFor();
      assert.equal(await page.locator("#signed-in").count(), 0);
      await page.context().close();
    });

    test(`3. the checklist is neutral before typing and the meter never contradicts the policy (${lang})`, async () => {
      const page = await open(lang);
      const link = invite(dora);
      await page.goto(link);
      await page.locator("#new-password-rules [data-rule]").first().waitFor();
      const list = page.locator("#new-password-rules");
      assert.equal(await list.locator(".rule.fail").count(), 0, "no red rule before typing");
      assert.ok(!(await list.innerText()).includes("✗"), await list.innerText());
      assert.equal(await list.locator("[data-strength-score]").count(), 0, "no 'very weak' before typing");
      assert.ok(!(await page.locator("main").innerText()).includes(say.noNeed));
      // History cannot fail on a new account: information, not a pending check mark.
      assert.equal(await list.locator('[data-rule="not-reused"]').getAttribute("data-shown"), "info");
      // A password every rule accepts: the meter's warning is a tip, and reads as advice
      // (security-admin sets no strength minimum).
      await page.locator("#new-password").pressSequentially("Password1");
      await list.locator("[data-strength-score]").waitFor();
      assert.equal(await list.locator(".rule.fail").count(), 0, await list.innerText());
      assert.equal(await list.locator(".strength .warning").count(), 0, "no alarm over an accepted password");
      assert.equal(await list.locator(".strength").getAttribute("data-advice"), "true");
      assert.ok((await list.locator(".strength-label").innerText()).includes(say.advice));
      assert.ok(!(await list.innerText()).includes(say.noNeed), "no tip against the 3-of-4 groups rule");
      await page.context().close();
    });

    test(`4. a refused submit says why: error summary and field errors, the minimum age up front (${lang})`, async () => {
      const page = await open(lang);
      await page.goto(await linkFor(server.mail, `${dora}@example.com`, "register"));
      await page.locator("#new-password-rules [data-rule]").first().waitFor();
      await page.locator("#new-password").fill(PASSWORD);
      await page.locator("#confirm-password").fill(PASSWORD);
      const button = page.locator("main form button[type=submit]");
      assert.equal(await button.isDisabled(), false, "never disabled without a reason");
      await submit(page);
      const summary = page.locator('.error-summary[role="alert"]');
      await summary.waitFor({ timeout: 3000 });
      for (const field of ["question-0", "answer-0", "question-1", "answer-1"]) {
        assert.equal(await summary.locator(`a[href="#${field}"]`).count(), 1, field);
      }
      await page.locator("#answer-0-error").waitFor();
      assert.equal(await page.locator("#answer-0").getAttribute("aria-invalid"), "true");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "error-summary");
      // The invitation form: a wrong address is named, nothing is sent.
      const adminPage = await open(lang);
      await signIn(adminPage, "admin", ADMIN_PASSWORD);
      await adminPage.waitForURL("**/admin");
      await adminPage.locator("#invite-username").fill(`eve-${lang}`);
      await adminPage.locator("#invite-email").fill("not-an-address");
      await adminPage.locator("form.invite button[type=submit]").click({ timeout: 3000 });
      const inviteSummary = adminPage.locator('form.invite .error-summary[role="alert"]');
      await inviteSummary.waitFor({ timeout: 3000 });
      assert.equal(await inviteSummary.locator('a[href="#invite-email"]').count(), 1);
      // Carol changed her password a moment ago (registration): the 48 h wait is explained
      // up front, with no form to fill in for nothing.
      await signIn(page, carol);
      await page.waitForURL("**/account");
      await page.locator('[data-min-age="pending"]').waitFor();
      assert.equal(await page.locator("#new-password").count(), 0);
      await Promise.all([page.context().close(), adminPage.context().close()]);
    });

    test(`7. page titles, a skip link, focus on the heading after navigation (${lang})`, async () => {
      const page = await open(lang);
      await page.waitForFunction((want) => document.title === want, say.title, { timeout: 3000 }).catch(() => {});
      assert.equal(await page.title(), say.title);
      await page.locator("body").press("Tab");
      assert.deepEqual(
        await page.evaluate(() => [document.activeElement?.className, document.activeElement?.getAttribute("href")]),
        ["skip-link", "#main"],
      );
      await page.getByRole("link", { name: say.forgotLink }).click();
      await page.waitForURL("**/forgot");
      await page.waitForFunction(() => document.activeElement?.tagName === "H1", null, { timeout: 3000 }).catch(() => {});
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1");
      assert.notEqual(await page.title(), say.title, "the forgot page has its own title");
      await page.context().close();
    });

    test(`8. no dead ends; sign-in by e-mail; times with their time zone (${lang})`, async () => {
      const page = await open(lang);
      await page.goto(`${server.url}/register`);
      await page.locator('[data-link-problem="missing"]').waitFor({ timeout: 3000 });
      await page.locator("[data-next-step]").waitFor();
      assert.ok(!(await page.locator("main").innerText()).includes("endpoint"));
      // A used link: the way on.
      await page.goto(carolLink);
      await page.locator('[data-link-problem="token-used"]').waitFor({ timeout: 3000 });
      assert.equal(await page.locator('main a[href="/login"]').count(), 1);
      // "Change your password" for a signed-out user: sign in first, then the form.
      await page.goto(`${server.url}/login`);
      assert.equal(await page.locator('a[data-link="change"]').getAttribute("href"), "/login?next=/account");
      await page.locator('a[data-link="change"]').click();
      await page.locator('[data-hint="change"]').waitFor({ timeout: 3000 });
      // An empty form is refused in the page: no request goes out.
      const logins = [];
      page.on("request", (request) => request.url().endsWith("/api/login") && logins.push(request));
      await submit(page);
      const summary = page.locator('.error-summary[role="alert"]');
      await summary.waitFor({ timeout: 3000 });
      assert.equal(await summary.locator('a[href="#username"]').count(), 1);
      assert.equal(await summary.locator('a[href="#password"]').count(), 1);
      assert.equal(logins.length, 0);
      // Signing in with the e-mail address, then to the change form (next=/account).
      await page.locator("#username").fill(`${carol}@example.com`);
      await page.locator("#password").fill(PASSWORD);
      await submit(page);
      await page.waitForURL("**/account", { timeout: 5000 });
      const facts = await page.locator("dl.facts").innerText();
      assert.match(facts, /\b(CET|MEZ|CEST|MESZ|UTC|GMT[+-]\d+)\b/, facts);
      await page.context().close();
    });

    test(`9. security questions: empty with placeholders, distinct answers of 3+ characters, not the username or password, the last try warned (${lang})`, async () => {
      const page = await open(lang);
      await page.goto(await linkFor(server.mail, `${dora}@example.com`, "register"));
      await page.locator("#question-0").waitFor();
      assert.equal(await page.locator("#question-0").inputValue(), "");
      assert.ok((await page.locator("#question-0").getAttribute("placeholder")).length > 10);
      await page.locator("#new-password").fill(PASSWORD);
      await page.locator("#confirm-password").fill(PASSWORD);
      await page.locator("#question-0").fill(QUESTIONS[0]);
      await page.locator("#question-1").fill(QUESTIONS[1]);
      const refusedFor = async (a0, a1) => {
        await page.locator("#answer-0").fill(a0);
        await page.locator("#answer-1").fill(a1);
        await submit(page);
        await page.locator(".error-summary").waitFor({ timeout: 3000 });
        return page.locator(".error-summary a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
      };
      assert.deepEqual(await refusedFor("x", "Saint-Malo"), ["#answer-0"]);
      assert.deepEqual(await refusedFor("Saint-Malo", "saint-malo "), ["#answer-1"]);
      assert.deepEqual(await refusedFor(dora, "Saint-Malo"), ["#answer-0"]);
      assert.deepEqual(await refusedFor("Rex", PASSWORD), ["#answer-1"]);
      // The server refuses them too, whatever the page.
      const other = invite(`gus-${lang}`);
      const token = new URL(other).searchParams.get("token");
      const answer = await fetch(`${server.url}/api/register`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url },
        body: JSON.stringify({
          token,
          password: PASSWORD,
          security_questions: [
            { question: "First pet?", answer: "x" },
            { question: "First school?", answer: "x" },
          ],
        }),
      });
      assert.equal(answer.status, 400);
      assert.equal((await answer.json()).error, "invalid-security-questions");
      // Registered with good answers, Dora forgets her password: the reset page says how
      // many tries she has, and the wrong answer before the last says the next one locks.
      await page.locator("#answer-0").fill(ANSWERS[0]);
      await page.locator("#answer-1").fill(ANSWERS[1]);
      await submit(page);
      await page.locator('[data-alert="ok"]').waitFor({ timeout: 5000 });
      await page.goto(`${server.url}/forgot`);
      await page.locator("#username").fill(dora);
      await submit(page);
      await page.locator('[data-alert="ok"]').waitFor();
      await page.goto(await (async () => {
        await mailTo(`${dora}@example.com`, (m) => /reset\?token=/.test(m.text));
        return await linkFor(server.mail, `${dora}@example.com`, "reset");
      })());
      await page.locator("#answer-0").waitFor();
      assert.equal(await page.locator("[data-attempts-left]").getAttribute("data-attempts-left"), "2");
      await page.locator("#answer-0").fill("wrong answer");
      await page.locator("#answer-1").fill("wrong answer");
      await page.locator("#new-password").fill("Cloud9(maple");
      await page.locator("#confirm-password").fill("Cloud9(maple");
      await submit(page);
      const warning = await alertText(page);
      assert.ok(warning.includes(say.lastTry), warning);
      await page.context().close();
    });

    test(`6. every page fits a phone: no horizontal scrolling at 375 and 320 px (${lang})`, async () => {
      for (const width of [375, 320]) {
        const page = await open(lang, { width });
        await signIn(page, "admin", ADMIN_PASSWORD);
        await page.waitForURL("**/admin");
        await page.locator("table.users tr[data-username]").first().waitFor();
        const { scroll, width: viewport } = await fitsWidth(page);
        assert.ok(scroll <= viewport, `admin at ${width}: ${scroll} > ${viewport}`);
        for (const path of ["/login", "/forgot", "/account", "/register"]) {
          await page.goto(`${server.url}${path}`);
          await page.locator("main h1").waitFor();
          const fit = await fitsWidth(page);
          assert.ok(fit.scroll <= fit.width, `${path} at ${width}: ${fit.scroll} > ${fit.width}`);
        }
        await page.context().close();
      }
    });

    test(`5. e-mails name the site, its address, the organization and who asked (${lang})`, async () => {
      const page = await open(lang);
      await signIn(page, "admin", ADMIN_PASSWORD);
      await page.waitForURL("**/admin");
      const frank = `frank-${lang}`;
      await page.locator("#invite-username").fill(frank);
      await page.locator("#invite-email").fill(`${frank}@example.com`);
      await page.selectOption("#invite-org", "acme");
      await page.locator("form.invite button[type=submit]").click();
      await page.locator('form.invite [data-alert="ok"]').waitFor({ timeout: 5000 });
      const invitation = await mailTo(`${frank}@example.com`);
      assert.ok(invitation.text.includes(say.invited("Acme Ltd")), invitation.text);
      assert.match(invitation.subject, / – passguard$/);
      assert.match(invitation.from, /passguard/);
      assert.match(invitation.raw, /Content-Type: text\/plain/i);
      assert.match(invitation.raw, /Content-Type: text\/html/i);
      assert.ok(invitation.text.includes("passguard@localhost"), "the address e-mails come from");
      // The administrator's reset says who asked, not "if it was not you, ignore this".
      const status = await page.evaluate(
        async (name) => (await fetch(`/api/admin/users/${name}/reset-password`, { method: "POST" })).status,
        carol,
      );
      assert.equal(status, 202);
      const reset = await mailTo(`${carol}@example.com`, (m) => m.text.includes(say.byAdmin));
      assert.ok(!reset.text.includes(say.ignore), reset.text);
      await page.context().close();
    });
  });
}

describe("issue 14: every page, accessible, in pictures", () => {
  test("axe-core finds no serious or critical violation; screenshots at 1280 and 375 px in EN and DE", async () => {
    const failures = [];
    for (const lang of LANGS) {
      const user = `hal-${lang}`;
      const link = invite(user);
      const page = await open(lang);
      await register(page, link);
      await page.goto(`${server.url}/forgot`);
      await page.locator("#username").fill(user);
      await submit(page);
      await page.locator('[data-alert="ok"]').waitFor();
      await mailTo(`${user}@example.com`, (m) => /reset\?token=/.test(m.text));
      const local = (url) => new URL(url).pathname + new URL(url).search;
      const pages = [
        ["login", "/login"],
        ["forgot", "/forgot"],
        ["register", local(invite(`ivy-${lang}`))],
        ["register-no-token", "/register"],
        ["reset", local(await linkFor(server.mail, `${user}@example.com`, "reset"))],
        ["unlock", "/unlock"],
        ["not-found", "/nowhere"],
      ];
      for (const signedIn of [false, true]) {
        const list = signedIn ? [["account", "/account"], ["admin", "/admin"]] : pages;
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: "Europe/Berlin" });
        const shot = await context.newPage();
        await shot.goto(`${server.url}/login`);
        await chooseLanguage(shot, lang);
        if (signedIn) {
          await shot.locator("#username").fill("admin");
          await shot.locator("#password").fill(ADMIN_PASSWORD);
          await shot.locator("main form button[type=submit]").click();
          await shot.waitForURL("**/admin");
        }
        for (const [name, path] of list) {
          for (const width of [1280, 375]) {
            await shot.setViewportSize({ width, height: 900 });
            await shot.goto(`${server.url}${path}`);
            await shot.locator("main h1").waitFor();
            await shot.waitForLoadState("networkidle");
            await shot.screenshot({ path: join(ARTIFACTS, `deploy-${name}-${lang}-${width}.png`), fullPage: true });
            if (width === 1280) {
              for (const violation of await axe(shot)) failures.push(`${name} (${lang}): ${violation}`);
            }
          }
        }
        await context.close();
      }
      await page.context().close();
    }
    assert.deepEqual(failures, []);
  });
});
