// Weighs the file a finding's data comes from when the program names it with a literal path, and says so.
// Measured on 12 public repositories never linted before (docs/benchmarks.md, "Findings worth acting on"):
// most correct-but-trivial findings read a small file committed next to the script (a 10-line banned-word
// list, sample texts), while the one that matters most reads a real 5 GB log. So:
// - the file is in the project and small (under `small-input-bytes`, 64 KiB by default): the finding is shown as
//   information, and its message says why and which setting changes that;
// - the file is there and large (100 MiB or more): its size joins the message as evidence;
// - the input is program source (the front ends set `sourceCode`: files picked by a `.py`/`.c` filter, the script
//   itself), or a literal path with a source extension that is not there: information too, saying so. Public
//   repositories' line counters read their own sources, which are small whatever folder is walked;
// - a relative literal found in none of those folders, on a machine that has the linted file, not ignored by a
//   .gitignore, and written or downloaded by no program beside it (absentInput.ts): information, saying so. A repository that does not ship
//   its data (course notebooks) cannot say how large the data is, and the code names no other input;
// - anything else (no literal, an absolute path that is not there, an empty file, setting 0): unchanged.
// Only rule families whose cost grows with the data are weighed: MW2xx (parsed rows kept as text), MW3xx
// (whole files loaded), MW4xx (per-element waste). MW1xx is a wrong result (text compared or added as if it
// were a number) at any size, and MW9xx is about comments: neither is touched.
// The front ends find the literal (pure, no file system); this post-pass is the only part that stats.
import * as path from 'path';
import { formatBytes } from '../bytes';
import { absentFromMachine, AUTHOR_HOME } from './absentInput';
import { sizeRecently } from './recentSize';
import { SOURCE_FILE } from './sourceExtensions';
import type { Finding, Severity } from './types';

export const DEFAULT_SMALL_INPUT_BYTES = 64 * 1024;
/** From this size on, the file's size is evidence worth putting in the message. */
export const LARGE_INPUT_BYTES = 100 * 1024 * 1024;
/** Rule families whose cost grows with the size of the data. */
const WEIGHED_FAMILIES: ReadonlySet<number> = new Set([2, 3, 4]);

export interface InputPlaces {
  /** The linted file (a notebook's .ipynb path for its cells). */
  file: string;
  /** Other folders a relative path may be relative to, in order: the workspace folder or the CLI's current folder, the pyproject.toml's folder, the git repository's root. */
  folders: readonly (string | undefined)[];
}

interface Weighed {
  bytes: number;
  where: string;
  /** Found in the project (a relative path), not an absolute one such as `/etc/passwd`. */
  inProject: boolean;
}

/** At most this many folders above the linted file are looked in. */
const MAX_FOLDERS_ABOVE = 8;

/**
 * The folders between the linted file's folder and the project folder that holds it (that one excluded: it is looked
 * in next), nearest first, each with its relative path (`..`, `../..`). A script may be run from a folder above it
 * (an exercise's `solution/convert.py` reading the exercise's `input.csv`); none when the file is in no project folder.
 */
function foldersAbove(places: InputPlaces): Array<[string, string]> {
  const roots = places.folders.filter((f): f is string => !!f).map((f) => path.resolve(f));
  const inside = (dir: string, root: string) => dir === root || dir.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  const out: Array<[string, string]> = [];
  let dir = path.dirname(path.resolve(places.file));
  let up = '..';
  for (let i = 0; i < MAX_FOLDERS_ABOVE && !roots.includes(dir); i++, up += '/..') {
    const parent = path.dirname(dir);
    if (parent === dir || roots.includes(parent) || !roots.some((r) => inside(parent, r))) break;
    out.push([parent, up]);
    dir = parent;
  }
  return out;
}

/** Finds the literal path beside the linted file first (where committed inputs sit), then in the folders above it up to the project folder, then in the other folders. */
function weigh(literal: string, places: InputPlaces): Weighed | undefined {
  if (!literal || literal.includes('\0') || literal.length > 1024) return undefined;
  if (path.isAbsolute(literal) || AUTHOR_HOME.test(literal)) {
    const bytes = path.isAbsolute(literal) ? sizeRecently(literal) : undefined;
    if (bytes !== undefined) return { bytes, where: 'is', inProject: false };
    // A path in the author's home that is not on this machine (`C:/Users/me/Desktop/app/country.txt`), with a
    // file of that name committed beside the script: that copy says how large it is.
    if (!AUTHOR_HOME.test(literal)) return undefined;
    const name = literal.split(/[\\/]/).pop() ?? '';
    const beside = name ? sizeRecently(path.join(path.dirname(path.resolve(places.file)), name)) : undefined;
    return beside === undefined ? undefined : { bytes: beside, where: `(its copy \`${name}\` beside this ${places.file.endsWith('.ipynb') ? 'notebook' : 'script'}) is`, inProject: true };
  }
  const what = places.file.endsWith('.ipynb') ? 'notebook' : 'script';
  const candidates: Array<[string | undefined, string]> = [[path.dirname(path.resolve(places.file)), `beside this ${what} is`]];
  for (const [folder, up] of foldersAbove(places)) candidates.push([folder, `in the folder above this ${what} (\`${up}\`) is`]);
  for (const f of places.folders) candidates.push([f, 'in the project folder is']);
  const seen = new Set<string>();
  for (const [folder, where] of candidates) {
    if (!folder) continue;
    const full = path.resolve(folder, literal);
    if (seen.has(full)) continue;
    seen.add(full);
    const bytes = sizeRecently(full);
    if (bytes !== undefined) return { bytes, where, inProject: true };
  }
  return undefined;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/**
 * The finding as shown given the size of its literal-path input. `family` is the rule's family; a finding
 * without an input, of another family, or with the setting at 0 comes back as it was (the same object).
 */
export function weighLiteralInput(f: Finding, family: number | undefined, smallInputBytes: number, places: InputPlaces): Finding {
  if (!f.input || family === undefined || !WEIGHED_FAMILIES.has(family)) return f;
  const w = f.input.sourceCode ? undefined : weigh(f.input.path, places);
  // Program source (a line counter over `.py` files, a script reading itself, `open("code.cpp")` not committed):
  // small by nature, whatever folder is walked. The same setting turns this off.
  const source = f.input.sourceCode ?? (!w && SOURCE_FILE.test(f.input.path) ? `source code (\`${f.input.path}\`)` : undefined);
  if (source) {
    if (smallInputBytes <= 0 || RANK[f.severity] <= RANK.info) return f;
    const note = ` Shown as information: the file read is ${source}, and source files are small, so this costs nothing at that size; it matters if the real input is larger (memwise.lint.smallInputBytes, or small-input-bytes in [tool.memwise]; 0 turns this off).`;
    return { ...f, severity: 'info', message: f.message + note };
  }
  const name = `\`${f.input.path}\``;
  // Not on this machine and made by no program beside this one: a data set the repository does not ship.
  if (!w && smallInputBytes > 0 && RANK[f.severity] > RANK.info && absentFromMachine(f.input.path, places.file, places.folders)) {
    const what = places.file.endsWith('.ipynb') ? 'notebook' : 'script';
    const note = ` Shown as information: ${name} is not beside this ${what} or in the project folder (nor kept out by .gitignore, nor written by a program beside it), so its size cannot be weighed: likely a data set the repository does not ship. It matters if the real input is large (memwise.lint.smallInputBytes, or small-input-bytes in [tool.memwise]; 0 turns this off).`;
    return { ...f, severity: 'info', message: f.message + note };
  }
  // An empty file says nothing about the real input: a placeholder, or a pseudo-file (`/proc/meminfo` stats as 0 B).
  if (!w || w.bytes === 0) return f;
  // Only a file of the project says how large the input is where the code runs: an absolute path (`/etc/passwd`,
  // `/data/x.csv`) is this machine's file, which may be far smaller than the one in production. Its size can
  // still be evidence that the input is large.
  if (smallInputBytes > 0 && w.bytes < smallInputBytes && w.inProject) {
    const severity: Severity = RANK[f.severity] > RANK.info ? 'info' : f.severity;
    const note = ` Shown as information: ${name} ${w.where} ${formatBytes(w.bytes)}, so this costs nothing at that size; it matters if the real input is larger (threshold: memwise.lint.smallInputBytes, or small-input-bytes in [tool.memwise]; 0 turns this off).`;
    return { ...f, severity, message: f.message + note };
  }
  if (w.bytes >= LARGE_INPUT_BYTES) return { ...f, message: `${f.message} ${name} ${w.where} ${formatBytes(w.bytes)}.` };
  return f;
}
