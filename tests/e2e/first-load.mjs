// Measures /login's first load in Debian's Chromium under network emulation (10 Mbit/s both
// ways, 40 ms RTT, via CDP), cold cache, against a real `passguard serve`: the bytes on the
// wire (CDP's encodedDataLength, headers included) before the form is usable and in all, and
// the time to a usable form, with JavaScript on and off; with it on, also when the app has
// taken the form over. Not a test (no timed assertions): numbers for BENCHMARKS.md.
//   PASSGUARD_ROOT=$PWD PASSGUARD_BIN=$PWD/target/debug/passguard node tests/e2e/first-load.mjs [runs]
import { launch, startServer } from "./support.mjs";

const RUNS = Number(process.argv[2] ?? 5);
const server = await startServer();
const browser = await launch();

async function once(javaScriptEnabled) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 40,
    downloadThroughput: (10e6 / 8),
    uploadThroughput: (10e6 / 8),
  });
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
  let takenOver = null;
  if (javaScriptEnabled) {
    await page.waitForFunction(() => !document.getElementById("server-form") && document.getElementById("username"));
    takenOver = await page.evaluate(() => performance.now());
  }
  await page.waitForLoadState("load");
  await page.waitForTimeout(300);
  const byPath = (f) => new URL(f.url).pathname;
  const beforeUsable = finished.filter((f) => ["/login", "/style.css"].includes(byPath(f)));
  const result = {
    usable_ms: usable,
    taken_over_ms: takenOver,
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
  if (js) console.log(`  app took over: ${median(runs.map((r) => r.taken_over_ms)).toFixed(0)} ms`);
  console.log(`  bytes until usable (HTML + CSS): ${median(runs.map((r) => r.usable_bytes))}`);
  console.log(`  bytes in all: ${median(runs.map((r) => r.all_bytes))} in ${runs[0].requests.length} requests`);
  console.log(`  ${runs[0].requests.join(", ")}`);
}
await browser.close();
server.stop();
