// Finishes the npm package that scripts/build-npm.sh assembles from wasm-pack's builds:
// - points the web and nodejs glue at the one wasm the package ships, in bundler/ (the build
//   script says why there). Each glue file must name the wasm exactly once in the expected
//   form: a wasm-bindgen upgrade that changes the form fails the build here;
// - makes the declarations type-check under a project's usual `lib` (ES2022, DOM): the
//   generated `[Symbol.dispose]()` needs the `esnext.disposable` library (TypeScript >= 5.2).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const packageDir = process.argv[2];
const rewrites = [
  [
    "web/passguard.js",
    "new URL('passguard_bg.wasm', import.meta.url)",
    "new URL('../bundler/passguard_bg.wasm', import.meta.url)",
  ],
  ["nodejs/passguard.js", "`${__dirname}/passguard_bg.wasm`", "`${__dirname}/../bundler/passguard_bg.wasm`"],
];
for (const [file, from, to] of rewrites) {
  const path = join(packageDir, file);
  const text = readFileSync(path, "utf8");
  const count = text.split(from).length - 1;
  if (count !== 1) {
    throw new Error(`${file}: expected ${from} once, found it ${count} times`);
  }
  writeFileSync(path, text.replace(from, to));
}

const disposable = '/// <reference lib="esnext.disposable" />\n';
for (const target of ["web", "bundler", "nodejs"]) {
  const path = join(packageDir, target, "passguard.d.ts");
  const text = readFileSync(path, "utf8");
  if (!text.includes("[Symbol.dispose]")) {
    throw new Error(`${target}/passguard.d.ts no longer declares [Symbol.dispose]: drop this step`);
  }
  writeFileSync(path, disposable + text);
}
