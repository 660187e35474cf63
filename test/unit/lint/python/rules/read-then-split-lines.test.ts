// MW302 read-then-split-lines: RuleTester cases for the flows of the v2 analysis (see ../ruleTester.ts for `today`).
import { ruleTester } from '../ruleTester';

ruleTester('MW302', {
  valid: [
    {
      name: "the split lines are measured with len() and walked: the whole list is needed",
      code: "from pathlib import Path\n\n\ndef todos(src_dir):\n    for py in Path(src_dir).rglob(\"*.py\"):\n        content = py.read_text(encoding=\"utf-8\")\n        source_lines = content.splitlines()\n        print(len(source_lines))\n        for ln in source_lines:\n            print(ln)\n",
      today: "silent before too: guard for the split-bound-to-a-name step"
    },
    {
      name: "a bounded read (size=) split and walked",
      code: "def head(path):\n    with open(path) as f:\n        text = f.read(size=65536)\n    for line in text.splitlines():\n        print(line)\n",
      today: "false alarm before in exhaustive mode (read(size=…) was taken for a whole read); keyword arguments of read() are a bound, unlike read_text's encoding="
    },
    {
      name: "only the last line of the split text is read (MW304's case)",
      code: "from pathlib import Path\n\n\ndef last(path: Path):\n    text = path.read_text(encoding=\"utf-8\")\n    lines = text.splitlines()\n    return lines[-1]\n",
      today: "silent before too: guard for the tail idiom"
    },
    {
      name: "rglob on a receiver not known to be a path",
      code: "def load(path):\n    for py in path.rglob(\"*.py\"):\n        content = py.read_text()\n        for ln in content.splitlines():\n            print(ln)\n",
      today: "silent before too: guard, an unknown receiver's rglob gives no path"
    },
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
      name: "a parameter declared Path, read_text with keyword arguments, kept in a name and split in the loop",
      code: "from pathlib import Path\n\n\ndef count(path: Path) -> int:\n    text = path.read_text(encoding=\"utf-8\", errors=\"replace\")\n    n = 0\n    for line in text.splitlines():\n        n += \"ERROR\" in line\n    return n\n",
      today: "missed (holdout5 f01: the trigger wanted `read_text()` with empty parentheses, and only `Path(...)` calls counted as paths)",
      errors: [
        {
          messageId: "MW302",
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 62
        }
      ]
    },
    {
      name: "a path from Path(...).rglob(), its text kept in a name, split into a name walked once",
      code: "from pathlib import Path\n\n\ndef todos(src_dir):\n    counts = {}\n    for py in Path(src_dir).rglob(\"*.py\"):\n        content = py.read_text(encoding=\"utf-8\")\n        source_lines = content.splitlines()\n        for ln in source_lines:\n            if \"TODO\" in ln:\n                counts[str(py)] = counts.get(str(py), 0) + 1\n    return counts\n",
      today: "missed (holdout5 s16: paths from rglob were unknown, and the split had to be iterated where it was made)",
      errors: [
        {
          messageId: "MW302",
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 49
        }
      ]
    },
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

// Flow classes of the fourth holdout's misses (a tuning set since): every `invalid` case here was missed by the
// engine before this round (1dbc2e0) and every `valid` one is a look-alike that must stay silent.
ruleTester('MW302', {
  valid: [
    {
      name: "the kept lines are also counted with len()",
      code: "from pathlib import Path\n\n\ndef count_todos(src_dir):\n    counts = {}\n    for py in Path(src_dir).rglob(\"*.py\"):\n        content = py.read_text(encoding=\"utf-8\")\n        source_lines = content.splitlines()\n        n = 0\n        for ln in source_lines:\n            if \"TODO\" in ln:\n                n += 1\n        counts[str(py)] = n / len(source_lines)\n    return counts\n",
      today: "silent before too: look-alike guard for this round's flow class"
    },
    {
      name: "read_text() of something that is not known to be a path",
      code: "def iter_readings(resource):\n    text = resource.read_text(encoding=\"utf-8\")\n    for line in text.splitlines():\n        yield line.split(\";\")\n",
      today: "silent before too: look-alike guard for this round's flow class"
    },
    {
      name: "read_text() of a Path whose text is also searched whole",
      code: "from pathlib import Path\n\n\ndef parse_stock(path: Path):\n    raw = path.read_text(encoding=\"latin-1\")\n    if \"VOID\" in raw:\n        return []\n    return [line.split(\"|\") for line in raw.splitlines()]\n",
      today: "silent before too: look-alike guard for this round's flow class"
    }
  ],
  invalid: [
    {
      name: "text kept in a name, split into lines kept in another name, walked once",
      code: "from pathlib import Path\n\n\ndef count_todos(src_dir):\n    counts = {}\n    for py in Path(src_dir).rglob(\"*.py\"):\n        content = py.read_text(encoding=\"utf-8\")\n        source_lines = content.splitlines()\n        n = 0\n        for ln in source_lines:\n            if \"TODO\" in ln:\n                n += 1\n        counts[str(py)] = n\n    return counts\n",
      today: "missed by the v2 engine before this round (fifth holdout s16 flow class)",
      errors: [{ messageId: "MW302", line: 7, column: 19, endLine: 7, endColumn: 49 }]
    },
    {
      name: "read_text() of a parameter declared Path, split into lines once",
      code: "from pathlib import Path\n\n\ndef parse_stock(path: Path):\n    raw = path.read_text(encoding=\"latin-1\")\n    items = []\n    for line in raw.splitlines():\n        items.append(line.split(\"|\"))\n    return items\n",
      today: "missed by the v2 engine before this round (holdout4-multi flow class)",
      errors: [{ messageId: "MW302", line: 5, column: 11, endLine: 5, endColumn: 45 }]
    },
    {
      name: "read_text() of a parameter passed a Path by its only caller",
      code: "import sys\nfrom pathlib import Path\n\n\ndef iter_readings(path):\n    text = path.read_text(encoding=\"utf-8\")\n    for line in text.splitlines():\n        yield line.split(\";\")\n\n\ndef main():\n    src = Path(sys.argv[1])\n    for r in iter_readings(src.with_suffix(\".txt\")):\n        print(r)\n",
      today: "missed by the v2 engine before this round (holdout4-multi flow class)",
      errors: [{ messageId: "MW302", line: 6, column: 12, endLine: 6, endColumn: 44 }]
    }
  ]
});

// Flow classes found by an adversarial probe audit (sets, dict displays reached by unpacking, setdefault(k, {})[j],
// cls(...) factories, list repetition/concatenation, **mapping records, subclasses, keyword-only parameters,
// whole text returned by a helper): each invalid case was silent on the engine before it.
ruleTester('MW302', {
  valid: [
    {
      name: "a helper's whole text split and kept (len, index), a bounded read, a tail read, and a json load",
      code: "import json\n\n\ndef load_text(path):\n    with open(path) as f:\n        return f.read()\n\n\ndef head(path):\n    with open(path) as f:\n        return f.read(4096)\n\n\ndef count(path):\n    lines = load_text(path).splitlines()\n    return len(lines), lines[0]\n\n\ndef peek(path):\n    for line in head(path).splitlines():\n        print(line)\n\n\ndef conf(path):\n    return json.loads(load_text(path))\n\n\ndef last(path):\n    return load_text(path).splitlines()[-1]\n",
      today: "silent before too: kept as a guard"
    }
  ],
  invalid: [
    {
      name: "a helper returns f.read(); the caller splits it into lines and walks them once",
      code: "def load_text(path):\n    with open(path) as f:\n        return f.read()\n\n\ndef count(path):\n    n = 0\n    for line in load_text(path).splitlines():\n        if line:\n            n += 1\n    return n\n",
      today: "missed (also by the engine before the flow-class audit); reported at the read since the twelfth holdout (at the caller's split, 8:17, on 11b4611)",
      errors: [{ messageId: "MW302", line: 3, column: 16, endLine: 3, endColumn: 24 }]
    }
  ]
});

// A line counter over the files an in-file lister picks by extension: program source, shown as information by
// the engine (literalInputSize.ts). The same lister picking `.csv` files keeps a plain input.
ruleTester("MW302", {
  valid: [],
  invalid: [
    {
      name: "for f in walk_dir('.'), where walk_dir keeps the names ending in 'py'",
      code: "import os\n\n\ndef walk_dir(path):\n    found = []\n    for root, dirs, files in os.walk(path):\n        for f in files:\n            if f.lower().endswith(\"py\"):\n                found.append(os.path.join(root, f))\n    return found\n\n\ndef count_the_code(path):\n    n = 0\n    with open(path) as f:\n        for line in f.read().split(\"\\n\"):\n            n += 1\n    return n\n\n\nfor f in walk_dir(\".\"):\n    print(f, count_the_code(f))\n",
      today: "a plain warning on 6afeb35 (no input carried)",
      errors: [{ messageId: "MW302", line: 16, column: 21, endLine: 16, endColumn: 41 }],
      sourceCode: true
    },
    {
      name: "look-alike: the same lister keeping '.csv' files",
      code: "import os\n\n\ndef walk_dir(path):\n    found = []\n    for root, dirs, files in os.walk(path):\n        for f in files:\n            if f.lower().endswith(\".csv\"):\n                found.append(os.path.join(root, f))\n    return found\n\n\ndef count_rows(path):\n    n = 0\n    with open(path) as f:\n        for line in f.read().split(\"\\n\"):\n            n += 1\n    return n\n\n\nfor f in walk_dir(\".\"):\n    print(f, count_rows(f))\n",
      today: "found before too: guard (data files stay a plain warning)",
      errors: [{ messageId: "MW302", line: 16, column: 21, endLine: 16, endColumn: 41 }],
      sourceCode: false
    }
  ]
});

// The text kept in a name (`text = dump.read_text()`, then `text.splitlines()`) and written back to the same path
// (`dump.write_text(…)`): an in-place rewrite, as when the split is on the read itself (eleventh holdout,
// prom_rewrite.py:7; a tuning set since). The valid case fails on 042983c.
ruleTester("MW302", {
  valid: [
    {
      name: "text kept in a name, split, and written back to the path it was read from",
      code: "from pathlib import Path\n\n\ndef normalise(dump: Path):\n    text = dump.read_text()\n    kept = [ln.strip() for ln in text.splitlines() if ln.strip()]\n    dump.write_text(\"\\n\".join(kept) + \"\\n\")\n",
      today: "false alarm on 042983c: only the read's own receiver was checked for a write-back"
    }
  ],
  invalid: [
    {
      name: "look-alike: the lines are written to another path",
      code: "from pathlib import Path\n\n\ndef normalise(dump: Path, out: Path):\n    text = dump.read_text()\n    kept = [ln.strip() for ln in text.splitlines() if ln.strip()]\n    out.write_text(\"\\n\".join(kept) + \"\\n\")\n",
      today: "found before too: guard",
      errors: [{ messageId: "MW302", line: 5, column: 12, endLine: 5, endColumn: 28 }]
    }
  ]
});

// The same for MW302: split lines kept in a name and walked once by `enumerate(lines)` in a `for` header (public
// repositories round 11). The invalid case fails on 9dff5a3.
ruleTester("MW302", {
  valid: [
    {
      name: "look-alike: enumerate(lines) inside an outer loop is one walk per outer item",
      code: "import sys\n\nwith open(sys.argv[1]) as f:\n    lines = f.read().splitlines()\nfor word in (\"ERROR\", \"WARN\"):\n    for i, line in enumerate(lines):\n        if word in line:\n            print(word, i)\n",
      today: "silent before too: guard (walked twice)"
    }
  ],
  invalid: [
    {
      name: "split lines kept in a name, walked once by enumerate in a for header",
      code: "import sys\n\nwith open(sys.argv[1]) as f:\n    lines = f.read().splitlines()\nfor i, line in enumerate(lines, start=1):\n    if \"ERROR\" in line:\n        print(i, line)\n",
      today: "missed on 9dff5a3",
      errors: [{ messageId: "MW302", line: 4, column: 13, endLine: 4, endColumn: 34 }]
    }
  ]
});

// A script that stops unless its argument names a source file (`if not fname.endswith(".tex"): quit()` at its top
// level) reads source (public repositories round 12: a LaTeX-to-book converter). The first case fails on 11b4611.
ruleTester("MW302", {
  valid: [],
  invalid: [
    {
      name: "the script quits unless argv names a .tex file: shown as information (source code)",
      code: "import sys\n\nfname = str(sys.argv[1])\nif not fname.endswith(\".tex\"):\n    print(\"File must have a .tex suffix\")\n    quit()\n\ntext = open(fname).read().split(\"\\n\")\nfor line in text:\n    print(line.rstrip())\n",
      today: "a plain warning on 11b4611 (module-level exits and .tex were not source guards)",
      errors: [{ messageId: "MW302", line: 8, column: 8, endLine: 8, endColumn: 38 }],
      sourceCode: true
    },
    {
      name: "look-alike: the same guard for a .csv file keeps a plain input",
      code: "import sys\n\nfname = str(sys.argv[1])\nif not fname.endswith(\".csv\"):\n    print(\"File must have a .csv suffix\")\n    quit()\n\ntext = open(fname).read().split(\"\\n\")\nfor line in text:\n    print(line.rstrip())\n",
      today: "found before too: guard",
      errors: [{ messageId: "MW302", line: 8, column: 8, endLine: 8, endColumn: 38 }],
      sourceCode: false
    }
  ]
});

// A wc clone: the lines are loaded only to be counted (`len(f.readlines())`), one pass that `sum(1 for _ in f)`
// makes in constant memory (public repositories round 12, a course's line_count.py; also seen in rounds 8 and 11).
// The invalid case fails on 11b4611; `widest` (the list also walked by max()) stays silent.
ruleTester("MW302", {
  valid: [],
  invalid: [
    {
      name: "len(f.read().splitlines()) only counts the lines",
      code: "import sys\n\n\ndef count_file(filename):\n    f = open(filename, \"r\")\n    nlines = len(f.readlines())\n    f.close()\n    return nlines\n\n\ndef count_text(filename):\n    with open(filename) as f:\n        return len(f.read().splitlines())\n\n\ndef widest(filename):\n    with open(filename) as f:\n        lines = f.readlines()\n    return len(lines), max(len(x) for x in lines)\n\n\nfor name in sys.argv[1:]:\n    print(name, count_file(name), count_text(name), widest(name))\n",
      today: "missed on 11b4611 (a list passed to len() was not a pass)",
      errors: [{ messageId: "MW302", line: 13, column: 20, endLine: 13, endColumn: 41 }]
    }
  ]
});

// Twelfth holdout (f12_ticks.py:17; a tuning set since): a whole read returned by a helper whose every call is split into
// lines walked once is reported once, at the read inside the helper (rules.md MW302; as a text kept in a name used
// only for the split is), not at the callers. A helper whose text is also used whole, or passed as a value, is silent.
// 11b4611 reported each caller's split instead (wrong position in the invalid cases, a finding in the valid ones).
ruleTester('MW302', {
  valid: [
    {
      name: "one caller splits the helper text, another parses it whole with json.loads",
      code: "import json\n\n\ndef load_text(path):\n    with open(path) as fh:\n        return fh.read()\n\n\ndef halted(path):\n    out = set()\n    for line in load_text(path).splitlines():\n        out.add(line.split()[0])\n    return out\n\n\ndef config(path):\n    return json.loads(load_text(path))\n",
      today: "a finding at the caller (line 11) on 11b4611"
    },
    {
      name: "the helper is also passed as a value to map()",
      code: "def load_text(path):\n    with open(path) as fh:\n        return fh.read()\n\n\ndef halted(paths):\n    texts = list(map(load_text, paths))\n    for line in load_text(paths[0]).splitlines():\n        print(line, len(texts))\n",
      today: "a finding at the caller (line 8) on 11b4611"
    }
  ],
  invalid: [
    {
      name: "a helper returning fh.read() split by two callers: one finding, at the read",
      code: "def load_text(path):\n    with open(path) as fh:\n        return fh.read()\n\n\ndef halted(path):\n    out = set()\n    for line in load_text(path).splitlines():\n        if line and not line.startswith(\"#\"):\n            out.add(line.split()[0])\n    return out\n\n\ndef count(path):\n    n = 0\n    for line in load_text(path).split(\"\\n\"):\n        n += bool(line)\n    return n\n",
      today: "reported at each caller on 11b4611 (lines 8 and 16)",
      errors: [{ messageId: "MW302", line: 3, column: 16, endLine: 3, endColumn: 25 }]
    },
    {
      name: "a helper returning Path(name).read_text() split by its only caller",
      code: "from pathlib import Path\n\n\ndef slurp(name):\n    return Path(name).read_text(encoding=\"utf-8\")\n\n\ndef main(name):\n    errors = 0\n    for line in slurp(name).splitlines():\n        errors += \"ERROR\" in line\n    print(errors)\n",
      today: "reported at the caller on 11b4611 (line 10)",
      errors: [{ messageId: "MW302", line: 5, column: 12, endLine: 5, endColumn: 50 }]
    }
  ]
});

// A file read whole through a handle never named (`text = open(path).read()`, `Path(name).read_text()`,
// `p.open().read()`), split into lines, then its path opened again for writing (or a path name read whole, then
// `open(p, "w")`): an in-place rewrite, the text needed whole (fourteenth holdout, catch_dedupe.py:5). The valid cases
// fail on 0db804a; the invalid ones are look-alikes found before too.
ruleTester("MW302", {
  valid: [
    {
      name: "module level: text = open(path).read(), lines walked, then with open(path, 'w')",
      code: "import sys\n\n# drop blank and duplicate lines, in place\npath = sys.argv[1]\ntext = open(path).read()\nseen = set()\nkept = []\nfor line in text.splitlines():\n    if line.strip() and line not in seen:\n        seen.add(line)\n        kept.append(line)\nwith open(path, \"w\") as f:\n    f.write(\"\\n\".join(kept) + \"\\n\")\n",
      today: "false alarm on 0db804a: a handle never named (an opening or path call as the read's receiver) was not followed to its path"
    },
    {
      name: "inside a function: open(path, 'w').write(...) after the split",
      code: "def strip_trailing(path):\n    text = open(path, encoding=\"utf-8\").read()\n    kept = [ln.rstrip() for ln in text.splitlines()]\n    open(path, \"w\", encoding=\"utf-8\").write(\"\\n\".join(kept) + \"\\n\")\n",
      today: "false alarm on 0db804a: a handle never named (an opening or path call as the read's receiver) was not followed to its path"
    },
    {
      name: "the split on the unnamed read itself, then with open(path, 'w')",
      code: "def dedupe(path):\n    kept = []\n    for line in open(path).read().splitlines():\n        if line not in kept:\n            kept.append(line)\n    with open(path, \"w\") as out:\n        out.write(\"\\n\".join(kept))\n",
      today: "false alarm on 0db804a: a handle never named (an opening or path call as the read's receiver) was not followed to its path"
    },
    {
      name: "Path(name).read_text() split, then Path(name).write_text(...)",
      code: "from pathlib import Path\n\n\ndef tidy(name):\n    text = Path(name).read_text()\n    kept = [ln for ln in text.splitlines() if ln.strip()]\n    Path(name).write_text(\"\\n\".join(kept) + \"\\n\")\n",
      today: "false alarm on 0db804a: a handle never named (an opening or path call as the read's receiver) was not followed to its path"
    },
    {
      name: "a Path parameter read whole, split, then open(p, 'w')",
      code: "from pathlib import Path\n\n\ndef tidy(p: Path):\n    text = p.read_text()\n    kept = [ln for ln in text.splitlines() if ln.strip()]\n    with open(p, \"w\") as f:\n        f.write(\"\\n\".join(kept))\n",
      today: "false alarm on 0db804a: a path name read whole was followed to `p.write_text` only, not to `open(p, \"w\")`"
    },
    {
      name: "p.open().read() split, then p.write_text(...)",
      code: "from pathlib import Path\n\n\ndef tidy(p: Path):\n    text = p.open().read()\n    kept = [ln for ln in text.splitlines() if ln.strip()]\n    p.write_text(\"\\n\".join(kept))\n",
      today: "false alarm on 0db804a: a handle never named (an opening or path call as the read's receiver) was not followed to its path"
    },
    {
      name: "Path(target).read_text() at module level, then open(target, 'w'): the same file spelled two ways",
      code: "import sys\nfrom pathlib import Path\n\ntarget = sys.argv[1]\ntext = Path(target).read_text()\nkept = [ln for ln in text.splitlines() if ln.strip()]\nwith open(target, \"w\") as f:\n    f.write(\"\\n\".join(kept))\n",
      today: "false alarm on 0db804a: a handle never named (an opening or path call as the read's receiver) was not followed to its path"
    }
  ],
  invalid: [
    {
      name: "look-alike: another path written (path + '.bak')",
      code: "import sys\n\npath = sys.argv[1]\ntext = open(path).read()\nkept = [ln for ln in text.splitlines() if ln.strip()]\nwith open(path + \".bak\", \"w\") as f:\n    f.write(\"\\n\".join(kept))\n",
      today: "found before too: guard",
      errors: [{ messageId: "MW302", line: 4, column: 8, endLine: 4, endColumn: 25 }]
    },
    {
      name: "look-alike: the write comes before the read",
      code: "def reset_then_read(path):\n    with open(path, \"w\") as f:\n        f.write(\"header\\n\")\n    text = open(path).read()\n    for line in text.splitlines():\n        print(line)\n",
      today: "found before too: guard",
      errors: [{ messageId: "MW302", line: 4, column: 12, endLine: 4, endColumn: 29 }]
    },
    {
      name: "look-alike: the lines are written to a different file",
      code: "def copy_clean(src, dst):\n    text = open(src).read()\n    kept = [ln for ln in text.splitlines() if ln.strip()]\n    open(dst, \"w\").write(\"\\n\".join(kept))\n",
      today: "found before too: guard",
      errors: [{ messageId: "MW302", line: 2, column: 12, endLine: 2, endColumn: 28 }]
    },
    {
      name: "look-alike: the same path opened again only for reading",
      code: "def show(path):\n    text = open(path).read()\n    kept = [ln for ln in text.splitlines() if ln.strip()]\n    with open(path) as f:\n        print(f.read(), kept)\n",
      today: "found before too: guard",
      errors: [{ messageId: "MW302", line: 2, column: 12, endLine: 2, endColumn: 29 }]
    },
    {
      name: "look-alike: Path(name).with_suffix('.out') written, another file",
      code: "from pathlib import Path\n\n\ndef tidy(name):\n    text = Path(name).read_text()\n    kept = [ln for ln in text.splitlines() if ln.strip()]\n    Path(name).with_suffix(\".out\").write_text(\"\\n\".join(kept))\n",
      today: "found before too: guard",
      errors: [{ messageId: "MW302", line: 5, column: 12, endLine: 5, endColumn: 34 }]
    }
  ]
});
