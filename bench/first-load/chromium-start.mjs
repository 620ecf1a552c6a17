// The warm-cache start in Chromium, side by side: from a page's first script to the first
// answer, for zxcvbn 4.4.2's browser bundle (load, parse and run `dist/zxcvbn.js`, then one
// score) and for the npm package's web build as wasm-pack writes it to target/npm/web (import
// the glue, fetch, compile and instantiate the wasm, then a `Checker` and its first check, the
// checklist). Since the package's web wasm carries no word lists, that is the rules-only start:
// the full entry's `init()` fetches the lists in parallel and loads them before it resolves. Both pages are served from
// 127.0.0.1 with `Cache-Control: max-age=3600` and loaded alternately in one Chromium context:
// the first load of each fills the HTTP cache, the next RUNS come from it (a returning
// visitor). Not a test: figures for BENCHMARKS.md.
//
//   bash scripts/build-npm.sh && (cd /tmp && npm pack zxcvbn@4.4.2 && tar xzf zxcvbn-4.4.2.tgz)
//   PASSGUARD_ROOT=$PWD PASSGUARD_BIN=$PWD/target/debug/passguard \
//     node bench/first-load/chromium-start.mjs /tmp/package/dist/zxcvbn.js [runs]
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";

import { ROOT, launch } from "../../tests/e2e/support.mjs";

const zxcvbnFile = process.argv[2];
const RUNS = Number(process.argv[3] ?? 15);
const web = join(ROOT, "target", "npm", "web");

const PAGES = {
  "/zxcvbn.html": `<!doctype html><meta charset="utf-8"><title>zxcvbn start</title>
<script>window.t0 = performance.now();</script>
<script src="/zxcvbn.js"></script>
<script>
const t1 = performance.now();
zxcvbn("P@ssw0rd");
window.result = { ready: t1 - t0, first: performance.now() - t1 };
</script>`,
  "/passguard.html": `<!doctype html><meta charset="utf-8"><title>passguard start</title>
<script type="module">
const t0 = performance.now();
const glue = await import("/pkg/passguard.js");
await glue.default({ module_or_path: fetch("/pkg/passguard_bg.wasm") });
const t1 = performance.now();
new glue.Checker("nist-800-63b").check("P@ssw0rd");
window.result = { ready: t1 - t0, first: performance.now() - t1 };
</script>`,
};

const server = createServer((request, response) => {
  const path = new URL(request.url, "http://localhost").pathname;
  const send = (type, body) => {
    response.writeHead(200, { "Content-Type": type, "Cache-Control": "max-age=3600" });
    response.end(body);
  };
  if (PAGES[path]) send("text/html", PAGES[path]);
  else if (path === "/zxcvbn.js") send("text/javascript", readFileSync(zxcvbnFile));
  else if (path === "/pkg/passguard.js") send("text/javascript", readFileSync(join(web, "passguard.js")));
  else if (path === "/pkg/passguard_bg.wasm") send("application/wasm", readFileSync(join(web, "passguard_bg.wasm")));
  else {
    response.writeHead(404);
    response.end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await launch();
const context = await browser.newContext();
const page = await context.newPage();
const results = { zxcvbn: [], passguard: [] };
for (let round = 0; round <= RUNS; round++) {
  for (const name of Object.keys(results)) {
    await page.goto(`${base}/${name}.html`);
    const result = await (await page.waitForFunction(() => window.result)).jsonValue();
    if (round > 0) results[name].push(result); // round 0 filled the cache
  }
}
await browser.close();
server.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const total = (r) => r.ready + r.first;
console.log(`Chromium, warm HTTP cache, median of ${RUNS} loads each, alternating (ms):`);
for (const [name, runs] of Object.entries(results)) {
  console.log(
    `  ${name}: ready ${median(runs.map((r) => r.ready)).toFixed(1)}, first answer ${median(runs.map((r) => r.first)).toFixed(2)}, total ${median(runs.map(total)).toFixed(1)}`,
  );
}
const ratio = median(results.passguard.map(total)) / median(results.zxcvbn.map(total));
console.log(`  passguard / zxcvbn: ${ratio.toFixed(2)}×`);
