// Shared check that a lint front end stays small modules with one job each: no file over ~500 lines, and no
// import cycle between its modules (type-only imports included).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../runCli';

function modules(root: string, subdirs: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const sub of subdirs) {
    const dir = path.join(root, sub);
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const file = path.join(dir, f);
      const text = fs.readFileSync(file, 'utf8');
      const deps = [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((m) => path.resolve(dir, m[1]) + '.ts').filter((d) => d.startsWith(root));
      out.set(file, deps);
    }
  }
  return out;
}

/** Registers the two shape tests for the modules of `root` and its `subdirs` ('' is root itself). */
export function describeModuleShape(title: string, root: string, subdirs: readonly string[], minModules: number): void {
  describe(title, () => {
    it('has no file over 500 lines', () => {
      for (const file of modules(root, subdirs).keys()) {
        const lines = fs.readFileSync(file, 'utf8').split('\n').length;
        assert.ok(lines <= 500, `${path.relative(repoRoot, file)} has ${lines} lines`);
      }
    });

    it('has no import cycle', () => {
      const graph = modules(root, subdirs);
      const done = new Set<string>();
      const visit = (file: string, stack: string[]) => {
        if (stack.includes(file)) assert.fail(`import cycle: ${[...stack.slice(stack.indexOf(file)), file].map((f) => path.basename(f)).join(' → ')}`);
        if (done.has(file)) return;
        for (const dep of graph.get(file) ?? []) visit(dep, [...stack, file]);
        done.add(file);
      };
      for (const file of graph.keys()) visit(file, []);
      assert.ok(graph.size >= minModules);
    });
  });
}
