// Where a cold start in headless Chromium goes, step by step: loads a page LOADS times (the
// first from the network, the rest from the HTTP cache) that imports the glue, fetches the
// wasm, compiles it with WebAssembly.compileStreaming (which also reads the body), instantiates
// it with the glue's initSync, sets up (a Checker, for the npm package) and checks once.
//
//   node cold-breakdown.mjs ../../target/npm/web passguard.js passguard_bg.wasm package
//   node cold-breakdown.mjs SHIM shim.js shim_bg.wasm estimate      # a bare estimator build
//
// Prints one line per load and the cached loads' medians, in ms. run.mjs reports the same cold
// start as one total.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/chromium.mjs';

const [dir, glueName, wasmName, mode] = process.argv.slice(2);
if (!dir || !glueName || !wasmName || !['package', 'estimate'].includes(mode)) {
  console.error('usage: node cold-breakdown.mjs DIR GLUE.js MODULE.wasm package|estimate');
  process.exit(2);
}
const LOADS = 9;
const SET_UP = {
  package: `const checker = new glue.Checker({ name: 'bench', password: { min_length: 1, max_length: 4096, blocklist: 'none', forbid_personal_info: false } });
const check = (p) => checker.check(p);`,
  estimate: 'const check = (p) => glue.estimate(p);',
};
const page = `<!doctype html><meta charset="utf-8"><title>cold start</title><script type="module">
const round = Number(new URLSearchParams(location.search).get('round') || 1);
const t = [performance.now()];
const glue = await import('/w/${glueName}'); t.push(performance.now());
const response = await fetch('/w/${wasmName}'); t.push(performance.now());
const module = await WebAssembly.compileStreaming(response); t.push(performance.now());
glue.initSync({ module }); t.push(performance.now());
${SET_UP[mode]}
t.push(performance.now());
check('P@ssw0rd'); t.push(performance.now());
const steps = t.slice(1).map((x, i) => x - t[i]);
const loads = JSON.parse(sessionStorage.getItem('loads') || '[]').concat([steps]);
sessionStorage.setItem('loads', JSON.stringify(loads));
if (round < ${LOADS}) location.search = '?round=' + (round + 1);
else fetch('/done', { method: 'POST', body: JSON.stringify(loads) });
</script>`;

let deliver;
const results = new Promise((resolve_) => { deliver = resolve_; });
const server = createServer((request, response) => {
  const headers = { 'Cache-Control': 'max-age=3600' };
  if (request.method === 'POST' && request.url === '/done') {
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => { response.end('ok'); deliver(JSON.parse(body)); });
  } else if (request.url === `/w/${glueName}` || request.url === `/w/${wasmName}`) {
    const name = request.url.slice(3);
    response.writeHead(200, { ...headers, 'Content-Type': name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' });
    response.end(readFileSync(join(resolve(dir), name)));
  } else if (request.url.startsWith('/?') || request.url === '/') {
    response.writeHead(200, { ...headers, 'Content-Type': 'text/html' });
    response.end(page);
  } else {
    response.writeHead(404);
    response.end();
  }
});
await new Promise((resolve_) => server.listen(0, '127.0.0.1', resolve_));
const profile = mkdtempSync(join(tmpdir(), 'cold-breakdown-'));
const browser = spawn(process.env.CHROMIUM || CHROMIUM, ['--headless=new', ...CHROMIUM_ARGS,
  `--user-data-dir=${profile}`, `http://127.0.0.1:${server.address().port}/?round=1`], { stdio: 'ignore' });
const timer = setTimeout(() => { console.error('Chromium timed out'); process.exit(1); }, 120_000);
const loads = await results;
clearTimeout(timer);
browser.kill();
server.close();
setTimeout(() => rmSync(profile, { recursive: true, force: true }), 1000);
const fmt = (x) => x.toFixed(1).padStart(6);
console.log('load   | import glue | fetch (headers) | compile (reads the body) | instantiate | set-up | first check | total');
loads.forEach((steps, i) => {
  const total = steps.reduce((a, b) => a + b, 0);
  console.log(`${i === 0 ? 'first ' : 'cached'} | ${steps.map(fmt).join(' | ')} | ${fmt(total)}`);
});
const cached = loads.slice(1).map((steps) => [...steps, steps.reduce((a, b) => a + b, 0)]);
const median = (values) => { const v = [...values].sort((a, b) => a - b); return (v[(v.length - 1) >> 1] + v[v.length >> 1]) / 2; };
console.log(`median | ${cached[0].map((_, column) => fmt(median(cached.map((row) => row[column])))).join(' | ')}  (of the cached loads, column by column)`);
