// The package's browser entry. Its wasm carries no word lists (zxcvbn's dictionaries and the
// blocklist): `init()` fetches them, `passguard_words.bin` beside this file, in parallel with
// the wasm and resolves once both are in, so every rule is decided after `await init()`, as
// with the lists inside. `init({ words })` takes another address or the asset's bytes.
// `passguard/rules` is the same engine without them.
import initWasm, { loadWords } from "./passguard_glue.js";

export * from "./passguard_glue.js";

/** The words asset's bytes from `words`: an address, a Response, or bytes already fetched. */
async function wordsFrom(words) {
  const source = await words;
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  const response = source instanceof Response ? source : await fetch(source);
  if (!response.ok) throw new Error(`passguard: the word lists answered HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export default async function init(options) {
  // `{ module_or_path, words }`, or (as wasm-bindgen still takes it) the wasm's input alone.
  const named = options !== null && typeof options === "object" && Object.getPrototypeOf(options) === Object.prototype;
  const words = named && options.words !== undefined ? options.words : new URL("passguard_words.bin", import.meta.url);
  const wasm = named ? (options.module_or_path === undefined ? undefined : { module_or_path: options.module_or_path }) : options;
  // Both at once, and a failure of either is this call's (never an unhandled rejection).
  const [output, bytes] = await Promise.all([initWasm(wasm), wordsFrom(words)]);
  loadWords(bytes);
  return output;
}
