// Detects generated/minified code, which is not worth linting (and is slow to parse): long lines with
// few newlines. Thresholds sit well above hand-written code (a long data literal line still passes).
export function looksMinified(text: string): boolean {
  if (text.length < 4096) return false;
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lines++;
    if (i - start > longest) longest = i - start;
    start = i + 1;
  }
  if (text.length - start > longest) longest = text.length - start;
  return text.length / lines > 300 || (longest > 20000 && text.length / lines > 120);
}
