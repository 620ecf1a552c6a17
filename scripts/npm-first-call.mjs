// The first-call spike of the npm package in Node: for each input shape, the time of the first
// check of that shape in the process (after one check of an unrelated password) against the
// steady p99 of the same shape (1 000 checks timed after 2 000 untimed, once V8 has tiered the
// wasm up). Each shape runs in a fresh process, so no shape warms another's tables or code;
// each figure is the median of 5 processes. Prints Markdown rows for BENCHMARKS.md.
// Usage: bash scripts/build-npm.sh && node scripts/npm-first-call.mjs
// (PASSGUARD_NPM=DIR measures the package unpacked in DIR instead of target/npm/passguard;
// --warm-up calls the package's warmUp() after the unrelated check, as a page does when idle.)
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";

const root = join(new URL(".", import.meta.url).pathname, "..");
const SHAPES = {
  "l33t word": (i) => `p4$$w0rd${i % 10}`,
  "English words": (i) => `correct horse battery ${i % 10}`,
  "keyboard walk": (i) => `qwertyuiop${i % 10}`,
  date: (i) => `19${(i % 90) + 10}-04-12`,
  "repeat and sequence": (i) => `abcabcabc${i % 10}12345`,
  random: (i) => `Xk9#mQ2v!Lr${i % 10}`,
  unicode: (i) => `Größe-Übung-${i % 10}`,
};
const WARM = 2000;
const STEADY = 1000;

const warmUp = process.argv.includes("--warm-up");
if (process.argv[2] === "--shape") {
  const { Checker, warmUp: warm } = createRequire(import.meta.url)(
    join(process.env.PASSGUARD_NPM ?? join(root, "target/npm/passguard"), "nodejs/passguard.js"),
  );
  const checker = new Checker("nist-800-63b");
  checker.check("warm-up only");
  if (warmUp) warm();
  const make = SHAPES[process.argv[3]];
  const time = (password) => {
    const start = process.hrtime.bigint();
    checker.check(password);
    return Number(process.hrtime.bigint() - start) / 1000;
  };
  const first = time(make(0));
  for (let i = 1; i <= WARM; i++) checker.check(make(i));
  const steady = [];
  for (let i = 1; i <= STEADY; i++) steady.push(time(make(i)));
  steady.sort((a, b) => a - b);
  const p = (q) => steady[Math.min(steady.length - 1, Math.floor(q * steady.length))];
  console.log(JSON.stringify({ first, p50: p(0.5), p99: p(0.99) }));
} else {
  console.log("| input shape | first check (µs) | steady p50 (µs) | steady p99 (µs) | first / p99 |");
  console.log("|---|---|---|---|---|");
  let worst = 0;
  for (const shape of Object.keys(SHAPES)) {
    // Median of 5 fresh processes for each figure.
    const runs = [];
    for (let run = 0; run < 5; run++) {
      const child = spawnSync(process.execPath, [new URL(import.meta.url).pathname, "--shape", shape, ...(warmUp ? ["--warm-up"] : [])], { encoding: "utf8" });
      if (child.status !== 0) throw new Error(child.stderr);
      runs.push(JSON.parse(child.stdout));
    }
    const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[2];
    const ratio = median("first") / median("p99");
    worst = Math.max(worst, ratio);
    console.log(`| ${shape} | ${median("first").toFixed(1)} | ${median("p50").toFixed(1)} | ${median("p99").toFixed(1)} | ${ratio.toFixed(2)}× |`);
  }
  console.log(`\nworst first / p99: ${worst.toFixed(2)}×`);
}
