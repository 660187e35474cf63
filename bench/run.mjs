// `npm run bench`: every benchmark in bench/, one after another (they compete for 2 cores otherwise).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const scripts = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const s of scripts) {
  console.log(`\n##### bench/${s}`);
  const r = spawnSync(process.execPath, [path.join(here, s)], { stdio: 'inherit', cwd: path.dirname(here) });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
