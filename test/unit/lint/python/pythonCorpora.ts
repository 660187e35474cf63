// The Python corpora every whole-corpus test runs over (tuning sets, holdouts, fixtures, examples).
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');
export const PYTHON_CORPORA = ['test/fixtures/python-corpus', 'test/fixtures/python-holdout', 'test/fixtures/python-holdout2', 'test/fixtures/python-holdout3-multi', 'test/fixtures/python-holdout3-onefile', 'test/fixtures/python-holdout4-multi', 'test/fixtures/python-holdout4-onefile', 'test/fixtures/python-holdout4-snippets', 'test/fixtures/python-holdout5-multi', 'test/fixtures/python-holdout5-onefile', 'test/fixtures/python-holdout5-snippets', 'test/fixtures/python-holdout6-multi', 'test/fixtures/python-holdout6-onefile', 'test/fixtures/python-holdout6-snippets', 'test/fixtures/python-holdout7-multi', 'test/fixtures/python-holdout7-onefile', 'test/fixtures/python-holdout7-snippets', 'test/fixtures/python-holdout8-multi', 'test/fixtures/python-holdout8-onefile', 'test/fixtures/python-holdout8-snippets', 'test/fixtures/python-holdout9-multi', 'test/fixtures/python-holdout9-onefile', 'test/fixtures/python-holdout9-snippets', 'test/fixtures/python-holdout10-multi', 'test/fixtures/python-holdout10-onefile', 'test/fixtures/python-holdout10-snippets', 'test/fixtures/python-holdout11-multi', 'test/fixtures/python-holdout11-onefile', 'test/fixtures/python-holdout11-snippets', 'test/fixtures/python-holdout12-multi', 'test/fixtures/python-holdout12-onefile', 'test/fixtures/python-holdout12-snippets', 'test/fixtures/python-holdout13-multi', 'test/fixtures/python-holdout13-onefile', 'test/fixtures/python-holdout13-snippets', 'test/fixtures/python-holdout14-multi', 'test/fixtures/python-holdout14-onefile', 'test/fixtures/python-holdout14-snippets', 'test/fixtures/python-holdout15-multi', 'test/fixtures/python-holdout15-onefile', 'test/fixtures/python-holdout15-snippets', 'test/fixtures/python-holdout16-multi', 'test/fixtures/python-holdout16-onefile', 'test/fixtures/python-holdout16-snippets', 'test/fixtures/python-holdout17-multi', 'test/fixtures/python-holdout17-onefile', 'test/fixtures/python-holdout17-snippets', 'test/fixtures/python-holdout18-multi', 'test/fixtures/python-holdout18-onefile', 'test/fixtures/python-holdout19-multi', 'test/fixtures/python-holdout19-onefile', 'test/fixtures/python-holdout19-snippets', 'test/fixtures/python-holdout20-multi', 'test/fixtures/python-holdout20-onefile', 'test/fixtures/python-holdout20-snippets', 'test/fixtures/python-holdout21-multi', 'test/fixtures/python-holdout21-onefile', 'test/fixtures/python-holdout21-snippets', 'test/fixtures/python-holdout22-multi', 'test/fixtures/python-holdout22-onefile', 'test/fixtures/python-holdout22-snippets', 'test/fixtures/python-holdout23-multi', 'test/fixtures/python-holdout23-onefile', 'test/fixtures/python-holdout23-snippets', 'test/fixtures/python-holdout24-multi', 'test/fixtures/python-holdout24-onefile', 'test/fixtures/python-holdout24-snippets', 'test/fixtures/lint', 'examples'];

/** Every .py file under `dir`, sorted, as paths relative to the repository. */
export function pythonFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, d), { withFileTypes: true })) {
      const rel = path.posix.join(d, e.name);
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.py')) out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}
