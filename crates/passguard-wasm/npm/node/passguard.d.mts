export * from "../nodejs/passguard.js";

/**
 * Nothing to load in Node: the module was compiled on import. Present, and harmless, so that
 * code written for the browser build (`await init()`) runs unchanged in Node.
 */
export default function init(module_or_path?: unknown): Promise<void>;

/** Nothing to load in Node: the module was compiled on import. */
export function initSync(module?: unknown): void;
