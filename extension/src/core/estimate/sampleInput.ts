// Line-based prefixes of an input file, for running a script on small samples of its real input.
// Everything streams: the input is never loaded whole (it may be the 10M-row file we are trying not to run).
// Gzip input is decompressed on the fly and samples are written gzipped under the same file name, so a
// script that opens `*.csv.gz` with gzip still works. A CSV/TSV header line is copied into every sample.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { once } from 'events';

/** A problem with the input the user can fix; the message names the file and the way out. */
export class InputError extends Error {}

export type HeaderMode = 'auto' | 'keep' | 'none';

export interface InputInfo {
  path: string;
  /** Bytes of content (decompressed for gzip). This is the x of the fit. */
  sizeBytes: number;
  /** Size on disk (compressed for gzip). */
  fileBytes: number;
  lines: number;
  gzip: boolean;
  /** Whether line 1 is a header copied into every sample. */
  header: boolean;
}

export interface Sample {
  fraction: number;
  path: string;
  /** Content bytes of the sample (decompressed), header included. */
  sizeBytes: number;
  /** Lines in the sample, header included. */
  lines: number;
}

export interface SampleSet {
  dir: string;
  samples: Sample[];
  /** Removes the temporary folder; safe to call more than once. */
  cleanup(): Promise<void>;
}

const NL = 0x0a;

function isGzipFile(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    const n = fs.readSync(fd, magic, 0, 2, 0);
    return n === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

function contentStream(file: string, gzip: boolean): NodeJS.ReadableStream {
  const raw = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  if (!gzip) return raw;
  const gunzip = zlib.createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  // Stopping early destroys the gunzip stream; release the file too.
  gunzip.on('close', () => raw.destroy());
  return raw.pipe(gunzip);
}

/** Calls `onLine` with each line, newline included (so sample bytes equal input bytes); return false to stop early. */
async function forEachLine(stream: NodeJS.ReadableStream, onLine: (line: Buffer) => boolean | Promise<boolean>, signal?: AbortSignal): Promise<void> {
  let carry: Buffer[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw abortError();
      let start = 0;
      for (let i = chunk.indexOf(NL); i >= 0; i = chunk.indexOf(NL, start)) {
        const piece = chunk.subarray(start, i + 1);
        const line = carry.length ? Buffer.concat([...carry, piece]) : piece;
        carry = [];
        start = i + 1;
        if (!(await onLine(line))) return;
      }
      if (start < chunk.length) carry.push(chunk.subarray(start));
    }
    if (carry.length) await onLine(Buffer.concat(carry));
  } finally {
    (stream as unknown as { destroy?: () => void }).destroy?.();
  }
}

function abortError(): Error {
  const e = new Error('cancelled');
  e.name = 'AbortError';
  return e;
}

function looksTabular(file: string, firstLine: string): boolean {
  const base = file.toLowerCase().replace(/\.gz$/, '');
  if (/\.(csv|tsv|psv|tab)$/.test(base)) return true;
  const fields = firstLine.replace(/\r?\n$/, '').split(/[,\t;|]/);
  // A header names columns: several fields, none of them a number.
  return fields.length >= 2 && fields.every((f) => f.trim() !== '' && !/^[-+]?[\d.eE]+$/.test(f.trim()));
}

/** Size and line count of the input, by streaming it once. Throws InputError for a missing or empty input. */
export async function inspectInput(file: string, header: HeaderMode = 'auto', signal?: AbortSignal): Promise<InputInfo> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new InputError(`input file not found: ${file}. Check the path given to --input.`);
  }
  if (!stat.isFile()) throw new InputError(`input is not a file: ${file}. Give the path of the data file the script reads.`);
  if (stat.size === 0) throw new InputError(`input file is empty: ${file}. An estimate needs an input with lines to sample.`);
  const gzip = isGzipFile(file);
  let sizeBytes = 0;
  let lines = 0;
  let first: string | undefined;
  try {
    await forEachLine(
      contentStream(file, gzip),
      (line) => {
        if (first === undefined) first = line.toString('utf8', 0, Math.min(line.length, 4096));
        sizeBytes += line.length;
        lines++;
        return true;
      },
      signal,
    );
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new InputError(`could not read ${file}${gzip ? ' as gzip' : ''}: ${(err as Error).message}`);
  }
  if (lines === 0 || sizeBytes === 0) throw new InputError(`input file is empty: ${file}${gzip ? ' (after decompressing)' : ''}. An estimate needs an input with lines to sample.`);
  const hasHeader = header === 'keep' || (header === 'auto' && first !== undefined && looksTabular(file, first));
  if (hasHeader && lines < 2) throw new InputError(`input ${file} has only its header line and no data to sample.`);
  return { path: file, sizeBytes, fileBytes: stat.size, lines, gzip, header: hasHeader };
}

/** Checks fractions: each in (0, 1], strictly increasing. */
export function validateFractions(fractions: number[]): void {
  if (fractions.length === 0) throw new InputError('no fractions given; use e.g. --fractions 0.01,0.02,0.05,0.1');
  for (const f of fractions) {
    if (!Number.isFinite(f) || f <= 0 || f > 1) throw new InputError(`fraction ${f} is out of range: each fraction must be greater than 0 and at most 1 (e.g. 0.05 for 5%).`);
  }
  for (let i = 1; i < fractions.length; i++) {
    if (fractions[i] <= fractions[i - 1]) {
      throw new InputError(`fractions must be increasing: ${fractions[i]} comes after ${fractions[i - 1]} in ${fractions.join(',')}. List them smallest first.`);
    }
  }
}

/** Data lines (header excluded) in the sample for `fraction`: at least 1. */
export function dataLinesFor(info: InputInfo, fraction: number): number {
  const data = info.lines - (info.header ? 1 : 0);
  return Math.max(1, Math.min(data, Math.round(fraction * data)));
}

/**
 * Writes one prefix sample per fraction into a fresh temporary folder, in a single streaming pass that stops
 * once the largest sample is complete. Each sample keeps the input's file name (in its own subfolder), and is
 * gzipped when the input is. On failure or cancel the folder is removed before the error propagates.
 */
export async function createSamples(info: InputInfo, fractions: number[], opts: { tmpDir?: string; signal?: AbortSignal } = {}): Promise<SampleSet> {
  validateFractions(fractions);
  const dir = await fs.promises.mkdtemp(path.join(opts.tmpDir ?? os.tmpdir(), 'memwise-estimate-'));
  const cleanup = () => fs.promises.rm(dir, { recursive: true, force: true });
  const base = path.basename(info.path);
  const outs = fractions.map((fraction, i) => {
    const sub = path.join(dir, `sample-${i + 1}`);
    fs.mkdirSync(sub);
    const file = path.join(sub, base);
    const disk = fs.createWriteStream(file);
    const gz = info.gzip ? zlib.createGzip({ level: 1 }) : undefined;
    if (gz) gz.pipe(disk);
    return {
      sample: { fraction, path: file, sizeBytes: 0, lines: 0 } as Sample,
      want: dataLinesFor(info, fraction) + (info.header ? 1 : 0),
      writer: (gz ?? disk) as NodeJS.WritableStream,
      disk,
    };
  });
  try {
    let lineNo = 0;
    const maxWant = Math.max(...outs.map((o) => o.want));
    await forEachLine(
      contentStream(info.path, info.gzip),
      async (line) => {
        lineNo++;
        for (const o of outs) {
          if (lineNo > o.want) continue;
          o.sample.sizeBytes += line.length;
          o.sample.lines++;
          // Copy: the line may be a view into a chunk buffer that the reader reuses.
          if (!o.writer.write(Buffer.from(line))) await once(o.writer, 'drain');
        }
        return lineNo < maxWant;
      },
      opts.signal,
    );
    await Promise.all(
      outs.map(async (o) => {
        const closed = once(o.disk, 'close');
        o.writer.end();
        await closed;
      }),
    );
    if (opts.signal?.aborted) throw abortError();
  } catch (err) {
    for (const o of outs) o.disk.destroy();
    await cleanup();
    throw err;
  }
  return { dir, samples: outs.map((o) => o.sample), cleanup };
}
