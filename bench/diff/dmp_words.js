// diff-match-patch at word level, as diffengine uses it: words mapped to
// characters (the library's line-mode trick), diff_main, semantic cleanup.
// Usage: node dmp_words.js OLD NEW ROUNDS  -> prints the median ms.
'use strict';
const fs = require('fs');
const DiffMatchPatch = require('diff-match-patch');

function wordsToChars(text1, text2) {
  const words = [''];
  const index = new Map();
  const encode = (text) => {
    let out = '';
    for (const word of text.split(/(\s+)/)) {
      if (word === '') continue;
      if (!index.has(word)) {
        index.set(word, words.length);
        words.push(word);
      }
      out += String.fromCharCode(index.get(word));
    }
    return out;
  };
  return { chars1: encode(text1), chars2: encode(text2), words };
}

const [oldPath, newPath, roundsArg] = process.argv.slice(2);
const before = fs.readFileSync(oldPath, 'utf8');
const after = fs.readFileSync(newPath, 'utf8');
const rounds = Number(roundsArg || 11);
const dmp = new DiffMatchPatch();
const times = [];
let changes = 0;
for (let r = 0; r < rounds; r++) {
  const start = process.hrtime.bigint();
  const { chars1, chars2, words } = wordsToChars(before, after);
  const diffs = dmp.diff_main(chars1, chars2, false);
  dmp.diff_charsToLines_(diffs, words);
  dmp.diff_cleanupSemantic(diffs);
  changes = diffs.filter((d) => d[0] !== 0).length;
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ ms: times[Math.floor(times.length / 2)], changes }) + '\n');
