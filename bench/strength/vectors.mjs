// Writes tests/vectors/strength-zxcvbn.json: named known-answer cases, each one of zxcvbn's
// patterns, with zxcvbn 4.4.2's own answer (reference year pinned to passguard's). The
// crate's tests/vectors.rs checks passguard against it natively and under wasm32.
//
//   (cd bench/strength && npm ci && node vectors.mjs)
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const REFERENCE_YEAR = 2026;
require('zxcvbn/lib/scoring.js').REFERENCE_YEAR = REFERENCE_YEAR;
const zxcvbn = require('zxcvbn');

const WARNINGS = {
  'Straight rows of keys are easy to guess': 'straight-row',
  'Short keyboard patterns are easy to guess': 'key-pattern',
  'Repeats like "aaa" are easy to guess': 'simple-repeat',
  'Repeats like "abcabcabc" are only slightly harder to guess than "abc"': 'extended-repeat',
  'Sequences like abc or 6543 are easy to guess': 'sequence',
  'Recent years are easy to guess': 'recent-year',
  'Dates are often easy to guess': 'date',
  'This is a top-10 common password': 'top-10-password',
  'This is a top-100 common password': 'top-100-password',
  'This is a very common password': 'common-password',
  'This is similar to a commonly used password': 'similar-to-common-password',
  'A word by itself is easy to guess': 'word-by-itself',
  'Names and surnames by themselves are easy to guess': 'name-by-itself',
  'Common names and surnames are easy to guess': 'common-names',
};
const SUGGESTIONS = {
  'Use a few words, avoid common phrases': 'use-a-few-words',
  'No need for symbols, digits, or uppercase letters': 'no-need-for-mixed-characters',
  'Add another word or two. Uncommon words are better.': 'add-another-word',
  'Use a longer keyboard pattern with more turns': 'use-longer-keyboard-pattern',
  'Avoid repeated words and characters': 'avoid-repeats',
  'Avoid sequences': 'avoid-sequences',
  'Avoid recent years': 'avoid-recent-years',
  'Avoid years that are associated with you': 'avoid-associated-years',
  'Avoid dates and years that are associated with you': 'avoid-associated-dates',
  "Capitalization doesn't help very much": 'capitalization-doesnt-help',
  'All-uppercase is almost as easy to guess as all-lowercase': 'all-uppercase-is-easy',
  "Reversed words aren't much harder to guess": 'reversed-words-are-easy',
  "Predictable substitutions like '@' instead of 'a' don't help very much": 'predictable-substitutions',
};

// [name, password, user inputs]
const CASES = [
  ['empty password', '', []],
  ['top-10 password, dictionary rank 2', 'password', []],
  ['top-10 password of digits, rank 1', '123456', []],
  ['top-100 password', 'sunshine', []],
  ['very common password', 'butterfly', []],
  ['capitalised common password', 'Password', []],
  ['all-uppercase common password', 'PASSWORD', []],
  ['l33t: @ for a and 0 for o', 'P@ssw0rd', []],
  ['l33t: 1 read as i', 'ch1ck3n', []],
  ['l33t: 1 read as l', '1ove1y', []],
  ['reversed dictionary word', 'drowssap', []],
  ['English word by itself', 'strength', []],
  ['first name by itself', 'jennifer', []],
  ['surname and year', 'johnson1985', []],
  ['two words', 'horsehouse', []],
  ['qwerty top ten password', 'qwertyuiop', []],
  ['qwerty straight row', 'zxcvbnm,./', []],
  ['qwerty pattern with four turns', 'qwedcxza', []],
  ['shifted keyboard row', 'ZXCVBNM<>?', []],
  ['shifted symbol row', '!@#$%^&*', []],
  ['keypad pattern', '15963', []],
  ['keypad operators', '+-*/', []],
  ['dvorak row', 'aoeuidhtns', []],
  ['ascending letter sequence', 'abcdefghij', []],
  ['descending digit sequence', '9876543210', []],
  ['sequence with step 2', 'acegikmo', []],
  ['sequence with step 3', 'adgjmp', []],
  ['descending uppercase sequence', 'ZYXWVU', []],
  ['one character repeated', 'aaaaaaaaaa', []],
  ['word repeated', 'catcatcatcat', []],
  ['password repeated', 'passwordpassword', []],
  ['date with separators', '13.05.1991', []],
  ['date without separators', '19910513', []],
  ['two-digit-year date', '5/4/89', []],
  ['recent year', '1987', []],
  ['word and recent year', 'dragon2019', []],
  ['user input: username', 'jsmith1987', ['jsmith', 'john.smith@example.com']],
  ['user input reversed', 'htimsj', ['jsmith']],
  ['user input with l33t', 'j$m1th', ['jsmith']],
  ['xkcd passphrase', 'correct horse battery staple', []],
  ['xkcd l33t word', 'Tr0ub4dor&3', []],
  ['random 12 characters', 'x7#Kq9!mZ2vB', []],
  ['random 16 characters', 'Wq3$z8Lp!r2Tv6Nb', []],
  ['mixed patterns', 'Qwerty123!', []],
  ['common phrase', 'iloveyou', []],
  ['name and digits', 'michael23', []],
];

const cases = CASES.map(([name, password, userInputs]) => {
  const result = zxcvbn(password, userInputs);
  const warning = result.feedback.warning ? WARNINGS[result.feedback.warning] : null;
  const suggestions = result.feedback.suggestions.map((s) => SUGGESTIONS[s]);
  if (warning === undefined || suggestions.includes(undefined)) throw new Error(`unmapped feedback for ${name}`);
  return {
    name,
    password,
    user_inputs: userInputs,
    score: result.score,
    guesses_log10: Number(result.guesses_log10.toFixed(4)),
    warning,
    suggestions,
    sequence: result.sequence.map((m) => `${m.pattern}:${m.token}${m.rank ? `#${m.rank}` : ''}`),
  };
});

const file = {
  source: `zxcvbn 4.4.2 (npm) run on hand-picked passwords, one or two per pattern, with REFERENCE_YEAR = ${REFERENCE_YEAR}; written by bench/strength/vectors.mjs. 'sequence' is zxcvbn's best cover, for the reader.`,
  reference_year: REFERENCE_YEAR,
  cases,
};
const target = join(dirname(fileURLToPath(import.meta.url)), '../../tests/vectors/strength-zxcvbn.json');
writeFileSync(target, JSON.stringify(file, null, 1) + '\n');
console.log(`${cases.length} cases written to ${target}`);
