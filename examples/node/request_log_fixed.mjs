// The fixed request_log.mjs: stream the file line by line and convert each field once.
// Memory stays flat whatever the file size; the sums and comparisons are numeric.
// Run `python3 ../make_data.py` first, then `node request_log_fixed.mjs ../data/requests.csv`.
import fs from 'node:fs';
import readline from 'node:readline';

const file = process.argv[2] ?? new URL('../data/requests.csv', import.meta.url).pathname;
const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });

let total = 0;
let slowest = 0;
let errors = 0;
let header = true;
for await (const line of rl) {
  if (header || !line) {
    header = false;
    continue;
  }
  const [, durationText, statusText] = line.split(',');
  const duration = Number(durationText);
  const status = Number(statusText);
  total += duration;
  if (duration > slowest) slowest = duration;
  if (status === 500) errors++;
}
console.log(`total duration: ${total.toFixed(1)} ms`);
console.log(`slowest: ${slowest} ms, errors: ${errors}`);
