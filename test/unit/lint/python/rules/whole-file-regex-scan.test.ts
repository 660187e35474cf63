// MW305 whole-file-regex-scan: RuleTester cases (see ../ruleTester.ts for `today`). The rule is new in this
// change; every invalid case is silent on a2b605b, which had no such rule.
import { ruleTester } from '../ruleTester';

ruleTester('MW305', {
  valid: [
    {
      name: "patterns that may cross lines or anchor to the whole text, over a text also used whole",
      code: "import re\nimport sys\n\nwith open(sys.argv[1]) as f:\n    text = f.read()\nquoted = re.findall(r'\"([^\"]*)\"', text)\nblocks = re.findall(r\"BEGIN(.*?)END\", text, re.S)\nspaced = re.findall(r\"user\\s+(\\w+)\", text)\nfirst = re.findall(r\"^\\d+\", text)\nprint(len(quoted), len(blocks), len(spaced), first, len(text))\n",
      today: "silent: [^\"] and \\s may match a newline, re.S makes . match one, ^ without re.M anchors to the text's start; len(text) uses it whole too"
    },
    {
      name: "a sized read, an ElementTree findall, a text used twice",
      code: "import re\nimport sys\nimport xml.etree.ElementTree as ET\n\nwith open(sys.argv[1]) as f:\n    head = f.read(65536)\nprint(re.findall(r\"\\d+\", head))\nroot = ET.parse(sys.argv[2]).getroot()\nprint(root.findall(\"item\"))\nwith open(sys.argv[3]) as g:\n    body = g.read()\n    print(re.findall(r\"\\d+\", body))\n    print(body.count(\"x\"))\n",
      today: "silent: read(65536) is one piece; root.findall is not a regex; body.count is a second use"
    },
    {
      name: "the text also rewritten into the same file",
      code: "import re\nimport sys\n\nwith open(sys.argv[1]) as f:\n    text = f.read()\nprint(re.findall(r\"\\d+\", text))\nwith open(sys.argv[1], \"w\") as out:\n    out.write(re.sub(r\"\\d+\", \"#\", text))\n",
      today: "silent: the text is used again (re.sub, written back), so it is needed whole"
    },
    {
      name: "a pattern name bound twice, and flags given as a parameter",
      code: "import re\nimport sys\n\nPAT = re.compile(r\"\\d+\")\nPAT = re.compile(r\"[^,]+\")\n\n\ndef scan(path, flags):\n    with open(path) as f:\n        body = f.read()\n    return PAT.findall(body), re.findall(r\"\\w+\", open(path).read(), flags)\n\n\nprint(scan(sys.argv[1], re.S))\n",
      today: "silent: PAT may be either pattern; flags from a caller may be DOTALL"
    },
    {
      name: "the pattern's name is also a parameter of the scanning function (the module's literal is not what it reads)",
      code: "import re\nimport sys\n\nPAT = r\"\\d+\"\n\n\ndef scan(PAT, path):\n    return re.findall(PAT, open(path).read())\n\n\nprint(scan(r\"[^;]+\", sys.argv[1]))\n",
      today: "reported by the first MW305 (81b60ed), which took any single `PAT =` in the file for the pattern"
    },
    {
      name: "a class range that spans the newline ([\\t-\\r]: ASCII whitespace without the space)",
      code: "import re\nimport sys\n\nwith open(sys.argv[1]) as f:\n    pairs = re.findall(r\"\\w+[\\t-\\r]\\w+\", f.read())\nprint(pairs)\n",
      today: "reported by MW305 before the round-18 fix: the range's ends are escapes, and it holds U+000A"
    }
  ],
  invalid: [
    {
      name: "re.findall of an IP pattern over f.read(), into a Counter",
      code: "import re\nimport sys\nfrom collections import Counter\n\nwith open(sys.argv[1]) as f:\n    ips = re.findall(r\"\\d+\\.\\d+\\.\\d+\\.\\d+\", f.read())\nprint(Counter(ips).most_common(10))\n",
      today: "new rule",
      errors: [{ messageId: "MW305", line: 6, column: 45, endLine: 6, endColumn: 53 }]
    },
    {
      name: "a compiled word pattern's finditer over a text kept in a name used only there",
      code: "import re\nimport sys\n\nWORD = re.compile(r\"\\b\\w+\\b\", re.IGNORECASE)\n\n\ndef count_words(path):\n    with open(path, encoding=\"utf-8\") as fh:\n        text = fh.read()\n    return sum(1 for _ in WORD.finditer(text))\n\n\nprint(count_words(sys.argv[1]))\n",
      today: "new rule",
      errors: [{ messageId: "MW305", line: 9, column: 16, endLine: 9, endColumn: 25 }]
    },
    {
      name: "the text's name also in a commented-out print, the pattern in a name bound once",
      code: "import re\nimport sys\n\n\ndef reader(filename):\n    with open(filename) as f:\n        log = f.read()\n        # print(log)\n        regexp = r\"\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\"\n        return re.findall(regexp, log)\n\n\nprint(len(reader(sys.argv[1])))\n",
      today: "missed on 81b60ed: the comment counted as a second use of the text (round 15, ApacheLogParserVisual ip_logging_CSV.py)",
      errors: [{ messageId: "MW305", line: 7, column: 15, endLine: 7, endColumn: 23 }]
    },
    {
      name: "^ with re.M over Path.read_text()",
      code: "import re\nimport sys\nfrom pathlib import Path\n\nerrors = re.findall(r\"^ERROR (\\w+)\", Path(sys.argv[1]).read_text(), re.M)\nprint(len(errors))\n",
      today: "new rule",
      errors: [{ messageId: "MW305", line: 5, column: 38, endLine: 5, endColumn: 67 }]
    }
  ]
});
