// Time per call of the npm package in Node (the nodejs build from target/npm/passguard):
// the median of 7 batches after a warm-up batch, each batch timed with process.hrtime.
// Usage: bash scripts/build-npm.sh && node scripts/npm-bench.mjs
import { createRequire } from "node:module";
import { join } from "node:path";

const root = join(new URL(".", import.meta.url).pathname, "..");
const { Checker, length } = createRequire(import.meta.url)(join(root, "target/npm/passguard/nodejs/passguard.js"));

function median(label, iterations, call) {
  const batches = [];
  for (let batch = 0; batch < 8; batch++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) call(i);
    const nanos = Number(process.hrtime.bigint() - start) / iterations;
    if (batch > 0) batches.push(nanos);
  }
  batches.sort((a, b) => a - b);
  const micros = batches[Math.floor(batches.length / 2)] / 1000;
  console.log(`| ${label} | ${micros.toFixed(2)} µs |`);
}

const checker = new Checker("security-admin");
const context = { username: "ada", currentPassword: "Old-passw0rd", passwordChangedAt: 1_700_000_000_000, now: Date.now() };
const long = "Aa1!".repeat(1024);
console.log("| call | median time per call |");
console.log("|---|---|");
median("`new Checker(\"security-admin\")` (reads the preset's JSON)", 2_000, () => new Checker("security-admin").free());
median("`check(12 chars, context)`", 20_000, (i) => checker.check(`Correct${i % 10}horse!`, context));
median("`check(12 chars)` without context", 20_000, (i) => checker.check(`Correct${i % 10}horse!`));
median("`check(4 096 chars, context)`", 500, () => checker.check(long, context));
median("`length(12 chars)`", 20_000, (i) => length(`Correct${i % 10}horse!`));
