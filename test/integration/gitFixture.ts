import * as assert from 'assert';
import { spawnSync } from 'child_process';

/** Run real git in a fixture repository, with a throwaway identity so no global config is needed. */
export function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=Memwise Test', '-c', 'user.email=test@memwise.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  assert.strictEqual(r.status, 0, `git ${args.join(' ')} in ${cwd}: ${r.stderr}`);
}

/** The incident: csv rows kept as text, then `row[1] * 1000` (MW201 + MW101). */
export const INCIDENT_SCRIPT = `import csv

rows = []
with open('requests.csv') as f:
    for row in csv.reader(f):
        rows.append(row)
rows = [(row[0], row[1] * 1000) for row in rows]
`;
