// Keystroke-to-checklist latency in the browser: from the `input` event's time stamp to the
// end of its dispatch (a listener on `window`, which runs after the page's own delegated
// handler has checked the password and updated the checklist's DOM: Leptos applies the
// changes synchronously), for every keystroke of 8-, 64- and 1 024-character passwords typed
// into the registration page. Prints a Markdown table and
// writes artifacts/latency.json. Run: bash scripts/bench-pages.sh
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { ARTIFACTS, launch, newPage, startServer } from "./support.mjs";

const LENGTHS = [8, 64, 1024];
const RUNS = 3;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const server = await startServer();
const browser = await launch();
try {
  const page = await newPage(browser);
  await page.goto(server.adminLink);
  await page.locator("#new-password-rules [data-rule]").first().waitFor();
  // Once the page has settled: the words asset arrived and the one-off warm-up ran. With
  // `--early`, as soon as the checklist shows, so keystrokes meet the warm-up.
  if (!process.argv.includes("--early")) {
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(200);
  }
  await page.evaluate(() => {
    window.latencies = [];
    window.addEventListener("input", (event) => {
      if (event.target.id === "new-password") window.latencies.push(performance.now() - event.timeStamp);
    });
  });
  const results = [];
  for (const length of LENGTHS) {
    const samples = [];
    for (let run = 0; run < RUNS; run++) {
      await page.locator("#new-password").fill("");
      await page.evaluate(() => (window.latencies = []));
      const password = "Aa1!bcdefg".repeat(Math.ceil(length / 10)).slice(0, length);
      await page.locator("#new-password").focus();
      await page.keyboard.type(password);
      await page.waitForTimeout(50);
      samples.push(...(await page.evaluate(() => window.latencies)));
    }
    samples.sort((a, b) => a - b);
    results.push({ length, keystrokes: samples.length, p50: percentile(samples, 50), p99: percentile(samples, 99), max: samples.at(-1) });
  }
  writeFileSync(join(ARTIFACTS, "..", "latency.json"), JSON.stringify(results, null, 1));
  console.log("| password length | keystrokes measured | p50 | p99 | max |");
  console.log("|---|---|---|---|---|");
  for (const r of results) {
    console.log(`| ${r.length} | ${r.keystrokes} | ${r.p50.toFixed(2)} ms | ${r.p99.toFixed(2)} ms | ${r.max.toFixed(2)} ms |`);
  }
} finally {
  await browser.close();
  server.stop();
}
