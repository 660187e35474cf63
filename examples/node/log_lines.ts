// Per-path request time from a request log, streamed with readline events (TypeScript).
//
// Memwise example: each line is split into text fields; adding `duration` to a number concatenates, and
// `status === 500` compares text with a number (always false). See log_lines_fixed.ts.
// Run `python3 ../make_data.py` first; lint it in the editor, or run it with a TS runner (e.g. `npx tsx`).
import * as fs from 'node:fs';
import * as readline from 'node:readline';

const file = process.argv[2] ?? 'examples/data/requests.csv';
const rl = readline.createInterface({ input: fs.createReadStream(file) });

const perPath: Record<string, number> = {};
let failures = 0;

rl.on('line', (line: string) => {
  const [path, duration, status] = line.split(',');
  perPath[path] = (perPath[path] ?? 0) + duration;
  if (status === 500) failures++;
});

rl.on('close', () => {
  for (const [path, ms] of Object.entries(perPath)) console.log(path, ms);
  console.log('failures', failures);
});
