export * from "./passguard_glue.js";
import type { InitInput, InitOutput } from "./passguard_glue.js";

/** Where `init()` finds the wasm and the word lists; both default to the files beside it. */
export interface InitOptions {
  /** The wasm, as wasm-bindgen's `init` takes it. */
  module_or_path?: InitInput | Promise<InitInput>;
  /** The words asset (`passguard_words.bin`): its address, a response, or its bytes. */
  words?: string | URL | Request | Response | Uint8Array | ArrayBuffer | Promise<Response | Uint8Array | ArrayBuffer>;
}

/**
 * Loads the engine and its word lists, in parallel; every rule is decided once it resolves.
 * `passguard/rules` loads the engine alone.
 */
export default function init(options?: InitOptions): Promise<InitOutput>;
