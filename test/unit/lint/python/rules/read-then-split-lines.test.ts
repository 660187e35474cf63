// MW302 read-then-split-lines: RuleTester cases for the flows of the v2 analysis (see ../ruleTester.ts for `today`).
import { ruleTester } from '../ruleTester';

ruleTester('MW302', {
  valid: [
    {
      "name": "lines read from a path that is written back afterwards",
      "code": "from pathlib import Path\n\np = Path(\"notes.txt\")\nlines = p.read_text().splitlines()\nout = []\nfor line in lines:\n    out.append(line.strip())\np.write_text(\"\\n\".join(out))\n",
      "today": "false alarm (the in-place rewrite found on a public repository, in its read_text form)"
    },
    {
      name: "a split whole file passed to a function that returns it",
      code: "from pathlib import Path\n\n\ndef keep(lines):\n    return lines\n\n\ndef main(name):\n    p = Path(name)\n    return keep(p.read_text().splitlines())\n",
      today: "silent before too: kept as a guard (the new argument-to-parameter step must not fire here)"
    },
    {
      name: "a helper whose caller keeps the lines",
      code: "def lines(path):\n    with open(path) as f:\n        return f.read().splitlines()\n\ndef main(path):\n    kept = lines(path)\n    print(len(kept))\n",
      today: "silent before too: kept as a guard"
    }
  ],
  invalid: [
    {
      name: "a Path bound to a name, read whole and split, passed to a function that walks it once",
      code: "from pathlib import Path\n\n\ndef count_errors(lines):\n    n = 0\n    for line in lines:\n        if \"ERROR\" in line:\n            n += 1\n    return n\n\n\ndef main(name):\n    p = Path(name)\n    return count_errors(p.read_text().splitlines())\n",
      today: "missed",
      errors: [
        {
          messageId: "MW302",
          line: 14,
          column: 25,
          endLine: 14,
          endColumn: 51
        }
      ]
    },
    {
      name: "whole-file read behind a variable (p = Path(...); p.read_text().split)",
      code: "from pathlib import Path\n\ndef main():\n    p = Path(\"log.txt\")\n    for line in p.read_text().split(\"\\n\"):\n        print(line)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [
        {
          messageId: "MW302",
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 42
        }
      ]
    },
    {
      name: "a helper returning f.read().splitlines() to a caller that walks it once",
      code: "def lines(path):\n    with open(path) as f:\n        return f.read().splitlines()\n\ndef main(path):\n    for line in lines(path):\n        print(line)\n",
      today: "missed",
      errors: [
        {
          messageId: "MW302",
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 37
        }
      ]
    }
  ]
});
