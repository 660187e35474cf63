// MW251 fires on a tabular parse without casting whose text is then used as a number.
// RuleTester-style: valid look-alikes stay silent; invalid cases give exact ranges, message and fix output.
import { ruleTester } from '../ruleTester';

describe('MW251 untyped-tabular-parse', () => {
  ruleTester('MW251', {
    valid: [
      { name: "csv-parse with cast: true", code: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { columns: true, cast: true });\nlet t = 0;\nfor (const r of rows) t += r.amount;\n" },
      { name: "text never used as a number", code: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { columns: true });\nfor (const r of rows) console.log(r.name.toUpperCase());\n" },
      { name: "PapaParse with dynamicTyping", code: "import Papa from 'papaparse';\nimport fs from 'fs';\nconst { data } = Papa.parse(fs.readFileSync('a.csv', 'utf8'), { header: true, dynamicTyping: true });\nlet t = 0;\nfor (const r of data) t += r.amount;\n" },
    ],
    invalid: [
      {
        name: "csv-parse records summed",
        code: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { columns: true });\nlet t = 0;\nfor (const r of rows) t += r.amount;\n",
        ranges: ["parse(fs.readFileSync('a.csv'), { columns: true })"],
        messageIds: ['textKept'],
        at: [2, 13],
        message: /^csv-parse keeps every field as text/,
        output: "import fs from 'fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(fs.readFileSync('a.csv'), { cast: true, columns: true });\nlet t = 0;\nfor (const r of rows) t += r.amount;\n",
      },
      {
        name: "PapaParse records compared",
        code: "import Papa from 'papaparse';\nimport fs from 'fs';\nconst { data } = Papa.parse(fs.readFileSync('a.csv', 'utf8'), { header: true });\nconst big = data.filter((r) => r.amount > 1000);\n",
        ranges: ["Papa.parse(fs.readFileSync('a.csv', 'utf8'), { header: true })"],
        messageIds: ['textKept'],
        at: [2, 17],
        message: /^papaparse keeps every field as text/,
        output: "import Papa from 'papaparse';\nimport fs from 'fs';\nconst { data } = Papa.parse(fs.readFileSync('a.csv', 'utf8'), { dynamicTyping: true, header: true });\nconst big = data.filter((r) => r.amount > 1000);\n",
      },
      {
        name: "d3.csvParse without a row function",
        code: "import * as d3 from 'd3-dsv';\nimport fs from 'fs';\nconst rows = d3.csvParse(fs.readFileSync('a.csv', 'utf8'));\nconst total = rows.reduce((s, r) => s + r.value, 0);\n",
        ranges: ["d3.csvParse(fs.readFileSync('a.csv', 'utf8'))"],
        messageIds: ['textKept'],
        at: [2, 13],
        message: /^d3-dsv keeps every field as text/,
        output: "import * as d3 from 'd3-dsv';\nimport fs from 'fs';\nconst rows = d3.csvParse(fs.readFileSync('a.csv', 'utf8'), d3.autoType);\nconst total = rows.reduce((s, r) => s + r.value, 0);\n",
      },
    ],
  });
});
