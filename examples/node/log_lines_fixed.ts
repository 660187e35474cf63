// The fixed log_lines.ts: fields are converted with Number() before any arithmetic or comparison.
import * as fs from 'node:fs';
import * as readline from 'node:readline';

const file = process.argv[2] ?? 'examples/data/requests.csv';
const rl = readline.createInterface({ input: fs.createReadStream(file) });

const perPath: Record<string, number> = {};
let failures = 0;

rl.on('line', (line: string) => {
  const [path, durationText, statusText] = line.split(',');
  const duration = Number(durationText);
  perPath[path] = (perPath[path] ?? 0) + duration;
  if (Number(statusText) === 500) failures++;
});

rl.on('close', () => {
  for (const [path, ms] of Object.entries(perPath)) console.log(path, ms.toFixed(1));
  console.log('failures', failures);
});
