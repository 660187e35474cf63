// MW103 text-number-comparison: a number plus a value the analysis does not know (a JSON value, a library call's
// result) is a number whenever it runs, since a number plus a str, list or tuple raises. The fifteenth holdout's
// ice_rink_slots.py:22 (skaters summed per slot with `per.get(k, 0) + b["skaters"]`, then compared with argv text).
import { ruleTester } from '../ruleTester';

const SUMMED = (limit: string, total: string) =>
  `import json\nimport sys\n\n\ndef totals(path):\n    with open(path) as f:\n        data = json.load(f)\n    per = {}\n    for b in data["bookings"]:\n        per[b["slot"]] = ${total}\n    return per\n\n\nlimit = ${limit}\nfor slot, booked in totals(sys.argv[1]).items():\n    if booked > limit:\n        print(slot)\n`;

ruleTester('MW103', {
  valid: [
    {
      name: 'the argv limit is converted',
      code: SUMMED('int(sys.argv[2])', 'per.get(b["slot"], 0) + b["skaters"]'),
      today: 'silent before too: guard',
    },
    {
      name: 'a number repeated by `*` with an unknown value may be a str repetition: unknown',
      code: SUMMED('sys.argv[2]', '3 * b["label"]'),
      today: 'silent before too: guard, `*` is not a number for sure',
    },
    {
      name: 'a str literal plus an unknown value is not a number',
      code: SUMMED('sys.argv[2]', '"slot-" + b["label"]'),
      today: 'silent before too: guard',
    },
  ],
  invalid: [
    {
      name: 'a JSON value summed per key from 0, compared with argv text',
      code: SUMMED('sys.argv[2]', 'per.get(b["slot"], 0) + b["skaters"]'),
      today: 'missed (fifteenth holdout ice_rink_slots.py:22: a number plus an unknown value was unknown)',
      errors: [{ messageId: 'MW103', line: 16, column: 8, endLine: 16, endColumn: 22 }],
      output: SUMMED('sys.argv[2]', 'per.get(b["slot"], 0) + b["skaters"]').replace('if booked > limit', 'if booked > float(limit)'),
    },
    {
      name: 'an unknown value plus a number, compared with argv text',
      code: SUMMED('sys.argv[2]', 'b["skaters"] + 1'),
      today: 'missed (a number plus an unknown value was unknown)',
      errors: [{ messageId: 'MW103', line: 16, column: 8, endLine: 16, endColumn: 22 }],
      output: SUMMED('sys.argv[2]', 'b["skaters"] + 1').replace('if booked > limit', 'if booked > float(limit)'),
    },
  ],
});
