// `passguard/rules`: the engine without its word lists, for a front end that checks the
// rules and leaves strength and common passwords to later or to the server. After `init()`
// the rules are decided at once; `not-common` and `min-strength` stay `pending` until
// `loadWords(bytes)` is given the words asset (`passguard/passguard_words.bin`), which
// `hasWords()` then reports.
export * from "./passguard_glue.js";
export { default } from "./passguard_glue.js";
