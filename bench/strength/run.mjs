// Runs zxcvbn 4.4.2, @zxcvbn-ts/core 4.2 (common + en dictionaries) and passguard on the same
// inputs and prints a Markdown summary: score agreement with zxcvbn, the common-password and
// random-password checks, per-check timings, cold starts and the known worst cases.
//
//   cargo build --release -p passguard-strength --example estimate_lines
//   (cd bench/strength && npm ci && node run.mjs [--wasm shim.mjs] [--chromium /usr/bin/chromium
//    --wasm-web DIR [--web-adapter FILE]] [--out out])
//
// passguard runs natively through the `estimate_lines` example (its own per-check timing);
// `--wasm FILE` also times it in Node through a module exporting `estimate(password)` (and
// optionally `ready`, a promise), such as a wasm-bindgen build of the bindings crate;
// `--chromium` with `--wasm-web` (a wasm-bindgen `web` build) repeats the per-check timings
// and the cold start in headless Chromium (see browser.mjs); `--web-adapter` puts a module
// such as package-web-adapter.mjs between the page and that build.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runInChromium } from './browser.mjs';
import * as corpus from './corpus.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const REFERENCE_YEAR = 2026; // passguard's Estimate::REFERENCE_YEAR; zxcvbn would use the clock's.
const KILLER_LENGTH = 4096;
const PLOT_LENGTHS = [8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096];
const SLOW_LIMIT_MS = 3000; // stop growing an input for a library once a check takes this long

const options = { native: join(here, '../../target/release/examples/estimate_lines'), out: join(here, 'out') };
for (let i = 2; i < process.argv.length; i += 2) options[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
mkdirSync(options.out, { recursive: true });

// ---- the libraries -------------------------------------------------------------------------
require('zxcvbn/lib/scoring.js').REFERENCE_YEAR = REFERENCE_YEAR;
const zxcvbn = require('zxcvbn');
const { ZxcvbnFactory } = await import('@zxcvbn-ts/core');
const tsCommon = await import('@zxcvbn-ts/language-common');
const tsEn = await import('@zxcvbn-ts/language-en');
const zxcvbnTs = new ZxcvbnFactory({
  dictionary: { ...tsCommon.dictionary, ...tsEn.dictionary },
  graphs: tsCommon.adjacencyGraphs,
  translations: tsEn.translations,
});

/** passguard's answers (with its own per-check time in `ns`), after one untimed warm-up
 * check so that the first answer does not include the dictionary's one-off set-up. */
function passguardNative(passwords) {
  const input = ['warm-up', ...passwords].join('\n') + '\n';
  const run = spawnSync(options.native, { input, maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`${options.native}: ${run.stderr}`);
  return run.stdout.toString().trim().split('\n').slice(1).map((line) => JSON.parse(line));
}

/** The first check of a fresh passguard process, set-up included (µs). */
function passguardNativeFirstCheck() {
  const run = spawnSync(options.native, { input: 'P@ssw0rd\n' });
  return JSON.parse(run.stdout.toString()).ns / 1000;
}

let passguardWasm = null;
if (options.wasm) {
  const module = await import(pathToFileURL(resolve(options.wasm)).href);
  await module.ready;
  passguardWasm = (password) => module.estimate(password);
}

// ---- helpers ---------------------------------------------------------------------------------
function time(check, passwords) {
  const micros = passwords.map((password) => {
    const start = process.hrtime.bigint();
    check(password);
    return Number(process.hrtime.bigint() - start) / 1000;
  });
  return stats(micros);
}

function stats(micros) {
  const sorted = [...micros].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return { mean, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const pct = (a, b) => `${((100 * a) / b).toFixed(2)} % (${a}/${b})`;
const lines = [];
const say = (line = '') => { lines.push(line); console.log(line); };

// ---- accuracy --------------------------------------------------------------------------------
const leaked = corpus.leaked();
const strong = corpus.strong();
const accuracySet = [...leaked, ...strong];
const reference = accuracySet.map((password) => zxcvbn(password));
const ours = passguardNative(accuracySet);
let exact = 0;
let withinOne = 0;
const disagreements = [];
accuracySet.forEach((password, k) => {
  const theirs = reference[k].score;
  const mine = ours[k].score;
  if (theirs === mine) exact += 1;
  if (Math.abs(theirs - mine) <= 1) withinOne += 1;
  if (theirs !== mine) {
    disagreements.push([JSON.stringify(password), theirs, mine, reference[k].guesses_log10.toFixed(4), ours[k].guesses_log10].join('\t'));
  }
});
writeFileSync(join(options.out, 'disagreements.tsv'), 'password\tzxcvbn\tpassguard\tzxcvbn_log10\tpassguard_log10\n' + disagreements.join('\n') + '\n');
const strongOurs = ours.slice(leaked.length);
const strongFours = strongOurs.filter((r) => r.score === 4).length;
const strongFoursTheirs = reference.slice(leaked.length).filter((r) => r.score === 4).length;
const log10Close = accuracySet.filter((_, k) => Math.abs(reference[k].guesses_log10 - ours[k].guesses_log10) <= 0.1).length;

const commonZ = corpus.commonZxcvbn();
const commonS = corpus.commonSecLists();
const oursCommonZ = passguardNative(commonZ);
const oursCommonS = passguardNative(commonS);
const above1 = (results) => results.filter((r) => r.score > 1).length;
const theirsCommonS = commonS.map((p) => zxcvbn(p));

say('### Accuracy against zxcvbn 4.4.2 (reference year pinned to ' + REFERENCE_YEAR + ')');
say();
say(`| check | result |`);
say(`|---|---|`);
say(`| exact score agreement, ${leaked.length} leaked + ${strong.length} random | ${pct(exact, accuracySet.length)} |`);
say(`| score within ±1 | ${pct(withinOne, accuracySet.length)} |`);
say(`| guesses_log10 within ±0.1 of zxcvbn's | ${pct(log10Close, accuracySet.length)} |`);
say(`| zxcvbn's top 10 000 common passwords scored above 1 | ${above1(oursCommonZ)} (max score ${Math.max(...oursCommonZ.map((r) => r.score))}) |`);
say(`| SecLists top 10 000 scored above 1: passguard / zxcvbn | ${above1(oursCommonS)} / ${above1(theirsCommonS)} |`);
say(`| SecLists top 10 000 on the not-common blocklist | ${pct(oursCommonS.filter((r) => r.is_common).length, commonS.length)} |`);
say(`| random 12–20 printable-ASCII passwords scored 4: passguard / zxcvbn | ${strongFours} / ${strongFoursTheirs} of ${strong.length} |`);
say();

// ---- timings ---------------------------------------------------------------------------------
// Warm every library up on the whole corpus once, then time it on the same corpus: the steady
// state of a page where the user has been typing for a while. (On a slow machine V8 is still
// tiering wasm up after 2 000 checks, which roughly doubled passguard's p99 in one run.)
for (const check of [zxcvbn, (p) => zxcvbnTs.check(p), passguardWasm].filter(Boolean)) leaked.forEach(check);
const timings = [
  ['zxcvbn 4.4.2 (Node)', time(zxcvbn, leaked)],
  ['@zxcvbn-ts/core 4.2 + common + en (Node)', time((p) => zxcvbnTs.check(p), leaked)],
];
if (passguardWasm) timings.push(['passguard (wasm in Node)', time(passguardWasm, leaked)]);
timings.push(['passguard (native, in-process timing)', stats(passguardNative(leaked).map((r) => r.ns / 1000))]);

say(`### Per-check time on the ${leaked.length} leaked passwords (µs)`);
say();
say('| library | mean | p50 | p99 | max |');
say('|---|---|---|---|---|');
for (const [name, s] of timings) say(`| ${name} | ${fmt(s.mean)} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${fmt(s.max)} |`);
say();

if (options.chromium && options['wasm-web']) {
  const browser = await runInChromium({ chromium: options.chromium, wasmDir: resolve(options['wasm-web']), passwords: leaked,
    adapter: options['web-adapter'] && resolve(options['web-adapter']) });
  say(`### In headless Chromium (${browser.userAgent.match(/HeadlessChrome\/[\d.]+/)?.[0]}; timer resolution ${browser.isolated ? '5' : '100'} µs)`);
  say();
  say('| library | mean | p50 | p99 | max |');
  say('|---|---|---|---|---|');
  for (const [name, micros] of Object.entries(browser.timings)) {
    const s = stats(micros);
    say(`| ${name} | ${fmt(s.mean)} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${fmt(s.max)} |`);
  }
  say();
  say('| passguard cold start in Chromium (ms) | fetch + compile + instantiate | first check | total |');
  say('|---|---|---|---|');
  for (const [visit, cold] of [['first visit', browser.first], [`again, from the HTTP cache (median of ${browser.loads} loads)`, browser.cached]]) {
    say(`| ${visit} | ${fmt(cold.instantiate)} | ${fmt(cold.first)} | ${fmt(cold.instantiate + cold.first)} |`);
  }
  say();
}

// ---- cold start ------------------------------------------------------------------------------
function coldStart(script) {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: here });
  return Number(run.stdout.toString().trim());
}
const cold = [
  ['zxcvbn 4.4.2', `const t=performance.now();const {createRequire}=await import('node:module');const z=createRequire(import.meta.url)('zxcvbn');z('P@ssw0rd');console.log(performance.now()-t)`],
  ['@zxcvbn-ts/core 4.2 + common + en', `const t=performance.now();const {ZxcvbnFactory}=await import('@zxcvbn-ts/core');const c=await import('@zxcvbn-ts/language-common');const e=await import('@zxcvbn-ts/language-en');new ZxcvbnFactory({dictionary:{...c.dictionary,...e.dictionary},graphs:c.adjacencyGraphs,translations:e.translations}).check('P@ssw0rd');console.log(performance.now()-t)`],
];
if (options.wasm) {
  cold.push(['passguard (wasm)', `const t=performance.now();const m=await import(${JSON.stringify(pathToFileURL(resolve(options.wasm)).href)});await m.ready;m.estimate('P@ssw0rd');console.log(performance.now()-t)`]);
}
say('### Cold start in Node: import + first check (ms, median of 5 fresh processes)');
say();
say('| library | ms |');
say('|---|---|');
for (const [name, script] of cold) {
  const runs = Array.from({ length: 5 }, () => coldStart(script)).sort((a, b) => a - b);
  say(`| ${name} | ${fmt(runs[2])} |`);
}
const firstChecks = Array.from({ length: 5 }, passguardNativeFirstCheck).sort((a, b) => a - b);
say(`| passguard native: first check of a process, dictionary set-up included | ${fmt(firstChecks[2] / 1000)} |`);
say();

// ---- worst cases and growth with length -----------------------------------------------------
const libraries = [
  ['zxcvbn', zxcvbn],
  ['zxcvbn-ts', (p) => zxcvbnTs.check(p)],
  ...(passguardWasm ? [['passguard-wasm', passguardWasm]] : []),
];
/** The best of three checks (one when a check takes over 50 ms), in ms. */
function timeOnce(check, password) {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = process.hrtime.bigint();
    try {
      check(password);
    } catch (error) {
      return { ms: Number(process.hrtime.bigint() - start) / 1e6, error: error.constructor.name };
    }
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
    if (best > 50) break;
  }
  return { ms: best };
}
const kinds = Object.keys(corpus.killers(1));
const curve = [];
const given_up = new Set();
for (const n of PLOT_LENGTHS) {
  const inputs = corpus.killers(n);
  // Three rounds; each input keeps its best time.
  const rounds = [0, 1, 2].map(() => passguardNative(Object.values(inputs)));
  const nativeRuns = rounds[0].map((first, k) => ({ ...first, ns: Math.min(...rounds.map((r) => r[k].ns)) }));
  kinds.forEach((kind, k) => {
    curve.push({ n, kind, library: 'passguard-native', ms: nativeRuns[k].ns / 1e6 });
    for (const [library, check] of libraries) {
      if (given_up.has(`${library}/${kind}`)) continue;
      const result = timeOnce(check, inputs[kind]);
      curve.push({ n, kind, library, ...result });
      if (result.ms > SLOW_LIMIT_MS || result.error) given_up.add(`${library}/${kind}`);
    }
  });
}
writeFileSync(join(options.out, 'length-curve.json'), JSON.stringify(curve, null, 1));
say(`### Known worst cases at ${KILLER_LENGTH} characters (ms per check, best of 3; "at N": the longest length run, after a check took over ${SLOW_LIMIT_MS / 1000} s)`);
say();
const names = ['passguard-native', ...libraries.map(([name]) => name)];
say(`| input | ${names.join(' | ')} |`);
say(`|---|${names.map(() => '---').join('|')}|`);
for (const kind of kinds) {
  const cells = names.map((library) => {
    const row = curve.filter((r) => r.kind === kind && r.library === library).pop();
    if (!row) return '–';
    const label = row.error ? `${row.error} ` : '';
    return row.n === KILLER_LENGTH ? `${label}${fmt(row.ms)}` : `${label}${fmt(row.ms)} at ${row.n}`;
  });
  say(`| ${kind} | ${cells.join(' | ')} |`);
}
say();
writeFileSync(join(options.out, 'summary.md'), lines.join('\n') + '\n');
writeFileSync(join(options.out, 'length-curve.svg'), plot(curve));
if (options.chromium) {
  // Chromium renders the SVG to the PNG that BENCHMARKS.md shows.
  const profile = mkdtempSync(join(tmpdir(), 'strength-plot-'));
  spawnSync(options.chromium, ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${profile}`,
    `--screenshot=${resolve(options.out, 'length-curve.png')}`, '--window-size=720,420', pathToFileURL(resolve(options.out, 'length-curve.svg')).href], { stdio: 'ignore', timeout: 60000 });
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch {
    // A helper process still writing: leave the temporary profile behind.
  }
}

/** A log-log plot of check time against length, per library (worst input at each length). */
function plot(rows) {
  const width = 720, height = 420, left = 70, bottom = 50, top = 20, right = 170;
  const x = (n) => left + ((Math.log2(n) - 3) / 9) * (width - left - right);
  const y = (ms) => top + ((4 - Math.log10(Math.min(Math.max(ms, 1e-2), 1e4))) / 6) * (height - top - bottom);
  const colours = { 'passguard-native': '#1b7837', 'passguard-wasm': '#5aae61', zxcvbn: '#2166ac', 'zxcvbn-ts': '#b2182b' };
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12"><rect width="100%" height="100%" fill="white"/>`;
  for (let e = -2; e <= 4; e++) svg += `<line x1="${left}" x2="${width - right}" y1="${y(10 ** e)}" y2="${y(10 ** e)}" stroke="#ddd"/><text x="${left - 8}" y="${y(10 ** e) + 4}" text-anchor="end">${10 ** e} ms</text>`;
  for (const n of PLOT_LENGTHS) svg += `<text x="${x(n)}" y="${height - bottom + 18}" text-anchor="middle">${n}</text>`;
  svg += `<text x="${(left + width - right) / 2}" y="${height - 10}" text-anchor="middle">password length (characters), worst of the known hard inputs</text>`;
  Object.entries(colours).forEach(([library, colour], k) => {
    const points = PLOT_LENGTHS.map((n) => {
      const times = rows.filter((r) => r.library === library && r.n === n).map((r) => r.ms);
      return times.length ? [n, Math.max(...times)] : null;
    }).filter(Boolean);
    if (!points.length) return;
    svg += `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.map(([n, ms]) => `${x(n)},${y(ms)}`).join(' ')}"/>`;
    svg += `<text x="${width - right + 10}" y="${top + 20 + 18 * k}" fill="${colour}">${library}</text>`;
  });
  return svg + '</svg>\n';
}
