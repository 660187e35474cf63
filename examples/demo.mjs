// `npm run demo`: the main job on the bundled examples.
//   1. generate a small request log (nothing large is committed),
//   2. lint examples/ (the incident, readlines(), dtype=str … and their fixed versions),
//   3. profile the incident script and write the standalone HTML report.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const examples = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(examples);
const cli = path.join(root, 'dist', 'cli.js');
const outDir = path.join(root, 'out', 'demo');
const python = process.env.MEMWISE_PYTHON || 'python3';
const rows = process.env.MEMWISE_DEMO_ROWS || '100000';

function run(title, cmd, args, { okCodes = [0], cwd = examples } = {}) {
  const shown = cmd === process.execPath ? 'node' : cmd;
  console.log(`\n== ${title}\n$ ${[shown, ...args.map((a) => (path.isAbsolute(a) ? path.relative(cwd, a) : a))].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.error) {
    console.error(`demo: could not start ${cmd}: ${r.error.message}`);
    process.exit(2);
  }
  if (!okCodes.includes(r.status)) {
    console.error(`demo: "${title}" exited with ${r.status ?? r.signal}`);
    process.exit(r.status || 2);
  }
  return r.status;
}

fs.mkdirSync(outDir, { recursive: true });
run('generate example data', python, ['make_data.py', '--rows', rows]);
// Exit code 1 means "findings", which is the point of the examples.
run('lint the examples', process.execPath, [cli, 'lint', '.'], { okCodes: [0, 1] });
const report = path.join(outDir, 'request_log-report.html');
const runJson = path.join(outDir, 'request_log-run.json');
run('profile the incident script', process.execPath, [cli, 'profile', 'request_log.py', '--html', report, '--json', runJson, '--', 'data/requests.csv']);
console.log(`\nHTML report: ${report}\nRun file:    ${runJson}\nOpen the report in a browser; it works offline.`);
