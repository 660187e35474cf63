// MW102/MW103: an argparse option without `type=` converted where it sits (`args.w = float(args.w)`) before it
// is used as a number (round-14 review of public code: tseccull/spectools `stack.py`, MW103 and MW102 at error on
// `args.scaling_wavelength` two lines after `args.scaling_wavelength = float(args.scaling_wavelength)`). A store of
// a value that is not text into that attribute of the namespace, on a statement that ends before the read, makes
// the attribute unknown. Look-alikes that keep the finding: the use before the conversion, a store of text
// (`args.w = args.w.strip()`), a store into another attribute, the read inside the conversion's own line.
// The valid cases failed on the engine before this change (4d1f1ee); the invalid ones are guards.
import { ruleTester } from '../ruleTester';

const head =
  'import argparse\n\nparser = argparse.ArgumentParser()\nparser.add_argument("-w", "--scaling_wavelength", default=0.0)\nparser.add_argument("--limit", default=3)\nargs = parser.parse_args()\n';

ruleTester('MW103', {
  "valid": [
    {
      "name": "converted in place on the line before the comparison (spectools stack.py)",
      "code": head + "\nfor f in ['a', 'b']:\n    args.scaling_wavelength = float(args.scaling_wavelength)\n    if args.scaling_wavelength == 0.0:\n        print(f)\n",
      "today": "reported before this change (false)"
    },
    {
      "name": "converted in place under an if, then compared",
      "code": head + "\nif args.limit:\n    args.limit = int(args.limit)\nif len(head) > args.limit:\n    print('long')\n",
      "today": "reported before this change (false)"
    },
    {
      "name": "converted in place inside main() through a namespace returned by a helper",
      "code": "import argparse\n\n\ndef parse():\n    ap = argparse.ArgumentParser()\n    ap.add_argument('--margin', default=0.5)\n    return ap.parse_args()\n\n\ndef main(votes):\n    opts = parse()\n    opts.margin = float(opts.margin)\n    if len(votes) / 10 < opts.margin:\n        print('recount')\n",
      "today": "reported before this change (false)"
    }
  ],
  "invalid": [
    {
      "name": "compared before the conversion (text on the first use)",
      "code": head + "\nif args.limit > 2:\n    print('many')\nargs.limit = int(args.limit)\n",
      "today": "reported before this change too: guard",
      "errors": [{ "messageId": "MW103", "line": 8, "column": 4, "endLine": 8, "endColumn": 18 }],
      "output": head + "\nif float(args.limit) > 2:\n    print('many')\nargs.limit = int(args.limit)\n"
    },
    {
      "name": "the attribute replaced by text (stripped), then compared",
      "code": head + "\nargs.limit = args.limit.strip()\nif args.limit > 2:\n    print('many')\n",
      "today": "reported before this change too: guard",
      "errors": [{ "messageId": "MW103", "line": 9, "column": 4, "endLine": 9, "endColumn": 18 }],
      "output": head + "\nargs.limit = args.limit.strip()\nif float(args.limit) > 2:\n    print('many')\n"
    },
    {
      "name": "another attribute converted in place",
      "code": head + "\nargs.scaling_wavelength = float(args.scaling_wavelength)\nif args.limit > 2:\n    print('many')\n",
      "today": "reported before this change too: guard",
      "errors": [{ "messageId": "MW103", "line": 9, "column": 4, "endLine": 9, "endColumn": 18 }],
      "output": head + "\nargs.scaling_wavelength = float(args.scaling_wavelength)\nif float(args.limit) > 2:\n    print('many')\n"
    }
  ]
});

ruleTester('MW102', {
  "valid": [
    {
      "name": "arithmetic after the in-place conversion (spectools stack.py)",
      "code": head + "\nimport numpy as np\naxis = np.arange(10.0)\nargs.scaling_wavelength = float(args.scaling_wavelength)\nindex = np.argmin(np.abs(axis - args.scaling_wavelength))\n",
      "today": "reported before this change (false)"
    }
  ],
  "invalid": []
});
