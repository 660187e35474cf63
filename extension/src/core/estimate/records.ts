// Cutting an input into records, so that every sample is a valid file of the same format as the input:
// text lines (also JSON Lines), CSV rows (a quoted field may hold newlines) and the elements of a JSON array.
// A prefix of lines is not valid JSON, and cutting a CSV inside a quoted field makes a row the script cannot
// parse: either way the script would fail because of the sample, not because of a bug of its own.
// Splitters are byte-level state machines over streamed chunks: the input is never loaded whole.

export type RecordFormat = 'lines' | 'csv' | 'json-array';

/** What one record of each format is called, for messages and the x axis. */
export const RECORD_NOUN: Record<RecordFormat, string> = { lines: 'lines', csv: 'CSV rows', 'json-array': 'JSON array elements' };

export const SUPPORTED_FORMATS =
  'Memwise samples text inputs: CSV (quoted fields with newlines are kept whole), TSV, JSON Lines / NDJSON, a JSON array of records, and plain text lines, each optionally gzipped';

/** Thrown by a splitter when the content is not what its format promises (a JSON file that is not an array). */
export class FormatError extends Error {}

export interface RecordSplitter {
  /** Complete records found in `chunk` (with what was carried over from earlier chunks). */
  push(chunk: Buffer): Buffer[];
  /** The last, unterminated record, if any. */
  end(): Buffer[];
}

const NL = 0x0a;
const QUOTE = 0x22;
/** A CSV row still inside quotes after this many bytes is a broken quote, not a field. */
const MAX_QUOTED_RECORD = 16 * 2 ** 20;

/** Records end at a newline; each record keeps its newline, so sample bytes equal input bytes. */
class LineSplitter implements RecordSplitter {
  private carry: Buffer[] = [];
  constructor(private readonly quoted: boolean) {}
  private inQuote = false;

  push(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let start = 0;
    if (!this.quoted) {
      for (let i = chunk.indexOf(NL); i >= 0; i = chunk.indexOf(NL, start)) {
        out.push(this.take(chunk.subarray(start, i + 1)));
        start = i + 1;
      }
    } else {
      // RFC 4180: a doubled quote inside a quoted field toggles twice, so toggling on every quote is exact.
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk[i];
        if (c === QUOTE) this.inQuote = !this.inQuote;
        else if (c === NL && !this.inQuote) {
          out.push(this.take(chunk.subarray(start, i + 1)));
          start = i + 1;
        }
      }
    }
    if (start < chunk.length) {
      this.carry.push(Buffer.from(chunk.subarray(start)));
      this.carried += chunk.length - start;
      if (this.quoted && this.inQuote && this.carried > MAX_QUOTED_RECORD) {
        throw new FormatError(`a quoted field of its CSV does not close within ${MAX_QUOTED_RECORD / 2 ** 20} MiB (an unbalanced " quote?), so it cannot be cut into rows`);
      }
    }
    return out;
  }

  private carried = 0;

  private take(piece: Buffer): Buffer {
    const rec = this.carry.length ? Buffer.concat([...this.carry, piece]) : Buffer.from(piece);
    this.carry = [];
    this.carried = 0;
    return rec;
  }

  end(): Buffer[] {
    if (this.quoted && this.inQuote) throw new FormatError('a quoted field of its CSV never closes (an unbalanced " quote?), so it cannot be cut into rows; fix the quote, or give the file another extension (.txt) to sample it by lines');
    const rest = this.carry.length ? [Buffer.concat(this.carry)] : [];
    this.carry = [];
    return rest.filter((r) => r.some((c) => c !== 0x20 && c !== 0x0d && c !== 0x09 && c !== NL));
  }
}

/**
 * The elements of a top-level JSON array, each without its separating comma. Tracks strings (with escapes)
 * and nesting depth; an element ends at a comma or the closing bracket at depth 1.
 */
class JsonArraySplitter implements RecordSplitter {
  private state: 'before' | 'inside' | 'after' = 'before';
  private depth = 0;
  private inString = false;
  private escape = false;
  private carry: Buffer[] = [];
  private hasContent = false;

  push(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (this.state === 'before') {
        if (c === 0x5b) {
          this.state = 'inside';
          this.depth = 1;
          start = i + 1;
        } else if (!isSpace(c) && !(c === 0xef || c === 0xbb || c === 0xbf)) {
          throw new FormatError('its JSON is not an array: only a top-level array of records ([{…}, {…}, …]) can be cut into smaller valid samples');
        }
        continue;
      }
      if (this.state === 'after') {
        if (!isSpace(c)) throw new FormatError('it has content after the closing bracket of its JSON array');
        continue;
      }
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (c === 0x5c) this.escape = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (c === QUOTE) {
        this.inString = true;
        this.hasContent = true;
      } else if (c === 0x5b || c === 0x7b) {
        this.depth++;
        this.hasContent = true;
      } else if (c === 0x5d || c === 0x7d) {
        this.depth--;
        if (this.depth === 0) {
          const rec = this.take(chunk.subarray(start, i));
          if (this.hasContent) out.push(rec);
          this.state = 'after';
        }
      } else if (c === 0x2c && this.depth === 1) {
        out.push(this.take(chunk.subarray(start, i)));
        start = i + 1;
        this.hasContent = false;
      } else if (!isSpace(c)) this.hasContent = true;
    }
    if (this.state === 'inside' && start < chunk.length) this.carry.push(Buffer.from(chunk.subarray(start)));
    return out;
  }

  private take(piece: Buffer): Buffer {
    const rec = this.carry.length ? Buffer.concat([...this.carry, piece]) : Buffer.from(piece);
    this.carry = [];
    return rec;
  }

  end(): Buffer[] {
    if (this.state === 'before') throw new FormatError('its JSON holds no array');
    if (this.state === 'inside') throw new FormatError('its JSON array is not closed (the file may be truncated)');
    return [];
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export function makeSplitter(format: RecordFormat): RecordSplitter {
  if (format === 'json-array') return new JsonArraySplitter();
  return new LineSplitter(format === 'csv');
}

/** How a sample of `records` is written: JSON elements go back into an array, other records verbatim. */
export function sampleFraming(format: RecordFormat): { open: Buffer; separator: Buffer; close: Buffer } {
  if (format === 'json-array') return { open: Buffer.from('['), separator: Buffer.from(','), close: Buffer.from(']\n') };
  const empty = Buffer.alloc(0);
  return { open: empty, separator: empty, close: empty };
}

/**
 * The format of an input from its name and first bytes (decompressed). Throws FormatError for binary
 * content (NUL bytes or invalid UTF-8, e.g. Parquet, Excel, images) and for a single JSON document that is
 * not an array.
 */
export function detectFormat(file: string, head: Buffer): RecordFormat {
  const base = file.toLowerCase().replace(/\.gz$/, '');
  if (head.includes(0) || !isUtf8Prefix(head)) {
    const magic = head.subarray(0, 4).toString('latin1');
    const kind = magic === 'PAR1' ? 'a Parquet file' : magic.startsWith('PK') ? 'a zip archive (xlsx, docx…)' : 'binary data';
    throw new FormatError(`it looks like ${kind}, not text`);
  }
  if (/\.(jsonl|ndjson|jsonlines)$/.test(base)) return 'lines';
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  if (first === '[') return 'json-array';
  if (/\.json$/.test(base) && first === '{') {
    // JSON Lines under a .json name: the first line is a whole document on its own.
    const line = text.trimStart().split('\n')[0].trim();
    try {
      JSON.parse(line);
      return 'lines';
    } catch {
      throw new FormatError('its JSON is one object, not an array: only a top-level array of records or JSON Lines can be cut into smaller valid samples');
    }
  }
  // Only .csv gets quote-aware rows: TSV and friends rarely quote, and a stray " (5" tall) would glue lines.
  if (/\.csv$/.test(base)) return 'csv';
  return 'lines';
}

/** Valid UTF-8, allowing a multi-byte character cut at the end of the prefix. */
function isUtf8Prefix(buf: Buffer): boolean {
  let i = 0;
  while (i < buf.length) {
    const c = buf[i];
    const n = c < 0x80 ? 0 : c >> 5 === 0b110 ? 1 : c >> 4 === 0b1110 ? 2 : c >> 3 === 0b11110 ? 3 : -1;
    if (n < 0) return false;
    for (let j = 1; j <= n; j++) {
      if (i + j >= buf.length) return true;
      if (buf[i + j] >> 6 !== 0b10) return false;
    }
    i += n + 1;
  }
  return true;
}
