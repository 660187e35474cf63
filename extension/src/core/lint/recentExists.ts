// Whether a file exists, remembered for a few seconds. Linting a tree asks the same questions for every file
// it lints (is there a `.ruff.toml`, `ruff.toml`, `pyproject.toml` or `.git` in its folder or any folder above?),
// one syscall each, and the editor asks them again on every edit. A file created since is seen once its answer
// is older than the TTL, as `.gitattributes` changes are (vendored.ts); a file deleted since is seen by the
// read that follows a "yes".
import * as fs from 'fs';

const TTL_MS = 10_000;
const known = new Map<string, { at: number; exists: boolean }>();

export function existsRecently(file: string): boolean {
  const now = Date.now();
  const hit = known.get(file);
  if (hit && now - hit.at < TTL_MS) return hit.exists;
  const exists = fs.existsSync(file);
  known.set(file, { at: now, exists });
  return exists;
}
