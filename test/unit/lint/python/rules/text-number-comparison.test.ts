// MW103 text-number-comparison: RuleTester cases for the flows of the v2 analysis (see ../ruleTester.ts for `today`).
import { ruleTester } from '../ruleTester';

ruleTester('MW103', {
  valid: [
    {
      name: "a dict filled with converted values",
      code: "def read(path):\n    out = {}\n    for line in open(path):\n        k, v = line.split(\"=\")\n        out[k] = int(v)\n    return out\n\ndef main():\n    cfg = read(\"a.cfg\")\n    limit = cfg.get(\"limit\", 10)\n    if limit > 5:\n        print(\"big\")\n",
      today: "silent before too: kept as a guard"
    }
  ],
  invalid: [
    {
      name: "a dict filled by d[k] = v in a helper, read with .get(k, default)",
      code: "def read(path):\n    out = {}\n    for line in open(path):\n        k, v = line.split(\"=\")\n        out[k] = v\n    return out\n\ndef main():\n    cfg = read(\"a.cfg\")\n    limit = cfg.get(\"limit\", 10)\n    if limit > 5:\n        print(\"big\")\n",
      today: "missed",
      errors: [
        {
          messageId: "MW103",
          line: 11,
          column: 8,
          endLine: 11,
          endColumn: 17
        }
      ],
      output: "def read(path):\n    out = {}\n    for line in open(path):\n        k, v = line.split(\"=\")\n        out[k] = v\n    return out\n\ndef main():\n    cfg = read(\"a.cfg\")\n    limit = cfg.get(\"limit\", 10)\n    if float(limit) > 5:\n        print(\"big\")\n"
    },
    {
      name: ".items() of a dict filled by d[k] = v, compared",
      code: "def main(path):\n    totals = {}\n    for line in open(path):\n        host, size = line.split()\n        totals[host] = size\n    biggest = max(totals.values())\n    for host, size in totals.items():\n        if size > 1000:\n            print(host)\n",
      today: "missed",
      errors: [
        {
          messageId: "MW103",
          line: 8,
          column: 12,
          endLine: 8,
          endColumn: 23
        }
      ],
      output: "def main(path):\n    totals = {}\n    for line in open(path):\n        host, size = line.split()\n        totals[host] = size\n    biggest = max(totals.values())\n    for host, size in totals.items():\n        if float(size) > 1000:\n            print(host)\n"
    }
  ]
});
