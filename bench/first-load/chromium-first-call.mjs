// The first-call spike of the npm package in Chromium, as scripts/npm-first-call.mjs measures
// it in Node: for each input shape, in a fresh browser context (so no shape warms another's
// code), one check of an unrelated password (optionally `warmUp()` after it, as a page does
// when idle), then the first check of the shape, then 2 000 untimed and 1 000 timed checks
// of it; each figure the median of 5 contexts. Served cross-origin isolated, so
// `performance.now()` has its 5 µs resolution. Not a test: figures for BENCHMARKS.md.
//
//   bash scripts/build-npm.sh
//   PASSGUARD_ROOT=$PWD PASSGUARD_BIN=$PWD/target/debug/passguard \
//     node bench/first-load/chromium-first-call.mjs [--warm-up]
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";

import { ROOT, launch } from "../../tests/e2e/support.mjs";

const web = join(ROOT, "target", "npm", "web");
const warmUp = process.argv.includes("--warm-up");
// The same shapes as scripts/npm-first-call.mjs.
const SHAPES = {
  "l33t word": "(i) => `p4$$w0rd${i % 10}`",
  "English words": "(i) => `correct horse battery ${i % 10}`",
  "keyboard walk": "(i) => `qwertyuiop${i % 10}`",
  date: "(i) => `19${(i % 90) + 10}-04-12`",
  "repeat and sequence": "(i) => `abcabcabc${i % 10}12345`",
  random: "(i) => `Xk9#mQ2v!Lr${i % 10}`",
  unicode: "(i) => `Größe-Übung-${i % 10}`",
};

const page = (shape) => `<!doctype html><meta charset="utf-8"><title>first call</title>
<script type="module">
const glue = await import("/pkg/passguard.js");
await glue.default({ module_or_path: fetch("/pkg/passguard_bg.wasm") });
const checker = new glue.Checker("nist-800-63b");
checker.check("warm-up only");
${warmUp ? "glue.warmUp();" : ""}
const make = ${SHAPES[shape]};
const time = (password) => { const start = performance.now(); checker.check(password); return (performance.now() - start) * 1000; };
const first = time(make(0));
for (let i = 1; i <= 2000; i++) checker.check(make(i));
const steady = [];
for (let i = 1; i <= 1000; i++) steady.push(time(make(i)));
steady.sort((a, b) => a - b);
const p = (q) => steady[Math.min(steady.length - 1, Math.floor(q * steady.length))];
window.result = { first, p50: p(0.5), p99: p(0.99), isolated: crossOriginIsolated };
</script>`;

const server = createServer((request, response) => {
  const url = new URL(request.url, "http://localhost");
  const headers = { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" };
  const send = (type, body) => {
    response.writeHead(200, { ...headers, "Content-Type": type });
    response.end(body);
  };
  if (url.pathname === "/") send("text/html", page(url.searchParams.get("shape")));
  else if (url.pathname === "/pkg/passguard.js") send("text/javascript", readFileSync(join(web, "passguard.js")));
  else if (url.pathname === "/pkg/passguard_bg.wasm") send("application/wasm", readFileSync(join(web, "passguard_bg.wasm")));
  else {
    response.writeHead(404, headers);
    response.end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`Chromium${warmUp ? ", warmUp() first" : ""} (µs): | shape | first | steady p50 | steady p99 | first / p99 |`);
let worst = 0;
for (const shape of Object.keys(SHAPES)) {
  const runs = [];
  for (let run = 0; run < 5; run++) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${base}/?shape=${encodeURIComponent(shape)}`);
    const result = await (await tab.waitForFunction(() => window.result, null, { timeout: 60000 })).jsonValue();
    if (!result.isolated) throw new Error("not cross-origin isolated: the timer is coarse");
    runs.push(result);
    await context.close();
  }
  const [first, p50, p99] = ["first", "p50", "p99"].map((key) => median(runs.map((r) => r[key])));
  worst = Math.max(worst, first / p99);
  console.log(`| ${shape} | ${first.toFixed(0)} | ${p50.toFixed(0)} | ${p99.toFixed(0)} | ${(first / p99).toFixed(2)}× |`);
}
console.log(`worst first / steady p99: ${worst.toFixed(2)}×`);
await browser.close();
server.close();
