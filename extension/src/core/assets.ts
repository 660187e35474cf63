import * as fs from 'fs';
import * as path from 'path';

/**
 * Absolute path of a runtime asset (wasm grammar, Python helper, Node preload).
 * Bundles (dist/extension.js, dist/cli.js) find assets beside themselves; the transpiled test tree
 * (out/extension/src/core/*.js) finds them in the repo's dist/, which every test run builds first.
 */
export function assetPath(...parts: string[]): string {
  const candidates = [
    path.join(__dirname, ...parts),
    path.join(__dirname, '..', '..', '..', '..', 'dist', ...parts),
    path.join(__dirname, '..', '..', '..', '..', '..', 'dist', ...parts),
  ];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  throw new Error(`Memwise asset ${parts.join('/')} is missing (looked in ${candidates.join(', ')}). Run \`npm run build\` to create it.`);
}
