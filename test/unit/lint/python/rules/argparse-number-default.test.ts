// MW103: an argparse option whose `default=` is a number but that has no `type=` (issue 12, holdout9 f06:64). The
// default is a number only while the option is left out; given on the command line it is text, so comparing it
// with a number raises exactly when the user sets it (docs/rules.md: "an argparse option without `type=`" is data
// text). Look-alikes: `type=float`, numeric `choices=` (text would be rejected), a non-literal default.
// The invalid case failed on the engine before this change (518ada3); the valid ones are guards.
import { ruleTester } from '../ruleTester';

ruleTester('MW103', {
  "valid": [
    {
      "name": "the same option with type=float",
      "code": "import argparse\n\n\ndef parse_args():\n    ap = argparse.ArgumentParser()\n    ap.add_argument(\"--recount-margin\", type=float, default=0.005)\n    return ap.parse_args()\n\n\ndef main(votes):\n    args = parse_args()\n    share = len(votes) / 1000\n    if share < args.recount_margin:\n        print(\"recount\")\n",
      "today": "silent before too: guard"
    },
    {
      "name": "a number default with choices= of numbers (any text given is rejected)",
      "code": "import argparse\n\n\ndef parse_args():\n    ap = argparse.ArgumentParser()\n    ap.add_argument(\"--level\", default=1, choices=[1, 2, 3])\n    return ap.parse_args()\n\n\ndef main(votes):\n    args = parse_args()\n    score = len(votes) / 1000\n    if score > args.level:\n        print(\"above\")\n",
      "today": "silent before too: guard"
    },
    {
      "name": "a constant default with type=float, and action= on another",
      "code": "import argparse\n\nMARGIN = 0.005\n\n\ndef parse_args():\n    ap = argparse.ArgumentParser()\n    ap.add_argument(\"--recount-margin\", default=MARGIN, type=float)\n    ap.add_argument(\"--workers\", default=4, action=\"store\")\n    return ap.parse_args()\n\n\ndef main(votes):\n    args = parse_args()\n    share = len(votes) / 1000\n    if share < args.recount_margin:\n        print(\"recount\")\n",
      "today": "silent before too: guard"
    }
  ],
  "invalid": [
    {
      "name": "an argparse option with a number default but no type= (text whenever it is given; holdout9 f06)",
      "code": "import argparse\n\n\ndef parse_args():\n    ap = argparse.ArgumentParser()\n    ap.add_argument(\"--recount-margin\", default=0.005)\n    return ap.parse_args()\n\n\ndef main(votes):\n    args = parse_args()\n    share = len(votes) / 1000\n    if share < args.recount_margin:\n        print(\"recount\")\n",
      "today": "missed before this change",
      "errors": [
        {
          "messageId": "MW103",
          "line": 13,
          "column": 8,
          "endLine": 13,
          "endColumn": 35
        }
      ],
      "output": "import argparse\n\n\ndef parse_args():\n    ap = argparse.ArgumentParser()\n    ap.add_argument(\"--recount-margin\", default=0.005)\n    return ap.parse_args()\n\n\ndef main(votes):\n    args = parse_args()\n    share = len(votes) / 1000\n    if share < float(args.recount_margin):\n        print(\"recount\")\n"
    }
  ]
});
