// Profile a notebook without Jupyter: the code cells run top to bottom as one Python program under the
// ordinary sampler. Each cell is compiled on its own under the name `<notebook>#cell<N>`, so Python itself
// attributes every sample, allocation and traceback frame to the cell and its line (no line arithmetic),
// a syntax error stops the run at that cell as in Jupyter, and a marker on stderr timestamps each cell's
// start. Afterwards the run file's locations are rewritten to (notebook, cell, line) and the cells become
// timeline spans. Magics and shell escapes are masked (magics.ts) and listed in the run's notes.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EstimateError } from '../estimate/estimate';
import { profileScript, type ProfileOptions } from '../profile/runner';
import type { CellSpan, FunctionCost, LogLine, ProfileEvent, RunFile, SourceLocation } from '../profile/runFileTypes';
import { parseNotebook } from './notebookFile';
import { cellFileName, cellLabel, cellOfFileName, NotebookProgram } from './notebookProgram';

/** `PATH = "data.csv"  # memwise: input`: the assignment an estimate points at each sample of the input. */
const INPUT_MARK = /^([ \t]*)([A-Za-z_]\w*)[ \t]*=[ \t]*(.+?)[ \t]*#[ \t]*memwise:[ \t]*input\b.*$/m;

/** The variable marked `# memwise: input` in the notebook's code cells, if any. */
export function notebookInputVariable(cells: ReadonlyArray<{ kind: string; source: string }>): string | undefined {
  for (const c of cells) if (c.kind === 'code') {
    const m = INPUT_MARK.exec(c.source);
    if (m) return m[2];
  }
  return undefined;
}

/**
 * Script arguments for estimating a notebook: the sample path reaches the notebook as the program's first
 * argument, which the marked assignment reads. Throws with the way out when nothing is marked.
 */
export function notebookEstimateArgs(notebook: string, args: readonly string[], placeholder: string): string[] {
  const nb = parseNotebook(fs.readFileSync(notebook, 'utf8'));
  if (!notebookInputVariable(nb.cells)) {
    throw new EstimateError(
      `${path.basename(notebook)}: no input variable is marked. Add "# memwise: input" to the assignment that names the input file, e.g. PATH = "data.csv"  # memwise: input (usually in the first cell); the estimate sets it to each sample.`,
    );
  }
  return args.length ? [...args] : [placeholder];
}

/** What the generated program prints on stderr when a cell starts (ASCII unit separator, never in real output). */
const MARKER = '\u001fmemwise-cell ';

export interface PreparedNotebook {
  /** The generated program, in a private temporary folder. */
  script: string;
  notebook: string;
  cells: Array<{ index: number; label: string }>;
  /** One note per masked line, e.g. "cell 2, line 1: `%matplotlib inline` skipped (IPython magic)". */
  skipped: string[];
  dispose(): void;
}

/** Read a notebook and write the program that runs its code cells. Throws with a readable message. */
export function prepareNotebook(notebook: string): PreparedNotebook {
  let text: string;
  try {
    text = fs.readFileSync(notebook, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${notebook} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let nb;
  try {
    nb = parseNotebook(text);
  } catch (err) {
    throw new Error(`${path.basename(notebook)} ${(err as Error).message}`);
  }
  if (nb.language !== 'python') throw new Error(`${path.basename(notebook)} is a ${nb.language} notebook; only Python notebooks can be profiled`);
  const program = new NotebookProgram(nb.cells);
  if (!program.cells.length) throw new Error(`${path.basename(notebook)} has no code cells to run`);
  const skipped: string[] = [];
  const cells: PreparedNotebook['cells'] = [];
  const calls: string[] = [];
  let inputMarked = false;
  for (const c of program.cells) {
    for (const m of c.magics) {
      const what = m.kind === 'shell' ? 'shell escape' : m.kind === 'help' ? 'IPython help' : 'IPython magic';
      skipped.push(`${cellLabel(c.index)}, line ${m.line + 1}: \`${m.text.trim()}\` skipped (${what}; runs only in Jupyter)`);
    }
    // An unclosed bracket is masked for linting; the run executes the real text so Python reports the error there.
    let source = c.unclosed ? nb.cells[c.index].source : c.masked;
    if (!inputMarked && INPUT_MARK.test(source)) {
      // The marked input assignment takes the program's first argument when there is one (an estimate's sample).
      inputMarked = true;
      source = source.replace(INPUT_MARK, (_all, indent: string, name: string, value: string) => `${indent}${name} = (__import__("sys").argv[1] if len(__import__("sys").argv) > 1 else ${value})`);
    }
    const firstLine = nb.cells[c.index].source.split('\n').find((l) => l.trim()) ?? '';
    cells.push({ index: c.index, label: `${cellLabel(c.index)}: ${firstLine.trim().slice(0, 60)}` });
    calls.push(`_memwise_cell(${c.index}, ${JSON.stringify(cellFileName(notebook, c.index))}, ${JSON.stringify(source)})`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memwise-notebook-'));
  const script = path.join(dir, `${path.basename(notebook, path.extname(notebook))}.py`);
  const program_ = [
    '# Generated by Memwise from a notebook: runs its code cells in order, as one program.',
    'import sys as _memwise_sys, linecache as _memwise_linecache',
    // Imports resolve from the notebook's folder, as in Jupyter (the program itself lives in a temporary folder).
    `_memwise_sys.path[0] = ${JSON.stringify(path.dirname(notebook))}`,
    'def _memwise_cell(index, name, source):',
    '    _memwise_linecache.cache[name] = (len(source), None, source.splitlines(True), name)',
    `    print(${JSON.stringify(MARKER)} + str(index), file=_memwise_sys.stderr, flush=True)`,
    '    exec(compile(source, name, "exec"), globals())',
    ...calls,
    `print(${JSON.stringify(MARKER)} + "end", file=_memwise_sys.stderr, flush=True)`,
    '',
  ].join('\n');
  fs.writeFileSync(script, program_);
  return { script, notebook, cells, skipped, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function isMarker(line: LogLine): boolean {
  return line.stream === 'stderr' && line.text.startsWith(MARKER);
}

/**
 * Rewrites stderr as the user should read it: marker lines go, traceback frames of the generated program
 * (with their source and caret lines) go, and `File "nb.ipynb#cell3", line 2` reads `File "nb.ipynb", cell 3, line 2`.
 * Stateful (a frame spans several lines), so one filter per run.
 */
function stderrFilter(script: string): (line: LogLine) => LogLine | undefined {
  let inGeneratedFrame = false;
  const frameOfScript = `File "${script}"`;
  return (line) => {
    if (line.stream !== 'stderr') return line;
    if (isMarker(line)) return undefined;
    if (line.text.trimStart().startsWith(frameOfScript)) {
      inGeneratedFrame = true;
      return undefined;
    }
    if (inGeneratedFrame && line.text.startsWith('    ')) return undefined;
    inGeneratedFrame = false;
    return { ...line, text: cellText(line.text) };
  };
}

function cellText(s: string): string {
  return s.replace(/File "([^"]+\.ipynb)#cell(\d+)", line (\d+)/g, (_all, nb: string, n: string, line: string) => `File "${nb}", cell ${n}, line ${line}`);
}

/** A location in a cell keeps the notebook as its file and gains `cell`; lines stay 1-based within the cell. */
function mapLocation<T extends { file: string }>(loc: T): T {
  const c = cellOfFileName(loc.file);
  return c ? ({ ...loc, file: c.notebook, cell: c.cell } as T) : loc;
}

/** Rewrite a finished run of the generated program into a run of the notebook. */
export function mapNotebookRun(run: RunFile, prepared: PreparedNotebook): RunFile {
  const generated = (l: { file: string }) => l.file === prepared.script;
  const markers = run.logs.filter(isMarker);
  const spans: CellSpan[] = [];
  for (const m of markers) {
    const what = m.text.slice(MARKER.length).trim();
    const open = spans.at(-1);
    if (open && open.end === undefined) open.end = m.t;
    if (what === 'end') break;
    const index = Number(what);
    const label = prepared.cells.find((c) => c.index === index)?.label ?? cellLabel(index);
    spans.push({ index, label, start: m.t });
  }
  const last = spans.at(-1);
  if (last && last.end === undefined) last.end = run.durationS;
  const mapped: RunFile = {
    ...run,
    script: prepared.notebook,
    command: run.command.map((a) => (a === prepared.script ? prepared.notebook : a)),
    lines: run.lines.filter((l) => !generated(l)).map(mapLocation),
    functions: run.functions && mergeFunctions(run.functions.filter((f) => !generated(f)).map(mapLocation)),
    locations: run.locations?.map(mapLocation),
    logs: run.logs.map(stderrFilter(prepared.script)).filter((l) => !!l),
    cells: spans,
    warnings: [...(run.warnings ?? []), ...(prepared.skipped.length ? [`Notebook run without Jupyter: ${prepared.skipped.join('; ')}.`] : [])],
  };
  if (run.trace) mapped.trace = { ...run.trace, top: run.trace.top.map(mapLocation) };
  if (run.error) {
    const frames = run.error.frames.filter((f) => !generated(f)).map(mapLocation);
    const inner = frames.at(-1);
    const where = inner?.cell !== undefined ? ` (${cellLabel(inner.cell)}, line ${inner.line})` : '';
    mapped.error = { message: cellText(run.error.message).replace(/\(([^()]+\.ipynb)#cell(\d+), line (\d+)\)/, '($1, cell $2, line $3)') + where, frames };
  }
  return mapped;
}

/** Every cell's top level is `<module>` of the same notebook once mapped: one row each, summed. */
function mergeFunctions(fns: FunctionCost[]): FunctionCost[] {
  const byKey = new Map<string, FunctionCost>();
  for (const f of fns) {
    const key = `${f.file}\0${f.function}`;
    const had = byKey.get(key);
    if (had) byKey.set(key, { ...had, growthBytes: had.growthBytes + f.growthBytes, samples: had.samples + f.samples });
    else byKey.set(key, { file: f.file, function: f.function, growthBytes: f.growthBytes, samples: f.samples });
  }
  return [...byKey.values()].sort((a, b) => b.growthBytes - a.growthBytes);
}

/** A location as people read it: `nb.ipynb:cell 3:2` for a cell line, `file:line` otherwise. */
export function locationText(loc: SourceLocation, rel: (file: string) => string = (f) => f): string {
  return loc.cell === undefined ? `${rel(loc.file)}:${loc.line}` : `${rel(loc.file)}:${cellLabel(loc.cell)}:${loc.line}`;
}

/**
 * `profileScript` for a notebook: same options, with `script` naming the .ipynb. The run's working folder
 * is the notebook's folder, as in Jupyter. Marker lines never reach `onEvent`.
 */
export async function profileNotebook(opts: ProfileOptions): Promise<RunFile> {
  const prepared = prepareNotebook(path.resolve(opts.cwd, opts.script));
  try {
    const live = stderrFilter(prepared.script);
    const liveCells: CellSpan[] = [];
    const onEvent = opts.onEvent;
    const run = await profileScript({
      ...opts,
      script: prepared.script,
      cwd: path.dirname(prepared.notebook),
      onEvent:
        onEvent &&
        ((e: ProfileEvent) => {
          if (e.type === 'log' && isMarker(e.line)) {
            // A cell started (or the last one ended): the live chart gets the spans so far.
            const what = e.line.text.slice(MARKER.length).trim();
            const open = liveCells.at(-1);
            if (open && open.end === undefined) open.end = e.line.t;
            if (what !== 'end') liveCells.push({ index: Number(what), label: prepared.cells.find((c) => c.index === Number(what))?.label ?? cellLabel(Number(what)), start: e.line.t });
            onEvent({ type: 'cells', cells: liveCells.map((c) => ({ ...c })) });
          } else if (e.type === 'log') {
            const line = live(e.line);
            if (line) onEvent({ ...e, line });
          } else if (e.type === 'sample' && e.location) onEvent({ ...e, location: mapLocation(e.location) });
          else onEvent(e.type === 'end' ? { ...e, run: mapNotebookRun(e.run, prepared) } : e);
        }),
    });
    return mapNotebookRun(run, prepared);
  } finally {
    prepared.dispose();
  }
}
