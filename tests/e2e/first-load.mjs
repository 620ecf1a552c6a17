// Measures /login's first load in Debian's Chromium under network emulation (10 Mbit/s both
// ways, 40 ms RTT, via CDP), cold cache, against a real `passguard serve`: the bytes on the
// wire (CDP's encodedDataLength, headers included) before the form is usable and in all, and
// the time to a usable form, with JavaScript on and off. Then where the app's bytes went:
// from pressing "Sign in" to a usable account page (the change form drawn by the app), with
// the cache cold and warm. Not a test (no timed assertions): numbers for BENCHMARKS.md.
//   PASSGUARD_ROOT=$PWD PASSGUARD_BIN=$PWD/target/debug/passguard node tests/e2e/first-load.mjs [runs]
import { launch, startServer } from "./support.mjs";

const RUNS = Number(process.argv[2] ?? 5);
const server = await startServer();
const browser = await launch();
const PASSWORD = "Correct1!horse";
await server.register("ada", PASSWORD, [
  { question: "a?", answer: "bbb" },
  { question: "c?", answer: "ddd" },
]);

async function emulated(context, page, cacheDisabled) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 40,
    downloadThroughput: (10e6 / 8),
    uploadThroughput: (10e6 / 8),
  });
  return cdp;
}

async function once(javaScriptEnabled) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const cdp = await emulated(context, page, true);
  const urls = new Map();
  const finished = [];
  cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, e.request.url));
  cdp.on("Network.loadingFinished", (e) =>
    finished.push({ url: urls.get(e.requestId), bytes: e.encodedDataLength, at: e.timestamp }),
  );
  const start = Date.now();
  await page.goto(`${server.url}/login`, { waitUntil: "domcontentloaded" });
  await page.locator("#username").waitFor();
  // The form is usable once it is parsed and its stylesheet applied (domContentLoaded
  // waits for neither module scripts' wasm nor preloads).
  const usable = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    return nav.domContentLoadedEventEnd;
  });
  // Everything the page fetches of itself, however late: no request for 500 ms.
  await page.waitForLoadState("networkidle");
  const byPath = (f) => new URL(f.url).pathname;
  const beforeUsable = finished.filter((f) => ["/login", "/style.css"].includes(byPath(f)));
  const result = {
    usable_ms: usable,
    usable_bytes: beforeUsable.reduce((n, f) => n + f.bytes, 0),
    all_bytes: finished.reduce((n, f) => n + f.bytes, 0),
    requests: finished.map((f) => `${byPath(f)} ${f.bytes}`),
    wall_ms: Date.now() - start,
  };
  await context.close();
  return result;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const js of [false, true]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(js));
  console.log(`JavaScript ${js ? "on" : "off"} (${RUNS} cold runs, median):`);
  console.log(`  form usable: ${median(runs.map((r) => r.usable_ms)).toFixed(0)} ms`);
  console.log(`  bytes until usable (HTML + CSS): ${median(runs.map((r) => r.usable_bytes))}`);
  console.log(`  bytes in all: ${median(runs.map((r) => r.all_bytes))} in ${runs[0].requests.length} requests`);
  console.log(`  ${runs[0].requests.join(", ")}`);
}
// From "Sign in" to the account page's change form: the app's wasm is fetched there (cold),
// or comes from the cache of an earlier visit (warm: the same context signs in twice).
async function signIn(page) {
  await page.goto(`${server.url}/login`, { waitUntil: "domcontentloaded" });
  await page.locator("#username").fill("ada");
  await page.locator("#password").fill(PASSWORD);
  const start = Date.now();
  await page.locator("main form button[type=submit]").click();
  await page.locator("#new-password, [data-min-age]").first().waitFor({ timeout: 60000 });
  return Date.now() - start;
}
const cold = [];
const warm = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await emulated(context, page, false);
  cold.push(await signIn(page));
  await page.goto("about:blank");
  await context.clearCookies();
  warm.push(await signIn(page));
  await context.close();
}
console.log(`Sign-in to a usable account page (${RUNS} runs, median): cache cold ${median(cold)} ms, warm ${median(warm)} ms`);
await browser.close();
server.stop();
