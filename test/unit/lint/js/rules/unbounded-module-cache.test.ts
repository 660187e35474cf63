// MW454 fires on a module-level cache (`new Map()` or `{}` named like one) that functions add to while nothing
// in the file deletes, clears or checks its size: with keys from data it is a data-scale warning, with keys
// from unseen callers it is shown as information. A cache bounded by a size check stays silent.
import { ruleTester } from '../ruleTester';

describe('MW454 unbounded-module-cache', () => {
  ruleTester('MW454', {
    valid: [
      { name: 'evicts past a size limit', code: "const cache = new Map();\nconst MAX = 10_000;\nexport function get(key) {\n  if (!cache.has(key)) {\n    if (cache.size >= MAX) cache.delete(cache.keys().next().value);\n    cache.set(key, key.length);\n  }\n  return cache.get(key);\n}\n" },
      { name: 'a local Map inside a function (not module-level)', code: "export function count(words) {\n  const cache = new Map();\n  for (const w of words) cache.set(w, (cache.get(w) ?? 0) + 1);\n  return cache.size;\n}\n" },
    ],
    invalid: [
      {
        name: 'keyed by every line read from stdin (data scale)',
        code: "import readline from 'readline';\nconst cache = new Map();\nfunction lookup(key) {\n  if (!cache.has(key)) cache.set(key, key.repeat(1000));\n  return cache.get(key);\n}\nfor await (const line of readline.createInterface({ input: process.stdin })) console.log(lookup(line).length);\n",
        ranges: ['cache'],
        messageIds: ['neverEvicted'],
        at: [1, 6],
        message: /^`cache` is a module-level Map that functions add to but nothing ever evicts.* Data: keys from a readline line\.$/,
      },
      {
        name: 'an object cache filled by an exported function (keys from unseen callers: information)',
        code: 'const userCache = {};\nexport function remember(id, user) {\n  userCache[id] = user;\n}\n',
        ranges: ['userCache'],
        messageIds: ['neverEvicted'],
        at: [0, 6],
        message: /^`userCache` is a module-level object .* Shown as information: .*callers Memwise cannot see/,
      },
    ],
  });
});

// The seventh blind holdout's cli_slug_cache.mjs (a tuning set since): `key in cache` is a membership read, not
// a size check or a hand-off to code that might evict.
describe('MW454 unbounded-module-cache: membership tests with `in`', () => {
  ruleTester('MW454', {
    valid: [
      {
        name: 'an object cache checked with `in` and cleared past a size limit',
        code: "import readline from 'readline';\nconst slugCache = {};\nlet n = 0;\nfunction slug(t) {\n  if (!(t in slugCache)) {\n    if (++n > 1000) { for (const k of Object.keys(slugCache)) delete slugCache[k]; n = 0; }\n    slugCache[t] = t.toLowerCase();\n  }\n  return slugCache[t];\n}\nfor await (const line of readline.createInterface({ input: process.stdin })) console.log(slug(line));\n",
      },
    ],
    invalid: [
      {
        name: 'an object cache checked with `in`, keyed by every line',
        code: "import readline from 'readline';\nconst slugCache = {};\nfunction slug(t) {\n  if (!(t in slugCache)) slugCache[t] = t.toLowerCase();\n  return slugCache[t];\n}\nfor await (const line of readline.createInterface({ input: process.stdin })) console.log(slug(line));\n",
        ranges: ['slugCache'],
        messageIds: ['neverEvicted'],
        at: [1, 6],
      },
    ],
  });
});

// The ninth holdout's parcel_lockers.ts (decision 35): reading every entry with `Object.entries`/`Object.values` is
// neither a size check nor an eviction (missed before the fix); `Object.keys(…).length` still is.
describe("MW454 unbounded-module-cache: Object.entries is a read", () => {
  ruleTester("MW454", {
    valid: [
      { name: "an object cache read with `Object.entries` and bounded by `Object.keys(…).length`", code: "import readline from 'node:readline';\nconst lockerCache: Record<string, { open: boolean }> = {};\nfunction track(id: string, open: boolean) { if (Object.keys(lockerCache).length > 5000) for (const k in lockerCache) delete lockerCache[k]; lockerCache[id] = { open }; }\nconst rl = readline.createInterface({ input: process.stdin });\nrl.on('line', (line) => { const [id, kind] = line.split('|'); track(id, kind === 'OPEN'); });\nrl.on('close', () => console.log(Object.entries(lockerCache).filter(([, s]) => s.open).length));\n" },
    ],
    invalid: [
      {
        name: "an object cache keyed by stream lines, read back with `Object.entries` (a read, not an eviction)",
        code: "import readline from 'node:readline';\nconst lockerCache: Record<string, { open: boolean }> = {};\nfunction track(id: string, open: boolean) { lockerCache[id] = { open }; }\nconst rl = readline.createInterface({ input: process.stdin });\nrl.on('line', (line) => { const [id, kind] = line.split('|'); track(id, kind === 'OPEN'); });\nrl.on('close', () => console.log(Object.entries(lockerCache).filter(([, s]) => s.open).length));\n",
        ranges: ["lockerCache: Record<string, { open: boolean }>"], messageIds: ["neverEvicted"], at: [1, 6],
      },
    ],
  });
});

// Round 17's reveal.js gulpfile (two copies in a course's slides): `cache[plugin.input] = bundle.cache` inside
// `[{ input: … }, …].map((plugin) => …)` was information ("keys from callers Memwise cannot see"), yet each key is
// an item of a literal list, or a field of one: at most as many keys as the list has items. A key that is an item
// of a list of unknown size, or an item joined with something else, is still reported.
describe('MW454 unbounded-module-cache: keys that are items of a fixed list', () => {
  ruleTester('MW454', {
    valid: [
      {
        name: 'a field of each item of a literal list, in a map callback',
        code: "const cache = {};\nexport function plugins() {\n  return Promise.all([\n    { name: 'A', input: './a/plugin.js' },\n    { name: 'B', input: './b/plugin.js' },\n  ].map((plugin) => build({ cache: cache[plugin.input], input: plugin.input }).then((bundle) => {\n    cache[plugin.input] = bundle.cache;\n  })));\n}\n",
      },
      {
        name: 'each item of a const literal list, in a for…of loop',
        code: "const NAMES = ['en', 'fr', 'de'];\nconst memo = new Map();\nexport function warm(load) {\n  for (const n of NAMES) memo.set(n, load(n));\n}\n",
      },
      {
        name: 'a literal list walked inside a loop over stdin lines: still only its items as keys',
        code: "import readline from 'readline';\nconst cache = {};\nfor await (const line of readline.createInterface({ input: process.stdin })) {\n  ['a', 'b'].forEach((k) => { cache[k] = line; });\n}\n",
      },
    ],
    invalid: [
      {
        name: 'a field of each item of a parameter (a list of unknown size): information',
        code: "const cache = {};\nexport function plugins(list) {\n  list.forEach((plugin) => { cache[plugin.input] = true; });\n}\n",
        ranges: ['cache'],
        messageIds: ['neverEvicted'],
        at: [0, 6],
        message: /Shown as information/,
      },
      {
        name: 'an item of a literal list joined with each stdin line: still reported (the join is not a fixed key)',
        code: "import readline from 'readline';\nconst cache = {};\nfunction remember(line) {\n  for (const k of ['a', 'b']) cache[k + line] = 1;\n}\nfor await (const line of readline.createInterface({ input: process.stdin })) remember(line);\n",
        ranges: ['cache'],
        messageIds: ['neverEvicted'],
        at: [1, 6],
      },
      {
        name: 'a field of each item of a literal list reassigned later: not a fixed list',
        code: "let plugins = [{ input: 'a' }];\nconst cache = {};\nexport function add(p) { plugins = plugins.concat([p]); }\nexport function build() {\n  for (const plugin of plugins) cache[plugin.input] = 1;\n}\n",
        ranges: ['cache'],
        messageIds: ['neverEvicted'],
        at: [1, 6],
      },
    ],
  });
});
