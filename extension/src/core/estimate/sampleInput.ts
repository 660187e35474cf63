// Record-based prefixes of an input file (lines, CSV rows, JSON array elements: see records.ts), for running a
// script on small samples of its real input.
// Everything streams: the input is never loaded whole (it may be the 10M-row file we are trying not to run).
// Gzip input is decompressed on the fly and samples are written gzipped under the same file name, so a
// script that opens `*.csv.gz` with gzip still works. A CSV/TSV header is copied into every sample.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { once } from 'events';
import { detectFormat, FormatError, makeSplitter, sampleFraming, SUPPORTED_FORMATS, type RecordFormat, type RecordSplitter } from './records';

/** A problem with the input the user can fix; the message names the file and the way out. */
export class InputError extends Error {}

export type HeaderMode = 'auto' | 'keep' | 'none';

export interface InputInfo {
  path: string;
  /** Bytes of content (decompressed for gzip). */
  sizeBytes: number;
  /** Size on disk (compressed for gzip). */
  fileBytes: number;
  lines: number;
  /** Data records (header excluded): lines, CSV rows or JSON array elements. The x of the fit. */
  records: number;
  format: RecordFormat;
  gzip: boolean;
  /** Whether the first record is a header copied into every sample. */
  header: boolean;
}

export interface Sample {
  fraction: number;
  path: string;
  /** Content bytes of the sample (decompressed), header included. */
  sizeBytes: number;
  /** Lines in the sample, header included. */
  lines: number;
  /** Data records in the sample (header excluded). */
  records: number;
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

/**
 * Streams the content through `splitter`, calling `onChunk` with each raw chunk and `onRecord` with each record;
 * `onRecord` returns false to stop early.
 */
async function forEachRecord(
  stream: NodeJS.ReadableStream,
  splitter: RecordSplitter,
  onRecord: (record: Buffer) => boolean | Promise<boolean>,
  signal?: AbortSignal,
  onChunk?: (chunk: Buffer) => void,
): Promise<void> {
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw abortError();
      onChunk?.(chunk);
      for (const rec of splitter.push(chunk)) if (!(await onRecord(rec))) return;
    }
    for (const rec of splitter.end()) if (!(await onRecord(rec))) return;
  } finally {
    (stream as unknown as { destroy?: () => void }).destroy?.();
  }
}

/** The first `max` bytes of content (decompressed), to tell the format. */
async function readHead(file: string, gzip: boolean, max = 64 * 1024): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  const stream = contentStream(file, gzip);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parts.push(chunk);
      n += chunk.length;
      if (n >= max) break;
    }
  } catch {
    // A truncated gzip still has a readable head; the full pass reports the error.
  } finally {
    (stream as unknown as { destroy?: () => void }).destroy?.();
  }
  return Buffer.concat(parts).subarray(0, max);
}

function countNewlines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(NL); i >= 0; i = buf.indexOf(NL, i + 1)) n++;
  return n;
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

/**
 * Size, format and record count of the input, by streaming it once. Throws InputError for a missing, empty,
 * binary or unsplittable input; the message names the file, the problem and the supported formats.
 */
export async function inspectInput(file: string, header: HeaderMode = 'auto', signal?: AbortSignal): Promise<InputInfo> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new InputError(`input file not found: ${file}. Check the path given to --input.`);
  }
  if (!stat.isFile()) throw new InputError(`input is not a file: ${file}. Give the path of the data file the script reads.`);
  if (stat.size === 0) throw new InputError(`input file is empty: ${file}. An estimate needs an input with records to sample.`);
  const gzip = isGzipFile(file);
  let format: RecordFormat;
  try {
    format = detectFormat(file, await readHead(file, gzip));
  } catch (err) {
    if (err instanceof FormatError) throw unsupported(file, err);
    throw err;
  }
  let sizeBytes = 0;
  let newlines = 0;
  let lastByte = NL;
  let records = 0;
  let first: string | undefined;
  try {
    await forEachRecord(
      contentStream(file, gzip),
      makeSplitter(format),
      (rec) => {
        if (first === undefined) first = rec.toString('utf8', 0, Math.min(rec.length, 4096));
        records++;
        return true;
      },
      signal,
      (chunk) => {
        sizeBytes += chunk.length;
        newlines += countNewlines(chunk);
        if (chunk.length) lastByte = chunk[chunk.length - 1];
      },
    );
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    if (err instanceof FormatError) throw unsupported(file, err);
    throw new InputError(`could not read ${file}${gzip ? ' as gzip' : ''}: ${(err as Error).message}`);
  }
  const lines = newlines + (sizeBytes > 0 && lastByte !== NL ? 1 : 0);
  if (records === 0 || sizeBytes === 0) throw new InputError(`input file is empty: ${file}${gzip ? ' (after decompressing)' : ''}${format === 'json-array' ? ' (its JSON array has no elements)' : ''}. An estimate needs an input with records to sample.`);
  // JSON records (an array's elements, JSON Lines) never have a header line.
  const jsonRecords = format === 'json-array' || (first !== undefined && /^\s*[[{]/.test(first));
  const hasHeader = format !== 'json-array' && (header === 'keep' || (header === 'auto' && !jsonRecords && first !== undefined && looksTabular(file, first)));
  if (hasHeader && records < 2) throw new InputError(`input ${file} has only its header line and no data to sample.`);
  return { path: file, sizeBytes, fileBytes: stat.size, lines, records: records - (hasHeader ? 1 : 0), format, gzip, header: hasHeader };
}

function unsupported(file: string, err: Error): InputError {
  return new InputError(`cannot sample ${file}: ${err.message}. ${SUPPORTED_FORMATS}. For another format, let the script take a size instead and use --sizes.`);
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

/** Data records (header excluded) in the sample for `fraction`: at least 1. */
export function dataRecordsFor(info: InputInfo, fraction: number): number {
  return Math.max(1, Math.min(info.records, Math.round(fraction * info.records)));
}

/**
 * Writes one prefix sample per fraction into a fresh temporary folder, in a single streaming pass that stops
 * once the largest sample is complete. Each sample keeps the input's file name (in its own subfolder), is a
 * valid file of the input's format (JSON elements go back into an array) and is gzipped when the input is.
 * On failure or cancel the folder is removed before the error propagates.
 */
export async function createSamples(info: InputInfo, fractions: number[], opts: { tmpDir?: string; signal?: AbortSignal; firstIndex?: number } = {}): Promise<SampleSet> {
  validateFractions(fractions);
  const dir = await fs.promises.mkdtemp(path.join(opts.tmpDir ?? os.tmpdir(), 'memwise-estimate-'));
  const cleanup = () => fs.promises.rm(dir, { recursive: true, force: true });
  const base = path.basename(info.path);
  const framing = sampleFraming(info.format);
  const outs = fractions.map((fraction, i) => {
    const sub = path.join(dir, `sample-${(opts.firstIndex ?? 0) + i + 1}`);
    fs.mkdirSync(sub);
    const file = path.join(sub, base);
    const disk = fs.createWriteStream(file);
    const gz = info.gzip ? zlib.createGzip({ level: 1 }) : undefined;
    if (gz) gz.pipe(disk);
    return {
      sample: { fraction, path: file, sizeBytes: 0, lines: 0, records: 0 } as Sample,
      want: dataRecordsFor(info, fraction),
      writer: (gz ?? disk) as NodeJS.WritableStream,
      disk,
    };
  });
  const write = async (o: (typeof outs)[number], buf: Buffer) => {
    if (buf.length === 0) return;
    o.sample.sizeBytes += buf.length;
    o.sample.lines += countNewlines(buf);
    if (!o.writer.write(buf)) await once(o.writer, 'drain');
  };
  try {
    for (const o of outs) await write(o, framing.open);
    let recNo = info.header ? -1 : 0;
    const maxWant = Math.max(...outs.map((o) => o.want));
    await forEachRecord(
      contentStream(info.path, info.gzip),
      makeSplitter(info.format),
      async (rec) => {
        recNo++;
        for (const o of outs) {
          if (recNo > o.want) continue;
          if (recNo > 1) await write(o, framing.separator);
          await write(o, rec);
          if (recNo > 0) o.sample.records++;
        }
        return recNo < maxWant;
      },
      opts.signal,
    );
    for (const o of outs) await write(o, framing.close);
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
