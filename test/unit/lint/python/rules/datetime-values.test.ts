// datetime values (library/model.ts rows `returns: 'moment' | 'span'`, facts/timeValues.ts): numbers taken from
// dates are numbers (`(today - due).days`, `gap.total_seconds()`, `d.year`, `span.seconds`), so data text compared
// with or added to them is MW103/MW102 (holdout9 loans_overdue:31); text formatted from a date is not data, and a
// `.days` of a value of unknown kind stays unknown. Invalid cases failed on the engine before this change (518ada3);
// valid ones are guards.
import { ruleTester } from '../ruleTester';

ruleTester('MW103', {
  "valid": [
    {
      "name": "the same days compared with the option converted",
      "code": "import argparse\nfrom datetime import date, datetime\n\n\ndef parse_args():\n    p = argparse.ArgumentParser()\n    p.add_argument(\"logfile\")\n    p.add_argument(\"--grace\", default=\"3\")\n    return p.parse_args()\n\n\ndef open_loans(path):\n    loans = {}\n    with open(path) as fh:\n        for line in fh:\n            item, patron, when = line.rstrip(\"\\n\").split(\"|\")\n            loans[item] = (patron, datetime.strptime(when, \"%Y-%m-%d\").date())\n    return loans\n\n\ndef notices(loans, grace, today):\n    for item, (patron, due) in sorted(loans.items()):\n        late = (today - due).days\n        if late > int(grace):\n            yield f\"{patron}: item {item} is {late} days late\"\n\n\ndef main():\n    args = parse_args()\n    for text in notices(open_loans(args.logfile), args.grace, date.today()):\n        print(text)\n",
      "today": "silent before too: guard"
    },
    {
      "name": "a date field parsed, its year compared with a number, its text with text",
      "code": "import sys\nfrom datetime import datetime\n\n\ndef recent(path, cutoff):\n    for line in open(path):\n        stamp, value = line.split(\",\")\n        when = datetime.strptime(stamp, \"%Y-%m-%d\")\n        if when.year >= 2020 and stamp > cutoff and when.strftime(\"%m\") == \"01\":\n            print(float(value))\n\n\nrecent(sys.argv[1], \"2020-06-01\")\n",
      "today": "silent before too: guard"
    },
    {
      "name": "a timedelta compared with a timedelta, days printed",
      "code": "import csv\nfrom datetime import datetime, timedelta\n\n\ndef late(path, grace):\n    window = timedelta(days=grace)\n    with open(path, newline=\"\") as f:\n        for rec in csv.DictReader(f):\n            due = datetime.fromisoformat(rec[\"due\"])\n            if datetime.now() - due > window and rec[\"status\"] != \"0\":\n                print(rec[\"id\"], (datetime.now() - due).days)\n\n\nlate(\"loans.csv\", 3)\n",
      "today": "silent before too: guard"
    },
    {
      "name": ".days of a value whose kind is unknown stays unknown",
      "code": "import csv\n\n\ndef report(path, gap):\n    with open(path, newline=\"\") as f:\n        for row in csv.reader(f):\n            if gap.days > row[2]:\n                print(row[0])\n",
      "today": "silent before too: guard"
    }
  ],
  "invalid": [
    {
      "name": "days of a date difference compared with an argparse option (holdout9 loans_overdue)",
      "code": "import argparse\nfrom datetime import date, datetime\n\n\ndef parse_args():\n    p = argparse.ArgumentParser()\n    p.add_argument(\"logfile\")\n    p.add_argument(\"--grace\", default=\"3\")\n    return p.parse_args()\n\n\ndef open_loans(path):\n    loans = {}\n    with open(path) as fh:\n        for line in fh:\n            item, patron, when = line.rstrip(\"\\n\").split(\"|\")\n            loans[item] = (patron, datetime.strptime(when, \"%Y-%m-%d\").date())\n    return loans\n\n\ndef notices(loans, grace, today):\n    for item, (patron, due) in sorted(loans.items()):\n        late = (today - due).days\n        if late > grace:\n            yield f\"{patron}: item {item} is {late} days late\"\n\n\ndef main():\n    args = parse_args()\n    for text in notices(open_loans(args.logfile), args.grace, date.today()):\n        print(text)\n",
      "today": "missed before this change",
      "errors": [
        {
          "messageId": "MW103",
          "line": 24,
          "column": 12,
          "endLine": 24,
          "endColumn": 24
        }
      ],
      "output": "import argparse\nfrom datetime import date, datetime\n\n\ndef parse_args():\n    p = argparse.ArgumentParser()\n    p.add_argument(\"logfile\")\n    p.add_argument(\"--grace\", default=\"3\")\n    return p.parse_args()\n\n\ndef open_loans(path):\n    loans = {}\n    with open(path) as fh:\n        for line in fh:\n            item, patron, when = line.rstrip(\"\\n\").split(\"|\")\n            loans[item] = (patron, datetime.strptime(when, \"%Y-%m-%d\").date())\n    return loans\n\n\ndef notices(loans, grace, today):\n    for item, (patron, due) in sorted(loans.items()):\n        late = (today - due).days\n        if late > float(grace):\n            yield f\"{patron}: item {item} is {late} days late\"\n\n\ndef main():\n    args = parse_args()\n    for text in notices(open_loans(args.logfile), args.grace, date.today()):\n        print(text)\n"
    },
    {
      "name": "total_seconds() of a difference of datetimes parsed under a module alias",
      "code": "import datetime as dt\nimport sys\n\n\ndef hours_over(path):\n    for line in open(path):\n        start, end, budget = line.split(\",\")\n        worked = (dt.datetime.fromisoformat(end) - dt.datetime.fromisoformat(start)).total_seconds()\n        if worked > budget:\n            print(line)\n\n\nhours_over(sys.argv[1])\n",
      "today": "missed before this change",
      "errors": [
        {
          "messageId": "MW103",
          "line": 9,
          "column": 12,
          "endLine": 9,
          "endColumn": 27
        }
      ],
      "output": "import datetime as dt\nimport sys\n\n\ndef hours_over(path):\n    for line in open(path):\n        start, end, budget = line.split(\",\")\n        worked = (dt.datetime.fromisoformat(end) - dt.datetime.fromisoformat(start)).total_seconds()\n        if worked > float(budget):\n            print(line)\n\n\nhours_over(sys.argv[1])\n"
    },
    {
      "name": "seconds of a timedelta compared with a csv field",
      "code": "import csv\nfrom datetime import timedelta\n\n\ndef overtime(path):\n    shift = timedelta(hours=8)\n    with open(path) as f:\n        for row in csv.reader(f):\n            if shift.seconds < row[2]:\n                print(row[0])\n",
      "today": "missed before this change",
      "errors": [
        {
          "messageId": "MW103",
          "line": 9,
          "column": 16,
          "endLine": 9,
          "endColumn": 38
        }
      ],
      "output": "import csv\nfrom datetime import timedelta\n\n\ndef overtime(path):\n    shift = timedelta(hours=8)\n    with open(path) as f:\n        for row in csv.reader(f):\n            if shift.seconds < float(row[2]):\n                print(row[0])\n"
    },
    {
      "name": "a difference of the years of two datetimes compared with a DictReader field",
      "code": "import csv\nfrom datetime import datetime\n\n\ndef vintage(path):\n    with open(path, newline=\"\") as f:\n        for rec in csv.DictReader(f):\n            bottled = datetime.strptime(rec[\"bottled\"], \"%d/%m/%Y\")\n            age = datetime.now().year - bottled.year\n            if age >= rec[\"min_age\"]:\n                print(rec[\"name\"])\n",
      "today": "missed before this change",
      "errors": [
        {
          "messageId": "MW103",
          "line": 10,
          "column": 16,
          "endLine": 10,
          "endColumn": 37
        }
      ],
      "output": "import csv\nfrom datetime import datetime\n\n\ndef vintage(path):\n    with open(path, newline=\"\") as f:\n        for rec in csv.DictReader(f):\n            bottled = datetime.strptime(rec[\"bottled\"], \"%d/%m/%Y\")\n            age = datetime.now().year - bottled.year\n            if age >= float(rec[\"min_age\"]):\n                print(rec[\"name\"])\n"
    }
  ]
});

ruleTester('MW102', {
  "valid": [
    {
      "name": "the field converted; a date's isoformat() text joined with text",
      "code": "from datetime import date\n\n\ndef stay_cost(path):\n    total = 0\n    for line in open(path):\n        guest, arrived, left, extras = line.rstrip(\"\\n\").split(\";\")\n        nights = (date.fromisoformat(left) - date.fromisoformat(arrived)).days\n        total += nights * 90 + float(extras)\n        print(guest, arrived + \" to \" + left, date.fromisoformat(left).isoformat() + extras)\n    return total\n",
      "today": "silent before too: guard"
    }
  ],
  "invalid": [
    {
      "name": "nights from a date difference plus a split field",
      "code": "from datetime import date\n\n\ndef stay_cost(path):\n    total = 0\n    for line in open(path):\n        guest, arrived, left, extras = line.rstrip(\"\\n\").split(\";\")\n        nights = (date.fromisoformat(left) - date.fromisoformat(arrived)).days\n        total += nights * 90 + extras\n    return total\n",
      "today": "missed before this change",
      "errors": [
        {
          "messageId": "MW102",
          "line": 9,
          "column": 18,
          "endLine": 9,
          "endColumn": 38
        }
      ],
      "output": "from datetime import date\n\n\ndef stay_cost(path):\n    total = 0\n    for line in open(path):\n        guest, arrived, left, extras = line.rstrip(\"\\n\").split(\";\")\n        nights = (date.fromisoformat(left) - date.fromisoformat(arrived)).days\n        total += nights * 90 + float(extras)\n    return total\n"
    }
  ]
});
