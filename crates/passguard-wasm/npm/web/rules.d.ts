export * from "./passguard_glue.js";
import type { InitInput, InitOutput } from "./passguard_glue.js";

/** Loads the engine alone: `not-common` and `min-strength` stay pending until `loadWords`. */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;
