// Summarise request durations from a request-log CSV (path,duration_ms,status,timestamp).
//
// Memwise example, the Node twin of request_log.py: the durations stay text. `total += duration`
// concatenates instead of adding, so `total` becomes one string as long as the whole column, and the
// comparisons order by characters. The file is also read whole and split into an array of lines just to
// be walked once. See request_log_fixed.mjs for the streaming, converted version.
// Run `python3 ../make_data.py` first, then `node request_log.mjs ../data/requests.csv`.
import fs from 'node:fs';

const file = process.argv[2] ?? new URL('../data/requests.csv', import.meta.url).pathname;
const lines = fs.readFileSync(file, 'utf8').split('\n');

let total = 0;
let slowest = 0;
let errors = 0;
for (const line of lines.slice(1)) {
  if (!line) continue;
  const [path, duration, status] = line.split(',');
  total += duration;
  if (duration > slowest) slowest = duration;
  if (status === 500) errors++;
  if (path === '/health') continue;
}
console.log(`total duration: ${String(total).length} characters of text (should be a number)`);
console.log(`slowest: ${slowest} ms, errors: ${errors}`);
