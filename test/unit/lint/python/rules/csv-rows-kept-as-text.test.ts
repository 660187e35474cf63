// MW201 csv-rows-kept-as-text: RuleTester cases for the flows of the v2 analysis (see ../ruleTester.ts for `today`).
import { ruleTester } from '../ruleTester';

ruleTester('MW201', {
  valid: [],
  invalid: [
    {
      name: "csv.DictReader rows of a `Path.open()` kept in a list, a field compared in another function",
      code: "import csv\nfrom pathlib import Path\n\n\ndef load_orders(path: Path) -> list[dict]:\n    rows = []\n    with path.open(newline=\"\", encoding=\"utf-8\") as f:\n        for row in csv.DictReader(f):\n            rows.append(row)\n    return rows\n\n\ndef expensive(rows: list[dict]) -> list[dict]:\n    return [r for r in rows if r[\"unit_price\"] > 5000]\n\n\ndef run(data_dir: Path) -> None:\n    expensive(load_orders(data_dir / \"orders.csv\"))\n",
      today: "missed",
      errors: [
        {
          messageId: "MW201",
          line: 8,
          column: 20,
          endLine: 8,
          endColumn: 37
        }
      ]
    },
    {
      name: "rows kept, then a bare pstdev over a field",
      code: "import csv\nfrom statistics import pstdev\n\nrows = []\nwith open(\"t.csv\") as f:\n    for row in csv.reader(f):\n        rows.append(row)\nprint(pstdev([r[1] for r in rows]))\n",
      today: "missed",
      errors: [
        {
          messageId: "MW201",
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 29
        }
      ]
    }
  ]
});
