// The profiled script's stdout/stderr in bounded memory, whatever it prints: every byte streams to a log file
// beside the run file, and only a bounded set of lines is kept for the timeline markers (first and last lines,
// lines that look like log records, an even sample of the rest) with a count of what was left out.
import * as fs from 'fs';
import type { LogLine } from './runFileTypes';

/** Bytes of one line kept as marker text; the whole line is in the log file. */
export const MAX_LINE_BYTES = 4096;
const FIRST = 200;
const LAST = 200;
const LOGLIKE = 2000;
const SAMPLE = 1000;
// A line that looks like a log record: a level word, or a leading timestamp.
const LOGLIKE_RE = /\b(?:CRITICAL|FATAL|ERROR|WARN(?:ING)?|INFO|DEBUG|Traceback|Exception)\b|^\[?\d{4}-\d\d-\d\d[ T]\d\d:\d\d|^\[?\d\d:\d\d:\d\d/;

/**
 * Splits a byte stream into lines in linear time: each chunk is scanned once for '\n', and a pending partial
 * line is never re-split (the old `(partial + chunk).split('\n')` re-scanned a 100 MB line on every chunk).
 * Only the first `maxLineBytes` of a line are kept; the count of the rest is passed along.
 */
export class LineSplitter {
  private head: Buffer[] = [];
  private headLen = 0;
  private dropped = 0;

  constructor(
    private readonly onLine: (text: string, droppedBytes: number) => void,
    private readonly maxLineBytes = MAX_LINE_BYTES,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      this.take(chunk, start, nl);
      this.emit();
      start = nl + 1;
    }
    if (start < chunk.length) this.take(chunk, start, chunk.length);
  }

  end(): void {
    if (this.headLen || this.dropped) this.emit();
  }

  private take(chunk: Buffer, from: number, to: number): void {
    const room = this.maxLineBytes - this.headLen;
    if (room > 0 && to > from) {
      const n = Math.min(room, to - from);
      // A copy, so a kept 4 KB head does not pin the whole 64 KB chunk.
      this.head.push(Buffer.from(chunk.subarray(from, from + n)));
      this.headLen += n;
      from += n;
    }
    this.dropped += to - from;
  }

  private emit(): void {
    let text = (this.head.length === 1 ? this.head[0] : Buffer.concat(this.head, this.headLen)).toString('utf8');
    if (!this.dropped && text.endsWith('\r')) text = text.slice(0, -1);
    const dropped = this.dropped;
    this.head = [];
    this.headLen = 0;
    this.dropped = 0;
    this.onLine(text, dropped);
  }
}

/** Keeps a bounded, representative set of lines; `omitted` counts the rest. */
export class LineKeeper {
  private first: LogLine[] = [];
  private last: LogLine[] = [];
  private lastAt = 0;
  private logLike: LogLine[] = [];
  private logLikeStride = 1;
  private logLikeSeen = 0;
  private sample: LogLine[] = [];
  private sampleStride = 1;
  private middleSeen = 0;
  total = 0;

  add(line: LogLine): void {
    this.total++;
    if (this.first.length < FIRST) {
      this.first.push(line);
      return;
    }
    // The ring of the newest lines; what falls out of it goes to the log-like or even sample.
    let out: LogLine | undefined;
    if (this.last.length < LAST) this.last.push(line);
    else {
      out = this.last[this.lastAt];
      this.last[this.lastAt] = line;
      this.lastAt = (this.lastAt + 1) % LAST;
    }
    if (out) this.middle(out);
  }

  private middle(line: LogLine): void {
    if (LOGLIKE_RE.test(line.text)) {
      // Every stride-th log-looking line; when full, drop every other one and double the stride (an even sample).
      if (this.logLikeSeen++ % this.logLikeStride === 0) {
        this.logLike.push(line);
        if (this.logLike.length >= LOGLIKE) {
          this.logLike = this.logLike.filter((_, i) => i % 2 === 0);
          this.logLikeStride *= 2;
        }
      }
      return;
    }
    if (this.middleSeen++ % this.sampleStride === 0) {
      this.sample.push(line);
      if (this.sample.length >= SAMPLE) {
        this.sample = this.sample.filter((_, i) => i % 2 === 0);
        this.sampleStride *= 2;
      }
    }
  }

  /** The kept lines in arrival order. */
  lines(): LogLine[] {
    const ring = this.last.length < LAST ? this.last : [...this.last.slice(this.lastAt), ...this.last.slice(0, this.lastAt)];
    const mid = [...this.logLike, ...this.sample].sort((a, b) => a.t - b.t);
    return [...this.first, ...mid, ...ring];
  }

  get omitted(): number {
    return this.total - this.first.length - this.last.length - this.logLike.length - this.sample.length;
  }
}

/**
 * Appends the script's output, as it arrives, to a log file. Chunks are gathered up to 256 KB and written
 * synchronously: bounded memory (no write queue that grows when the disk is slower than the script), and one
 * system call per 256 KB instead of one per line of unbuffered output.
 */
export class OutputLog {
  private fd = -1;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  error?: string;
  bytes = 0;

  constructor(readonly file: string | undefined) {
    if (!file) return;
    try {
      this.fd = fs.openSync(file, 'w');
    } catch (err) {
      this.error = `${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`;
    }
  }

  write(chunk: Buffer): void {
    if (this.fd < 0) return;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= 1 << 18) this.flush();
  }

  private flush(): void {
    if (this.fd < 0 || !this.pendingBytes) return;
    const data = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    try {
      for (let off = 0; off < data.length; ) off += fs.writeSync(this.fd, data, off);
      this.bytes += data.length;
    } catch (err) {
      // A full disk: the log stops, the profile goes on.
      this.error = `${this.file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`;
      this.closeFd();
    }
  }

  close(): void {
    this.flush();
    this.closeFd();
  }

  private closeFd(): void {
    if (this.fd < 0) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      /* already closed */
    }
    this.fd = -1;
  }
}
