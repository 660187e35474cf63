// The size of a file, remembered for a few seconds. Findings whose data comes from a literal path
// (`open("words.txt")`) are weighed on every lint, and the editor lints on every edit: one stat per path
// per TTL, never a read. A file that grows or appears since is seen once its answer is older than the TTL.
import * as fs from 'fs';

const TTL_MS = 10_000;
const sizes = new Map<string, { at: number; bytes: number | undefined }>();

/** Bytes of the regular file at `file` (apparent size, so a sparse file counts in full), or undefined when there is none. */
export function sizeRecently(file: string): number | undefined {
  const now = Date.now();
  const hit = sizes.get(file);
  if (hit && now - hit.at < TTL_MS) return hit.bytes;
  let bytes: number | undefined;
  try {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    bytes = st?.isFile() ? st.size : undefined;
  } catch {
    bytes = undefined; // unreadable folder, bad name: as if absent
  }
  // Bounded: a long editor session over many projects keeps only recent answers.
  if (sizes.size > 4096) sizes.clear();
  sizes.set(file, { at: now, bytes });
  return bytes;
}
