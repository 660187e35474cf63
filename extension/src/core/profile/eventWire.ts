// The ndjson stream between `memwise profile --events-fd N` and the editor: the extension runs the profiler as a
// child process (as vscode-eslint keeps its server out of the extension host), so a busy extension host costs
// the sampler nothing. One JSON object per line; the run itself is read from the saved run file.
import * as fs from 'fs';
import type { ProfileEvent, RunFile } from './runFileTypes';

export type WireEvent =
  | Exclude<ProfileEvent, { type: 'end' }>
  | { type: 'message'; text: string }
  /** The last event: where the run was saved, or the run itself when it could not be saved (`saveError`). */
  | { type: 'end'; runPath?: string; run?: RunFile; saveError?: string };

// Live log lines are a view; past this much unsent data they are dropped from the stream (never from the run).
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;

/** CLI side: writes events to an inherited pipe fd. */
export class EventWriter {
  private readonly stream: fs.WriteStream;
  private broken = false;
  droppedLogLines = 0;

  /** @param onBroken called once when the reader is gone (the editor closed): the caller cancels the run. */
  constructor(fd: number, onBroken: () => void) {
    this.stream = fs.createWriteStream('', { fd, autoClose: true });
    this.stream.on('error', () => {
      if (!this.broken) {
        this.broken = true;
        onBroken();
      }
    });
  }

  send(e: WireEvent): void {
    if (this.broken) return;
    if (e.type === 'log' && this.stream.writableLength > MAX_QUEUED_BYTES) {
      this.droppedLogLines++;
      return;
    }
    this.stream.write(JSON.stringify(e) + '\n');
  }

  /** Flushes everything sent, then closes the fd. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.broken) return resolve();
      this.stream.end(() => resolve());
    });
  }
}

/** Editor side: splits the byte stream into events in linear time (each chunk is scanned once). */
export class EventReader {
  private pending: Buffer[] = [];

  constructor(private readonly onEvent: (e: WireEvent) => void) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      this.pending.push(chunk.subarray(start, nl));
      const line = Buffer.concat(this.pending).toString('utf8');
      this.pending = [];
      start = nl + 1;
      if (!line) continue;
      let event: WireEvent;
      try {
        event = JSON.parse(line) as WireEvent;
      } catch {
        continue; // a torn line (the CLI was killed mid-write) is dropped
      }
      this.onEvent(event);
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }
}
