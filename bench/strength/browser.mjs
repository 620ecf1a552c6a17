// The same per-check timings and cold start as run.mjs, in headless Chromium: serves a page,
// zxcvbn's and zxcvbn-ts's browser bundles and a wasm-bindgen `web` build of passguard from
// 127.0.0.1, and collects what the page posts back. Used by run.mjs with
// `--chromium /usr/bin/chromium --wasm-web DIR` (DIR holds the wasm-bindgen output, whose
// JavaScript module exports `default` (init) and `estimate(password)`, returning the estimate
// or its JSON). With `--web-adapter FILE`, the page imports FILE instead, served from DIR's
// folder, which exports the same two functions over DIR's own module (package-web-adapter.mjs
// does this for the npm package's web build).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../../tests/chromium.mjs';

const require = createRequire(import.meta.url);
const TIMEOUT_MS = 15 * 60 * 1000;
/** Page loads after the first, from the HTTP cache; the median is reported. */
const CACHED_LOADS = 7;

/** The cold start is timed on a page with passguard alone, as a front end would load it; the
 * competitors' 2.5 MB of scripts would otherwise be parsed, run and collected around it. */
const COLD_PAGE = `<!doctype html><meta charset="utf-8"><title>strength bench: cold start</title>
<script type="module">
const round = Number(new URLSearchParams(location.search).get('round') || 1);
const t0 = performance.now();
const glue = await import('/wasm/' + GLUE);
// Cold start: the module, the wasm from the network or cache, compile, instantiate, set-up.
await glue.default({ module_or_path: fetch('/wasm/' + WASM) });
const t1 = performance.now();
glue.estimate('P@ssw0rd');
const t2 = performance.now();
const cold = { instantiate: t1 - t0, first: t2 - t1 };
const colds = JSON.parse(sessionStorage.getItem('colds') || '[]').concat([cold]);
sessionStorage.setItem('colds', JSON.stringify(colds));
// Load again, now from the HTTP cache: the cold start a returning visitor sees; then time.
location.href = round <= CACHED_LOADS ? '/?round=' + (round + 1) : '/timings';
</script>`;

const PAGE = `<!doctype html><meta charset="utf-8"><title>strength bench</title>
<script src="/lib/zxcvbn.js"></script>
<script src="/lib/ts-core.js"></script><script src="/lib/ts-common.js"></script><script src="/lib/ts-en.js"></script>
<script type="module">
const glue = await import('/wasm/' + GLUE);
await glue.default({ module_or_path: fetch('/wasm/' + WASM) });
const colds = JSON.parse(sessionStorage.getItem('colds') || '[]');
const passwords = await (await fetch('/corpus.json')).json();
const ts = new zxcvbnts.core.ZxcvbnFactory({
  dictionary: { ...zxcvbnts['language-common'].dictionary, ...zxcvbnts['language-en'].dictionary },
  graphs: zxcvbnts['language-common'].adjacencyGraphs,
  translations: zxcvbnts['language-en'].translations,
});
const libraries = {
  'zxcvbn 4.4.2': (p) => zxcvbn(p),
  '@zxcvbn-ts/core 4.2 + common + en': (p) => ts.check(p),
  'passguard (wasm)': (p) => { const estimate = glue.estimate(p); return typeof estimate === 'string' ? JSON.parse(estimate) : estimate; },
};
const timings = {};
for (const [name, check] of Object.entries(libraries)) {
  passwords.forEach(check); // warm up on the whole corpus, as run.mjs does
  timings[name] = passwords.map((p) => { const s = performance.now(); check(p); return (performance.now() - s) * 1000; });
}
const [first, ...cached] = colds;
cached.sort((a, b) => (a.instantiate + a.first) - (b.instantiate + b.first));
const median = cached[Math.floor(cached.length / 2)];
await fetch('/results', { method: 'POST', body: JSON.stringify({ isolated: crossOriginIsolated, first, cached: median, loads: cached.length, timings, userAgent: navigator.userAgent }) });
</script>`;

const ADAPTER = '__adapter.mjs';

export async function runInChromium({ chromium, wasmDir, passwords, adapter }) {
  const files = readdirSync(wasmDir);
  const glue = adapter ? ADAPTER : files.find((f) => f.endsWith('.js') && !f.startsWith('node-'));
  const wasm = files.find((f) => f.endsWith('.wasm'));
  const fill = (html) => html.replace('GLUE', JSON.stringify(glue)).replace('WASM', JSON.stringify(wasm))
    .replace('CACHED_LOADS', String(CACHED_LOADS));
  const [coldPage, page] = [fill(COLD_PAGE), fill(PAGE)];
  const libs = {
    'zxcvbn.js': require.resolve('zxcvbn/dist/zxcvbn.js'),
    'ts-core.js': require.resolve('@zxcvbn-ts/core/dist/zxcvbn-ts.js'),
    'ts-common.js': require.resolve('@zxcvbn-ts/language-common/dist/zxcvbn-ts.js'),
    'ts-en.js': require.resolve('@zxcvbn-ts/language-en/dist/zxcvbn-ts.js'),
  };
  let deliver;
  const results = new Promise((resolve) => { deliver = resolve; });
  const server = createServer((request, response) => {
    // Cross-origin isolation gives performance.now() its 5 µs resolution.
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cache-Control': 'max-age=3600',
    };
    const send = (type, body) => { response.writeHead(200, { ...headers, 'Content-Type': type }); response.end(body); };
    const url = new URL(request.url, 'http://localhost');
    if (request.method === 'POST' && url.pathname === '/results') {
      let body = '';
      request.on('data', (chunk) => { body += chunk; });
      request.on('end', () => { send('text/plain', 'ok'); deliver(JSON.parse(body)); });
    } else if (url.pathname === '/') {
      send('text/html', coldPage);
    } else if (url.pathname === '/timings') {
      send('text/html', page);
    } else if (url.pathname === '/corpus.json') {
      send('application/json', JSON.stringify(passwords));
    } else if (url.pathname.startsWith('/lib/') && libs[url.pathname.slice(5)]) {
      send('text/javascript', readFileSync(libs[url.pathname.slice(5)]));
    } else if (adapter && url.pathname === '/wasm/' + ADAPTER) {
      send('text/javascript', readFileSync(adapter));
    } else if (url.pathname.startsWith('/wasm/') && files.includes(url.pathname.slice(6))) {
      const name = url.pathname.slice(6);
      send(name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript', readFileSync(join(wasmDir, name)));
    } else {
      response.writeHead(404, headers);
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const profile = mkdtempSync(join(tmpdir(), 'strength-chromium-'));
  const browser = spawn(chromium, [
    '--headless=new', ...CHROMIUM_ARGS, `--user-data-dir=${profile}`,
    `http://127.0.0.1:${server.address().port}/?round=1`,
  ], { stdio: 'ignore' });
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('Chromium timed out')), TIMEOUT_MS); });
  try {
    return await Promise.race([results, timeout]);
  } finally {
    clearTimeout(timer);
    const exited = new Promise((resolve) => browser.once('exit', resolve));
    browser.kill();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    server.close();
    // Chromium's helper processes may still be writing to the profile for a moment.
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        rmSync(profile, { recursive: true, force: true });
        break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }
}
