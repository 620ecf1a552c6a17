// Issue 15, item 2: may the browser builds use the JavaScript engine's own
// `String.prototype.normalize("NFKC")` instead of carrying NFKC tables? Compares, for every
// Unicode scalar value, the engine's NFKC form (the `unicode-normalization` crate's tables,
// printed by the policy crate's `nfkc_table` example) with Node's and Chromium's. Not a test:
// figures for BENCHMARKS.md.
//
//   cargo run --release -p passguard-policy --example nfkc_table > target/nfkc-engine.tsv
//   PASSGUARD_ROOT=$PWD PASSGUARD_BIN=$PWD/target/debug/passguard node bench/nfkc/compare.mjs target/nfkc-engine.tsv
import { readFileSync } from "node:fs";

import { launch } from "../../tests/e2e/support.mjs";

const engine = new Map(
  readFileSync(process.argv[2], "utf8")
    .trim()
    .split("\n")
    .map((line) => line.split("\t"))
    .map(([cp, form]) => [parseInt(cp, 16), form]),
);

/** Every scalar value whose NFKC form differs from itself, as the engine's table writes it. */
function changedBy() {
  const changed = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const text = String.fromCodePoint(cp);
    const form = text.normalize("NFKC");
    if (form !== text) {
      changed.push([cp, [...form].map((c) => c.codePointAt(0).toString(16).toUpperCase()).join(" ")]);
    }
  }
  return changed;
}

function compare(name, unicode, changed) {
  const js = new Map(changed);
  let differ = 0;
  let onlyEngine = 0;
  let onlyJs = 0;
  const examples = [];
  for (const [cp, form] of engine) {
    if (!js.has(cp)) {
      onlyEngine++;
      if (examples.length < 5) examples.push(`U+${cp.toString(16).toUpperCase()} engine ${form}, ${name} unchanged`);
    } else if (js.get(cp) !== form) {
      differ++;
      if (examples.length < 5) examples.push(`U+${cp.toString(16).toUpperCase()} engine ${form}, ${name} ${js.get(cp)}`);
    }
  }
  for (const [cp, form] of js) {
    if (!engine.has(cp)) {
      onlyJs++;
      if (examples.length < 5) examples.push(`U+${cp.toString(16).toUpperCase()} engine unchanged, ${name} ${form}`);
    }
  }
  console.log(
    `${name} (Unicode ${unicode}): ${js.size} changed by it, ${engine.size} by the engine; ` +
      `${differ} mapped differently, ${onlyEngine} changed only by the engine, ${onlyJs} only by ${name}`,
  );
  for (const example of examples) console.log(`  ${example}`);
}

compare("Node " + process.versions.node, process.versions.unicode, changedBy());
const browser = await launch();
const page = await browser.newPage();
const changed = await page.evaluate(`(${changedBy.toString()})()`);
const version = await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0]);
compare(version, "of its ICU", changed);
await browser.close();
