// The JS/TS front end stays small modules with one job each: no file over ~500 lines, and no import cycle
// between its modules (type-only imports included), so facts.ts cannot grow back into a grab-bag.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../../runCli';

const JS_DIR = path.join(repoRoot, 'extension', 'src', 'core', 'lint', 'js');

function modules(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const dir of [JS_DIR, path.join(JS_DIR, 'rules')]) {
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const file = path.join(dir, f);
      const text = fs.readFileSync(file, 'utf8');
      const deps = [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((m) => path.resolve(dir, m[1]) + '.ts').filter((d) => d.startsWith(JS_DIR));
      out.set(file, deps);
    }
  }
  return out;
}

describe('JS/TS front end: module shape', () => {
  it('has no file over 500 lines', () => {
    for (const file of modules().keys()) {
      const lines = fs.readFileSync(file, 'utf8').split('\n').length;
      assert.ok(lines <= 500, `${path.relative(repoRoot, file)} has ${lines} lines`);
    }
  });

  it('has no import cycle', () => {
    const graph = modules();
    const done = new Set<string>();
    const visit = (file: string, stack: string[]) => {
      if (stack.includes(file)) assert.fail(`import cycle: ${[...stack.slice(stack.indexOf(file)), file].map((f) => path.basename(f)).join(' → ')}`);
      if (done.has(file)) return;
      for (const dep of graph.get(file) ?? []) visit(dep, [...stack, file]);
      done.add(file);
    };
    for (const file of graph.keys()) visit(file, []);
    assert.ok(graph.size >= 10);
  });
});
