// The package's ES module entry in Node: the `nodejs` build, which compiles the wasm
// synchronously when it loads, plus `init` and `initSync` that have nothing left to do, so
// code written for the browser build (`await init()`) runs unchanged in Node.
export * from "../nodejs/passguard.js";

/** Nothing to load in Node: the module was compiled on import. */
export default async function init() {}

/** Nothing to load in Node: the module was compiled on import. */
export function initSync() {}
