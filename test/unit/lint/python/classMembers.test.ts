// Classes are collected one member at a time (facts/fileFacts.ts): facts that cross methods (`self.rows`
// filled in one method, read in others; a constructor argument kept in `self.x`) must still be found,
// whichever method is asked about first.
import * as assert from 'assert';
import { pythonLinter } from '../../../../extension/src/core/lint/python/index';

async function rulesAt(text: string): Promise<string[]> {
  const r = await pythonLinter.lint({ path: 'c.py', text, isEnabled: () => true });
  r.state?.dispose?.();
  return r.findings.map((f) => `${f.rule}@${f.range.startLine}`);
}

describe('python facts across the methods of a class', function () {
  this.timeout(30000);

  it('follows rows appended in one method into sums and comparisons in later methods', async () => {
    const text = [
      'import csv',
      '',
      'class Report:',
      '    def __init__(self, path):',
      '        self.path = path',
      '        self.rows = []',
      '',
      '    def total(self):',
      '        return sum(r[3] for r in self.rows)',
      '',
      '    def load(self):',
      '        with open(self.path) as f:',
      '            for row in csv.reader(f):',
      '                self.rows.append(row)',
      '',
      '    def slow(self, limit=250):',
      '        return [r for r in self.rows if r[3] > limit]',
      '',
    ].join('\n');
    const got = await rulesAt(text);
    for (const want of ['MW104@8', 'MW201@12', 'MW103@16']) assert.ok(got.includes(want), `${want} missing from ${got.join(', ')}`);
  });

  it('takes a constructor argument kept in self into the methods', async () => {
    const text = [
      'import sys',
      '',
      'class Watcher:',
      '    def __init__(self, argv):',
      '        self.threshold = argv[2]',
      '',
      '    def scan(self, path):',
      '        with open(path) as f:',
      '            for line in f:',
      '                if float(line.split(",")[1]) > self.threshold:',
      '                    print(line)',
      '',
      'Watcher(sys.argv).scan("x.csv")',
      '',
    ].join('\n');
    assert.ok((await rulesAt(text)).includes('MW103@9'));
  });
});
