// Finishes the npm package that scripts/build-npm.sh assembles from wasm-pack's builds:
// - points the nodejs glue at the wasm it shares with the bundler build, in bundler/ (the
//   build script says why there; the web build has its own, without the word lists). Each glue file must name the wasm exactly once in the expected
//   form: a wasm-bindgen upgrade that changes the form fails the build here;
// - makes the declarations type-check under a project's usual `lib` (ES2022, DOM): the
//   generated `[Symbol.dispose]()` needs the `esnext.disposable` library (TypeScript >= 5.2).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const packageDir = process.argv[2];
const rewrites = [
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
for (const file of ["web/passguard_glue.d.ts", "bundler/passguard.d.ts", "nodejs/passguard.d.ts"]) {
  const path = join(packageDir, file);
  const text = readFileSync(path, "utf8");
  if (!text.includes("[Symbol.dispose]")) {
    throw new Error(`${file} no longer declares [Symbol.dispose]: drop this step`);
  }
  writeFileSync(path, disposable + text);
}
