// MW406 json-load-one-key: RuleTester cases (see ../ruleTester.ts for `today`).
// Newly fixed behaviour (failed on the engine at 3ae019f, pass with the fix in rules/json-load-one-key.ts): "a key
// with a dash", "a document kept on self and one key iterated in another method", "a helper returning json.load(f) to
// a caller that iterates one key", "a helper whose caller binds the document and iterates one key". Every other case
// passes on 3ae019f and is a regression guard.
// On 27cfc42, before the v2 analysis, 5 of the 23 failed (`today` says how): "a fixed configuration file", "a key
// with a dash", "a document kept on self and one key iterated in another method", "a helper returning json.load(f) to
// a caller that iterates one key", "a helper whose caller binds the document and iterates one key".
import { ruleTester } from '../ruleTester';

ruleTester('MW406', {
  valid: [
    {
      name: "a noqa on the load silences it",
      code: "import json\n\nwith open(\"export.json\") as f:\n    data = json.load(f)  # noqa: MW406\nfor event in data[\"events\"]:\n    print(event)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a fixed configuration file",
      code: "import json\n\nwith open(\"config.json\") as f:\n    cfg = json.load(f)\nfor plugin in cfg[\"plugins\"]:\n    print(plugin)\n",
      today: "false alarm"
    },
    {
      name: "two keys are used",
      code: "import json\n\nwith open(\"export.json\") as f:\n    data = json.load(f)\nprint(data[\"version\"])\nfor event in data[\"events\"]:\n    print(event)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "the whole document is printed too",
      code: "import json\n\nwith open(\"export.json\") as f:\n    data = json.load(f)\nfor event in data[\"events\"]:\n    print(event)\nprint(data)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "the document is returned",
      code: "import json\n\ndef load(path):\n    with open(path) as f:\n        data = json.load(f)\n    for e in data[\"events\"]:\n        print(e)\n    return data\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "the document is passed to another function",
      code: "import json\n\nwith open(\"export.json\") as f:\n    data = json.load(f)\nfor e in data[\"events\"]:\n    print(e)\nsave(data)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "the key is read but not iterated",
      code: "import json\n\nwith open(\"export.json\") as f:\n    data = json.load(f)\nprint(len(data[\"events\"]))\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "json.loads of a string",
      code: "import json\n\ndef parse(text):\n    data = json.loads(text)\n    for e in data[\"events\"]:\n        print(e)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a document on self also read whole from outside the class",
      code: "import json\n\nclass Export:\n    def __init__(self, path):\n        with open(path) as f:\n            self.data = json.load(f)\n\n    def users(self):\n        for e in self.data[\"events\"]:\n            print(e[\"user\"])\n\nexp = Export(\"export.json\")\nprint(exp.data)\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a document on self read through two keys in two methods",
      code: "import json\n\nclass Export:\n    def __init__(self, path):\n        with open(path) as f:\n            self.data = json.load(f)\n\n    def users(self):\n        for e in self.data[\"events\"]:\n            print(e[\"user\"])\n\n    def version(self):\n        return self.data[\"version\"]\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a helper whose second caller keeps the whole document",
      code: "import json\n\ndef load(path):\n    with open(path) as f:\n        return json.load(f)\n\nfor event in load(\"export.json\")[\"events\"]:\n    print(event)\nprint(load(\"other.json\"))\n",
      today: "silent before too: kept as a guard"
    },
    {
      name: "a helper passed on as a callback",
      code: "import json\n\ndef load(path):\n    with open(path) as f:\n        return json.load(f)\n\ndocs = list(map(load, [\"a.json\", \"b.json\"]))\nfor event in load(\"export.json\")[\"events\"]:\n    print(event)\n",
      today: "silent before too: kept as a guard"
    }
  ],
  invalid: [
    {
      name: "doc example: loaded in a with, one key iterated after it",
      code: "import json\n\nwith open(\"export.json\") as f:\n    data = json.load(f)\nfor event in data[\"events\"]:\n    print(event[\"user\"])\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW406", line: 4, column: 12, endLine: 4, endColumn: 24 }]
    },
    {
      name: "the key iterated straight off the call",
      code: "import json\n\nwith open(\"export.json\") as f:\n    for event in json.load(f)[\"events\"]:\n        print(event)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW406", line: 4, column: 18, endLine: 4, endColumn: 30 }]
    },
    {
      name: ".get() of the key, iterated straight off the call",
      code: "import json\n\nwith open(\"export.json\") as f:\n    for event in json.load(f).get(\"events\", []):\n        print(event)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW406", line: 4, column: 18, endLine: 4, endColumn: 30 }]
    },
    {
      name: "the key iterated by a comprehension in a function",
      code: "import json\n\ndef users(path):\n    with open(path) as f:\n        doc = json.load(f)\n    return [e[\"user\"] for e in doc[\"events\"]]\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW406", line: 5, column: 15, endLine: 5, endColumn: 27 }]
    },
    {
      name: "the key read with .get() and iterated",
      code: "import json\n\ndef users(path):\n    with open(path) as f:\n        doc = json.load(f)\n    for e in doc.get(\"events\"):\n        print(e)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW406", line: 5, column: 15, endLine: 5, endColumn: 27 }]
    },
    {
      name: "opened from a Path variable",
      code: "import json\nfrom pathlib import Path\n\nsrc = Path(\"exports\") / \"day.json\"\nwith src.open() as f:\n    data = json.load(f)\nfor event in data[\"events\"]:\n    print(event)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW406", line: 6, column: 12, endLine: 6, endColumn: 24 }]
    },
    {
      name: "a noqa for another code does not hide it",
      code: "import json\n\nwith open(\"export.json\") as f:\n    data = json.load(f)  # noqa: MW301\nfor event in data[\"events\"]:\n    print(event)\n",
      today: "found before too: kept as a guard for this flow",
      errors: [{ messageId: "MW406", line: 4, column: 12, endLine: 4, endColumn: 24 }]
    },
    {
      name: "a key with a dash",
      code: "import json\n\nwith open(\"export.json\") as f:\n    data = json.load(f)\nfor e in data[\"user-events\"]:\n    print(e)\n",
      today: "missed",
      errors: [{ messageId: "MW406", line: 4, column: 12, endLine: 4, endColumn: 24 }]
    },
    {
      name: "a document kept on self and one key iterated in another method",
      code: "import json\n\nclass Export:\n    def __init__(self, path):\n        with open(path) as f:\n            self.data = json.load(f)\n\n    def users(self):\n        for e in self.data[\"events\"]:\n            print(e[\"user\"])\n",
      today: "missed",
      errors: [{ messageId: "MW406", line: 6, column: 25, endLine: 6, endColumn: 37 }]
    },
    {
      name: "a helper returning json.load(f) to a caller that iterates one key",
      code: "import json\n\ndef load(path):\n    with open(path) as f:\n        return json.load(f)\n\nfor event in load(\"export.json\")[\"events\"]:\n    print(event)\n",
      today: "missed",
      errors: [{ messageId: "MW406", line: 5, column: 16, endLine: 5, endColumn: 28 }]
    },
    {
      name: "a helper whose caller binds the document and iterates one key",
      code: "import json\n\ndef load(path):\n    with open(path) as f:\n        return json.load(f)\n\ndef main():\n    doc = load(\"export.json\")\n    for e in doc.get(\"events\"):\n        print(e)\n",
      today: "missed",
      errors: [{ messageId: "MW406", line: 5, column: 16, endLine: 5, endColumn: 28 }]
    }
  ]
});

// Found on public code (realrepos10, pcc_2e's earthquake maps): the one key is kept in a name first, and only that
// name is iterated. Fails on 518ada3 (the name was taken as a second use of the document).
ruleTester('MW406', {
  valid: [
    {
      name: "the key kept in a name that is also measured",
      code: "import json\n\nwith open(\"export.json\") as f:\n    doc = json.load(f)\nitems = doc[\"records\"]\nprint(len(items))\nfor item in items:\n    print(item)\n",
      today: "silent before too: a look-alike of the alias flow"
    },
    {
      name: "the key kept in a name only tested for membership",
      code: "import json\n\nwith open(\"export.json\") as f:\n    doc = json.load(f)\nitems = doc[\"records\"]\nif \"x\" in items:\n    print(\"x\")\n",
      today: "silent before too: a look-alike of the alias flow"
    },
    {
      name: "the key kept in a name that is returned",
      code: "import json\n\ndef load(path):\n    with open(path) as f:\n        doc = json.load(f)\n    items = doc[\"records\"]\n    for item in items:\n        print(item)\n    return items\n",
      today: "silent before too: a look-alike of the alias flow"
    },
  ],
  invalid: [
    {
      name: "the key kept in a name, then the name iterated",
      code: "import json\n\nwith open(\"events_export.json\") as fh:\n    doc = json.load(fh)\n\nitems = doc[\"records\"]  # the one key\ntotal = 0\nfor item in items:\n    total += item[\"size\"]\nprint(total)\n",
      today: "missed",
      errors: [{ messageId: "MW406", line: 4, column: 11, endLine: 4, endColumn: 24 }]
    },
    {
      name: "the key kept with .get() in a function, iterated by a comprehension",
      code: "import json\n\ndef sizes(path):\n    with open(path) as f:\n        doc = json.load(f)\n    feats = doc.get(\"features\")\n    return [x[\"size\"] for x in feats]\n",
      today: "missed",
      errors: [{ messageId: "MW406", line: 5, column: 15, endLine: 5, endColumn: 27 }]
    },
  ],
});

// A configuration file named through a parameter: every in-file call gives it a config path, by argument or by the
// parameter's default. Both valid cases were false alarms before this round (b6b0542: only a literal at the open() was read).
ruleTester('MW406', {
  valid: [
    {
      name: "a config path as the parameter's default, the one call passing none",
      code: "import json\n\n\ndef ignored_types(config_path=\"config.json\"):\n    with open(config_path, encoding=\"utf-8\") as f:\n        cfg = json.load(f)\n    return {t for t in cfg[\"ignore_types\"]}\n\n\nprint(ignored_types())\n",
      today: "false alarm on b6b0542: only a literal path at the open() counted as configuration"
    },
    {
      name: "every call passes a settings file",
      code: "import json\n\n\ndef load_rules(path):\n    with open(path) as f:\n        doc = json.load(f)\n    for rule in doc[\"rules\"]:\n        print(rule)\n\n\nload_rules(\"settings.json\")\nload_rules(\"settings.local.json\")\n",
      today: "false alarm on b6b0542: only a literal path at the open() counted as configuration"
    }
  ],
  invalid: []
});
