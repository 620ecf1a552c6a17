// What the page tests share: a real `passguard serve` on SQLite with a mail directory and the
// test clock, the e-mails it writes, and Debian's Chromium driven by playwright-core.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch as launchChromium } from "../chromium.mjs";

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the page tests through scripts/test-pages.sh`);
  return value;
}

export const ROOT = required("PASSGUARD_ROOT");
export const BIN = required("PASSGUARD_BIN");
/** Screenshots go here (git-ignored), to be looked at. */
export const ARTIFACTS = join(ROOT, "artifacts", "pages");
mkdirSync(ARTIFACTS, { recursive: true });

export const SUPPORT = "the IT service desk (help@example.com)";
export const NOTICES = {
  user: "Authorised use only. Activity on this system is monitored.",
  admin: "You are signed in as an administrator: every action is logged.",
};

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A server process with its own database, mail directory and config (`config`: more TOML;
 * `configFile`: the config file's text instead of the usual support contact and notices). */
export async function startServer({ policy = "security-admin", config: extra = "", configFile = null } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "passguard-pages-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const mail = join(dir, "mail");
  const database = `sqlite://${join(dir, "passguard.db")}`;
  const config = join(dir, "passguard.toml");
  writeFileSync(
    config,
    configFile ??
      `support_contact = ${JSON.stringify(SUPPORT)}\n[notices]\nuser = ${JSON.stringify(NOTICES.user)}\nadmin = ${JSON.stringify(NOTICES.admin)}\n${extra}\n`,
  );
  const shared = ["--config", config, "--database", database, "--mail-dir", mail, "--policy", policy, "--public-url", url];
  const created = spawnSync(BIN, ["admin", "create", "--username", "admin", "--email", "admin@example.com", "--admin", ...shared], {
    encoding: "utf8",
  });
  if (created.status !== 0) throw new Error(`admin create: ${created.stderr}`);
  const adminLink = created.stdout.trim().split("\n").at(-1);
  const log = join(dir, "server.log");
  let child;
  const serve = async (args) => {
    child = spawn(
      BIN,
      ["serve", "--listen", `127.0.0.1:${port}`, "--test-clock", "--static-dir", join(ROOT, "www", "dist"), ...args],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    const stderr = [];
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await fetch(`${url}/api/policy`);
        if (answer.ok) break;
      } catch {
        // not listening yet
      }
      if (attempt > 200 || child.exitCode !== null) {
        throw new Error(`the server did not start: ${Buffer.concat(stderr).toString()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await serve(shared);
  return {
    url,
    mail,
    adminLink,
    log,
    dir,
    /** Runs `passguard ARGS` on this server's database, config and mail directory; its stdout. */
    cli(args) {
      const withMail = args[0] === "org" ? ["--config", config, "--database", database] : shared;
      const run = spawnSync(BIN, [...args, ...withMail], { encoding: "utf8" });
      if (run.status !== 0) throw new Error(`passguard ${args.join(" ")}: ${run.stderr}`);
      return run.stdout;
    },
    /** Invites `username` (e-mail `username@example.com`) and registers it through the API
     * with `password` and `questions` ({question, answer} objects); throws unless 201. */
    async register(username, password, questions = []) {
      const out = this.cli(["admin", "create", "--username", username, "--email", `${username}@example.com`]);
      const token = new URL(out.trim().split("\n").at(-1)).searchParams.get("token");
      const answer = await fetch(`${url}/api/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token, password, security_questions: questions }),
      });
      if (answer.status !== 201) throw new Error(`register ${username}: ${answer.status} ${await answer.text()}`);
    },
    /** Moves the server's clock forward and runs the jobs that became due. */
    async advance(seconds) {
      const answer = await fetch(`${url}/api/test/clock`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ advance_seconds: seconds }),
      });
      if (!answer.ok) throw new Error(`clock: ${answer.status} ${await answer.text()}`);
      return answer.json();
    },
    stop() {
      child.kill("SIGTERM");
    },
    /** Stops the server and starts it again on the same database with another policy and
     * more arguments (`--staged-policy PRESET`...), as an operator changing its policy. */
    async restart({ policy: next = policy, args = [] } = {}) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await serve([...shared.map((arg) => (arg === policy ? next : arg)), ...args]);
    },
  };
}

/** Every e-mail written to `dir`, oldest first, as { to, subject, text } (quoted-printable undone). */
export function mails(dir) {
  let names = [];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".eml"));
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, at: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => a.at - b.at || a.name.localeCompare(b.name))
    .map(({ name }) => {
      // Read as bytes: quoted-printable undone below, then the bytes read as UTF-8.
      const raw = readFileSync(join(dir, name), "latin1");
      const head = raw.split(/\r?\n\r?\n/)[0];
      // A long header continues on lines that start with white space.
      const header = (key) =>
        ((head.match(new RegExp(`^${key}: (.*(?:\r?\n[ \t].*)*)`, "mi")) ?? [])[1] ?? "").replace(/\r?\n[ \t]+/g, " ");
      const bytes = raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
      const text = Buffer.from(bytes, "latin1").toString("utf8");
      return { to: header("To"), from: header("From"), subject: decodeHeader(header("Subject")), text, raw };
    });
}

/** An RFC 2047 header as read (`=?utf-8?b?…?=` / `=?utf-8?q?…?=` words decoded). */
function decodeHeader(value) {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind, text) =>
      kind.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (__, hex) => String.fromCharCode(parseInt(hex, 16))),
            "latin1",
          ).toString("utf8"),
    );
}

/** The newest link to `/{page}?token=` e-mailed to `address`. */
export async function linkFor(dir, address, page, { timeout = 15000 } = {}) {
  // E-mails are sent in the background after the answer: wait for the link to arrive.
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = mails(dir)
      .filter((mail) => mail.to.includes(address))
      .map((mail) => mail.text.match(new RegExp(`https?://[^\\s"<>]*/${page}\\?token=[A-Za-z0-9_-]+`)))
      .filter(Boolean)
      .at(-1);
    if (found) return found[0];
    if (Date.now() > deadline) throw new Error(`no ${page} link e-mailed to ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Debian's Chromium, through the playwright-core of tools/package.json. */
export function launch() {
  return launchChromium(join(ROOT, "tools"));
}

/** A fresh browser context (its own cookies) and page, failing on any page error. */
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.errors = errors;
  return page;
}

let shots = 0;
/** Keeps a screenshot under artifacts/pages, numbered in order: the whole page, or with
 * `{ fullPage: false }` what the screen shows (for a phone's long pages). */
export async function screenshot(page, name, { fullPage = true } = {}) {
  shots += 1;
  await page.screenshot({ path: join(ARTIFACTS, `${String(shots).padStart(2, "0")}-${name}.png`), fullPage });
}

/** `{ rule id: status }` of the live checklist under `#id`. */
export async function checklist(page, id = "new-password-rules") {
  return page.locator(`#${id} [data-rule]`).evaluateAll((items) =>
    Object.fromEntries(items.map((item) => [item.dataset.rule, item.dataset.status])),
  );
}

/**
 * Chooses `lang` with the header's selector and waits until the page speaks it: on the
 * server's own pages (/login, /forgot) the choice reloads the page with `?lang=`, in the app
 * it applies in place.
 */
export async function chooseLanguage(page, lang) {
  const select = page.locator("#locale");
  await select.waitFor();
  if ((await page.locator("[data-apply-language]").count()) > 0) {
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get("lang") === lang),
      select.selectOption(lang),
    ]);
    await page.waitForLoadState("domcontentloaded");
  } else {
    await select.selectOption(lang);
  }
  await page.waitForFunction((want) => document.documentElement.lang === want, lang);
}
