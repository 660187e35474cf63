// The library model is data (core/lint/js/libraryModel.ts): one case per modelled library shape, through the
// real front end. A row added to the table gets its case here.
import * as assert from 'assert';
import { MAY_PARSE_TABLES, MODULE_CALLS } from '../../../../extension/src/core/lint/js/libraryModel';
import { ruleTester } from './ruleTester';

describe('JS/TS library model', () => {
  it('has no two rows for the same module member', () => {
    const seen = new Set<string>();
    for (const row of MODULE_CALLS) {
      for (const m of row.modules) {
        for (const member of row.members) {
          const key = `${m}:${member}`;
          assert.ok(!seen.has(key), `${key} is modelled twice`);
          seen.add(key);
        }
      }
    }
  });

  it("MW251's file gate is true wherever a tabular parser can be reached, and not for look-alike text", () => {
    for (const row of MODULE_CALLS.filter((r) => ['tabular', 'papaparse', 'dsvFormat'].includes(r.gives.kind))) {
      for (const m of row.modules) {
        assert.ok(MAY_PARSE_TABLES.test(`import { parse } from '${m}';`), `import of ${m}`);
        assert.ok(MAY_PARSE_TABLES.test(`const p = require("node:${m}");`), `require of node:${m}`);
      }
    }
    for (const global of ['Papa.parse(text)', 'd3.csvParse(text)']) assert.ok(MAY_PARSE_TABLES.test(global), global);
    for (const other of ['// exports CSV', 'const id = "53ee284d-920a-4b59-9d30-a6";', 'getIMDSVersion()', "require('csv-stringify')", "require('fast-csv')"]) {
      assert.ok(!MAY_PARSE_TABLES.test(other), other);
    }
  });

  ruleTester('MW151', {
    valid: [
      { name: "d3 v3's d3.tsv.parse with a row function converts", path: 'a.js', code: "const d3 = require('d3');\nconst fs = require('fs');\nconst rows = d3.tsv.parse(fs.readFileSync('a.tsv', 'utf8'), (d) => ({ value: +d.value }));\nlet t = 0;\nrows.forEach((r) => { t += r.value; });\n" },
      { name: "csv-parser's mapValues converts", path: 'a.js', code: "const csv = require('csv-parser');\nconst fs = require('fs');\nconst rows = [];\nfs.createReadStream('a.csv').pipe(csv({ mapValues: ({ value }) => Number(value) })).on('data', (r) => rows.push(r)).on('end', () => { let t = 0; for (const r of rows) t += r.amount; });\n" },
      { name: 'JSON.parse gives JSON values, not text', path: 'a.js', code: "const fs = require('fs');\nconst data = JSON.parse(fs.readFileSync('a.json', 'utf8'));\nlet t = 0;\nfor (const r of data.items) t += r.amount;\n" },
    ],
    invalid: [
      {
        name: "d3 v3's d3.csv.parse without a row function",
        path: 'a.js',
        code: "const d3 = require('d3');\nconst fs = require('fs');\nconst rows = d3.csv.parse(fs.readFileSync('a.csv', 'utf8'));\nlet t = 0;\nrows.forEach((r) => { t += r.value; });\n",
        ranges: ['t += r.value'],
        messageIds: ['textIntoRunningNumber'],
        at: [4, 22],
        message: /^`r\.value` is text \(a d3-dsv row field\)/,
      },
      {
        name: 'fast-csv rows from a piped stream',
        path: 'a.js',
        code: "const csv = require('fast-csv');\nconst fs = require('fs');\nconst rows = [];\nfs.createReadStream('a.csv').pipe(csv.parse({ headers: true })).on('data', (r) => rows.push(r)).on('end', () => { let t = 0; for (const r of rows) t += r.amount; });\n",
        ranges: ['t += r.amount'],
        messageIds: ['textIntoRunningNumber'],
        at: [3, 147],
        message: /^`r\.amount` is text \(a fast-csv row field\)/,
      },
    ],
  });
});
