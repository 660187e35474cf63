// A data finding's literal-path input that is not on this machine: `open("AppleStore.csv")` in a course notebook
// whose repository does not ship the data set. Measured on public repositories (docs/dev/findings-evaluation.md,
// rounds 12 and 13): such findings were the largest group of correct-but-trivial warnings left (course material
// downloaded without its data), while the actionable ones read a path from argv, a parameter, a committed log
// or an absolute production path. literalInputSize.ts shows them as information when all of this holds:
// - the literal is relative (or in the author's home folder) and names one file with an extension (no `*`, `?`,
//   `[`, `{`, `%`);
// - it was looked up beside the linted file and in every project folder (literalInputSize.ts) and not found;
// - the linted file itself is on disk (an untitled buffer or a virtual document has no folder to look in);
// - no program beside the linted file (its own text included) writes, downloads or generates that file (also as a
//   shell redirect's target, `os.system("blastp … > hits.txt")`), or marks it as the input
//   (`PATH = "x.csv"  # memwise: input`): a tutorial's reader of the 1 GB file its writer script makes keeps its
//   severity;
// - no `.gitignore` up to the repository root ignores it (files.ts, read as `memwise lint DIR` reads them): data
//   kept out of the repository on purpose (`data/access.log`, `*.csv`) is the author's real data, absent only
//   from this checkout (CI, a review).
// Reads only program files of the linted file's folder (at most MAX_FILES, each under MAX_BYTES, MAX_TOTAL_BYTES in
// all), and only for a finding whose literal input was not found; cached briefly.
import * as fs from 'fs';
import * as path from 'path';
import { gitignoredPath } from './files';
import { sizeRecently } from './recentSize';

/**
 * A path in the author's home folder (`C:/Users/me/Desktop/app/x.txt`, `/home/me/app/x.txt`, `/Users/me/…`,
 * `~/app/x.txt`): the author's working copy, not a production location such as `/var/log/app.log`.
 */
export const AUTHOR_HOME = /^(?:[A-Za-z]:[\\/]+(?:Users|Documents and Settings)[\\/]+[^\\/]+[\\/]|\/(?:home|Users)\/[^/]+\/|~[\\/])/i;

/** Files whose text may write or download a data file another program beside them reads. */
const PROGRAM_FILE = /\.(?:py|pyw|ipynb|js|mjs|cjs|ts|mts|cts|sh|bash|r|rmd|sql)$|^makefile$/i;
const MAX_FILES = 200;
const MAX_BYTES = 2 * 1024 * 1024;
/** All the texts read for one folder: a folder of large notebooks stops there (the editor asks every 10 s at most). */
const MAX_TOTAL_BYTES = 16 * 1024 * 1024;
const TTL_MS = 10_000;

/**
 * A line that writes or fetches a file: a write mode, a pandas/numpy/pickle/json save, a Node write, a download,
 * a script run with the file as an argument (`python3 make_input.py 200000 requests.csv` in a notebook's text),
 * or the estimate's input marker. Matched on the line that names the literal, in scripts and notebook JSON alike.
 */
const WRITES = /memwise:\s*input|\b(?:python3?|node|Rscript)\s+\S+\.(?:py|js|mjs|R)\b|\b(?:to_csv|to_json|to_parquet|to_excel|to_pickle|to_feather|to_hdf|to_stata|savetxt|savez(?:_compressed)?|save|tofile|dump|writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|urlretrieve|download\w*|wget|curl|copyfile|copy2?|move|rename)\b|\bopen\s*\(.*,\s*(?:mode\s*=\s*)?\\?["'](?:[wax]|r\+)/i;

const folderTexts = new Map<string, { at: number; texts: string[] }>();

/** The source texts of a folder's program files (few and small), remembered for a few seconds. */
function programTexts(folder: string): string[] {
  const now = Date.now();
  const hit = folderTexts.get(folder);
  if (hit && now - hit.at < TTL_MS) return hit.texts;
  const texts: string[] = [];
  let total = 0;
  try {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).slice(0, MAX_FILES * 5)) {
      if (texts.length >= MAX_FILES) break;
      if (!entry.isFile() || !PROGRAM_FILE.test(entry.name)) continue;
      const full = path.join(folder, entry.name);
      const bytes = sizeRecently(full);
      if (bytes === undefined || bytes > MAX_BYTES) continue;
      if ((total += bytes) > MAX_TOTAL_BYTES) break;
      texts.push(fs.readFileSync(full, 'utf8'));
    }
  } catch {
    // an unreadable folder: no writer seen, as if none were there
  }
  if (folderTexts.size > 256) folderTexts.clear();
  folderTexts.set(folder, { at: now, texts });
  return texts;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a program beside `file` (or `file` itself) names `literal` on a line that writes or downloads it. */
function writtenBeside(literal: string, file: string): boolean {
  const base = literal.split(/[\\/]/).pop() ?? literal;
  const named = new RegExp(`(?:^|[\\s'"\`\\\\/=(])${escapeRegExp(base)}(?=$|[\\s'"\`\\\\)])`, 'm');
  // A shell redirect into it (`os.system("blastp … > hits.txt")`, `!sort x >> out.tsv`, a shell script): the output
  // of a command the program runs. Tied to the name: `if n > 1:` on a line that names the file is not a write.
  const redirected = new RegExp(`(?:^|[^-=<>])>>?\\s*['"]?(?:[^\\s'"<>|;&]*[\\\\/])?${escapeRegExp(base)}(?=$|[\\s'"\`\\\\);|&])`, 'm');
  for (const text of programTexts(path.dirname(file))) {
    if (!text.includes(base)) continue;
    for (const line of text.split('\n')) if (line.includes(base) && named.test(line) && (WRITES.test(line) || redirected.test(line))) return true;
  }
  return false;
}

/**
 * Whether a literal input that was not found is a data file this machine does not have (see the header). Called
 * only after the lookup in every project folder failed.
 */
export function absentFromMachine(literal: string, file: string, folders: readonly (string | undefined)[]): boolean {
  if (!literal || /[*?[\]{}%\0]/.test(literal) || literal.length > 1024) return false;
  const home = AUTHOR_HOME.test(literal);
  // A production location (`/data/x.csv`, `D:\\logs\\app.log`): this machine is not where the code runs.
  if ((path.posix.isAbsolute(literal) || path.win32.isAbsolute(literal)) && !home) return false;
  // A file name with an extension (`AppleStore.csv`, `data/access.log`): not a folder, not a bare word.
  if (!/\.[A-Za-z0-9]{1,8}$/.test(literal.split(/[\\/]/).pop() ?? '')) return false;
  const full = path.resolve(file);
  if (sizeRecently(full) === undefined) return false;
  if (!home) {
    const bases = [path.dirname(full), ...folders.filter((f): f is string => !!f)];
    if (bases.some((b) => gitignoredPath(path.resolve(b, literal)))) return false;
  }
  return !writtenBeside(literal, full);
}
