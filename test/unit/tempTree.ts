// A throw-away folder holding the given files (relative path → text), for tests that lint or configure a tree.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function tempTree(files: Record<string, string>, prefix = 'memwise-tree-'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}
