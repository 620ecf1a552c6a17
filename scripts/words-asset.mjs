// Writes the pages' words asset into DIR and prints its file name, `words-<hash>.bin`: the
// dictionaries and the blocklist that the pages' wasm leaves out, framed as
// `passguard_strength::load_words` reads them (`PGWA`, version 1, the dictionary's length as
// u32 little-endian, the dictionary, the blocklist; crates/passguard-strength/data/README.md).
// Named by its content (SHA-256, 16 hex digits), so browsers may keep it for good, unless a
// NAME is given (the npm package's `passguard_words.bin`, which a consumer's bundler names).
//   node scripts/words-asset.mjs DIR [NAME]
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const data = new URL("../crates/passguard-strength/data/", import.meta.url);
const dictionary = readFileSync(new URL("dictionary.bin", data));
const blocklist = readFileSync(new URL("blocklist.txt", data));
const head = Buffer.alloc(9);
head.write("PGWA", 0, "latin1");
head.writeUInt8(1, 4);
head.writeUInt32LE(dictionary.length, 5);
const asset = Buffer.concat([head, dictionary, blocklist]);
const name = process.argv[3] ?? `words-${createHash("sha256").update(asset).digest("hex").slice(0, 16)}.bin`;
writeFileSync(join(process.argv[2], name), asset);
console.log(name);
