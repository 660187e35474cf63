// MW152 on an environment variable or command-line argument, with no conversion, compared with a number the
// code computes: a retry counter, a position, a clock reading. The tenth blind holdout's one-file miss
// (worker_pool.js:23: `attempt < maxRetries` where `attempt = 0` is a parameter advanced by the function's own
// retry) showed that a counter with a default, passed on by recursion, was not known to be a number. The
// invalid cases below stay silent on 6afeb35 (except the `|| 3` one, which records a decision); the valid ones
// are the look-alikes that must stay silent.
import * as assert from 'assert';
import { findings, lint, textAt } from '../jsLintHelpers';
import { ruleTester } from '../ruleTester';

const LISTEN = (limit: string) =>
  `const http = require('http');\nconst maxRetries = ${limit};\nfunction listen(port, attempt = 0) {\n  const server = http.createServer();\n  server.on('error', (err) => {\n    if (err.code === 'EADDRINUSE' && attempt < maxRetries) setTimeout(() => listen(port, attempt + 1), 500);\n    else process.exit(1);\n  });\n  server.listen(port);\n}\nlisten(9100);\n`;

describe('MW152 lexical-numeric-comparison: environment and argument text against computed numbers', () => {
  ruleTester('MW152', {
    valid: [
      { name: 'the environment value converted with Number()', path: 'flow.js', code: LISTEN('Number(process.env.METRICS_RETRIES)') },
      { name: 'the environment value parsed with a text default', path: 'flow.js', code: LISTEN("parseInt(process.env.METRICS_RETRIES ?? '3', 10)") },
      {
        name: 'a command-line argument against a literal inside a recursive walk',
        code: "const root = process.argv[2];\nfunction walk(dir: string, depth = 0): void {\n  if (root > 100) return;\n  walk(dir + '/x', depth + 1);\n}\nwalk(root);\n",
      },
      {
        // `indexOf` is a number on arrays and text; a class of this file may define its own.
        name: "a local class's own indexOf method is not taken for a position",
        code: "class Ring {\n  names: string[] = [];\n  indexOf(name: string) { return this.names.find((n) => n === name); }\n}\nconst ring = new Ring();\nconst last = process.env.LAST_NAME;\nif (ring.indexOf('a') < last) console.log('before');\n",
      },
      {
        // A recursive call that passes something else than the parameter stepped by a number adds its own kind.
        name: 'a recursive parameter whose other call passes text is not a counter',
        path: 'flow.js',
        code: "const limit = process.env.LIMIT;\nfunction page(cursor = 0) {\n  if (cursor < limit) page(String(cursor) + 'x');\n}\npage();\n",
      },
    ],
    invalid: [
      {
        name: 'a retry counter with a default, advanced by the retry itself (js-holdout10-onefile/worker_pool.js)',
        path: 'flow.js',
        code: LISTEN('process.env.METRICS_RETRIES'),
        ranges: ['attempt < maxRetries'],
        messageIds: ['textVersusNumber'],
        at: [5, 37],
        message: /^`maxRetries` is text \(an environment variable\); `<` with the number `attempt`/,
        output: LISTEN('process.env.METRICS_RETRIES').replace('attempt < maxRetries', 'attempt < Number(maxRetries)'),
      },
      {
        name: 'an async arrow that retries itself with attempt + 1',
        code: 'const maxRetries = process.env.MAX_RETRIES;\nconst retry = async (fn: () => Promise<void>, attempt = 1): Promise<void> => {\n  try {\n    await fn();\n  } catch (e) {\n    if (attempt >= maxRetries) throw e;\n    return retry(fn, attempt + 1);\n  }\n};\nretry(async () => {});\n',
        ranges: ['attempt >= maxRetries'],
        messageIds: ['textVersusNumber'],
        at: [5, 8],
      },
      {
        name: 'a command-line argument against a polling counter passed on by setTimeout',
        path: 'flow.js',
        code: 'const maxPolls = process.argv[2];\nfunction poll(n = 0) {\n  if (n > maxPolls) return;\n  setTimeout(() => poll(n + 1), 1000);\n}\npoll();\n',
        ranges: ['n > maxPolls'],
        messageIds: ['textVersusNumber'],
        at: [2, 6],
        message: /a command-line argument/,
      },
      {
        name: 'a position (indexOf) against an environment value',
        code: "const maxSlot = process.env.MAX_SLOT;\nconst queue: string[] = [];\nconst pos = queue.indexOf('job-1');\nif (pos > maxSlot) console.log('late');\n",
        ranges: ['pos > maxSlot'],
        messageIds: ['textVersusNumber'],
        at: [3, 4],
      },
      {
        name: 'performance.now() against an environment timeout',
        code: "const budgetMs = process.env.BUDGET_MS;\nif (performance.now() > budgetMs) console.warn('slow start');\n",
        ranges: ['performance.now() > budgetMs'],
        messageIds: ['textVersusNumber'],
        at: [1, 4],
      },
      {
        // Decision (rules.md): `|| 3` makes the value a number only when the variable is unset; set, it is text.
        name: 'an environment value with a `|| 3` default is still text when set',
        path: 'flow.js',
        code: 'const maxRetries = process.env.MAX_RETRIES || 3;\nfor (let attempt = 0; attempt < maxRetries; attempt++) console.log(attempt);\n',
        ranges: ['attempt < maxRetries'],
        messageIds: ['textVersusNumber'],
        at: [1, 22],
        output: 'const maxRetries = process.env.MAX_RETRIES || 3;\nfor (let attempt = 0; attempt < Number(maxRetries); attempt++) console.log(attempt);\n',
      },
    ],
  });
});

// Counters kept per key, in an object map or a Map: `(h[k] || 0) + 1` is a number. On 6afeb35 MW152 found these
// only when it ran alone: MW151, visiting the `+` first, asked for `h[k]` from inside the sum that stores it,
// and the sum was remembered as unknown from that cycle (facts.ts now remembers no answer that rested on an
// open question). The RuleTester lints one rule at a time, so these cases lint with every rule on.
const COUNTERS: { name: string; code: string; range: string }[] = [
  {
    name: 'an object map of failure counters against an environment limit',
    code: "const maxFailures = process.env.MAX_FAILURES;\nconst failures = {};\nfunction fail(host) {\n  failures[host] = (failures[host] || 0) + 1;\n  if (failures[host] > maxFailures) console.log('giving up on', host);\n}\nfail('a');\n",
    range: 'failures[host] > maxFailures',
  },
  {
    name: 'a Map of failure counters against an environment limit',
    code: "const maxFailures = process.env.MAX_FAILURES;\nconst failures = new Map();\nfunction fail(host) {\n  failures.set(host, (failures.get(host) ?? 0) + 1);\n  if (failures.get(host) > maxFailures) console.log('giving up on', host);\n}\nfail('a');\n",
    range: 'failures.get(host) > maxFailures',
  },
];

describe('MW152 on counters kept per key, with every rule running', () => {
  for (const c of COUNTERS) {
    it(c.name, async () => {
      const all = (await lint(c.code, 'flow.js')).findings.filter((f) => f.rule === 'MW152');
      assert.deepStrictEqual(all.map((f) => textAt(c.code, f.range)), [c.range]);
      const alone = await findings(c.code, 'MW152', 'flow.js');
      assert.deepStrictEqual(alone.map((f) => textAt(c.code, f.range)), [c.range], 'the same finding when MW152 runs alone');
    });
  }
});
