// Bytes of what each build of the npm package makes a user download: its wasm and its JS glue,
// raw, gzip (level 9) and brotli (quality 11), as Markdown rows for BENCHMARKS.md.
// Usage: bash scripts/build-npm.sh && node scripts/npm-sizes.mjs
// With --www, the same for the pages' wasm and glue (www/dist/pkg, from scripts/build-www.sh);
// with --anchor FILE, a last row for FILE (zxcvbn 4.4.2's dist/zxcvbn.js: `npm pack zxcvbn@4.4.2`).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");
const pkg = join(root, "target", "npm", "passguard");
const www = process.argv.includes("--www");
const base = www ? join(root, "www", "dist") : pkg;
const builds = www ? { www: ["pkg/passguard_www_bg.wasm", "pkg/passguard_www.js"] } : {
  web: ["web/passguard_bg.wasm", "web/passguard_glue.js", "web/passguard.js", "web/passguard_words.bin"],
  rules: ["web/passguard_bg.wasm", "web/passguard_glue.js", "web/rules.js"],
  bundler: ["bundler/passguard_bg.wasm", "bundler/passguard.js", "bundler/passguard_bg.js"],
  nodejs: ["bundler/passguard_bg.wasm", "nodejs/passguard.js"],
};

const sizes = (bytes) => [
  bytes.length,
  gzipSync(bytes, { level: 9 }).length,
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
];
const kib = (n) => n.toLocaleString("en-US");

console.log("| build | file | raw bytes | gzip -9 | brotli 11 |");
console.log("|---|---|---|---|---|");
for (const [build, files] of Object.entries(builds)) {
  const total = [0, 0, 0];
  for (const file of files) {
    const measured = sizes(readFileSync(join(base, file)));
    measured.forEach((n, i) => (total[i] += n));
    console.log(`| ${build} | ${file} | ${measured.map(kib).join(" | ")} |`);
  }
  console.log(`| ${build} | **total** | **${total.map(kib).join("** | **")}** |`);
}
const anchor = process.argv.indexOf("--anchor");
if (anchor > 0) {
  const file = process.argv[anchor + 1];
  console.log(`| anchor | ${file} | ${sizes(readFileSync(file)).map(kib).join(" | ")} |`);
}
