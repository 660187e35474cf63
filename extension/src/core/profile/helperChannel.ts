// Parses the record stream the in-process helpers (extension/python/memwise_sampler.py and
// extension/node/memwise_preload.cjs) write to fd 3. Format documented at the top of memwise_sampler.py.
import type { CodeRef, LocationSample } from './attribution';
import type { LeftoverProcess, SourceLocation, TraceSite } from './runFileTypes';

export interface HelperTrace {
  t: number;
  tracedBytes: number;
  top: TraceSite[];
  snapshots: number;
  snapshotSeconds: number;
  skipped: number;
}

/** V8 sampling heap profile summary from the Node preload: live sampled bytes per allocating function. */
export interface HeapSite extends SourceLocation {
  sizeBytes: number;
}

export class HelperChannel {
  readonly codes = new Map<number, CodeRef>();
  readonly samples: LocationSample[] = [];
  exitPeak?: { t: number; bytes: number };
  error?: { message: string; type?: string; frames: SourceLocation[] };
  trace?: HelperTrace;
  heapSites?: HeapSite[];
  /** The interpreter as the helper sees it (`V` record, sent first): sys.executable and its version. */
  interpreter?: { path: string; version: string };
  readonly warnings: string[] = [];
  /** Descendants still running when the script ended (`L` records). */
  readonly leftovers: LeftoverProcess[] = [];
  /** Set when the script called os.exec* (`X` record): the channel closed with the exec, as expected. */
  execAt?: number;
  private partial = '';

  /** @param monoStart monotonic seconds at the run's start; samples are stored relative to it. */
  constructor(private readonly monoStart: number) {}

  push(chunk: string): void {
    // Each chunk is scanned once: a long record arriving in many chunks is not re-split on every one.
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
      const line = this.partial ? this.partial + chunk.slice(start, nl) : chunk.slice(start, nl);
      this.partial = '';
      this.parse(line);
      start = nl + 1;
    }
    if (start < chunk.length) this.partial += chunk.slice(start);
  }

  end(): void {
    if (this.partial) this.parse(this.partial);
    this.partial = '';
  }

  private parse(line: string): void {
    const tab = line.indexOf('\t');
    if (tab < 0) return;
    const kind = line.slice(0, tab);
    const rest = line.slice(tab + 1);
    try {
      switch (kind) {
        case 'S': {
          const [t, id, ln] = rest.split('\t');
          this.samples.push({ t: Number(t) - this.monoStart, loc: Number(id), line: Number(ln) });
          break;
        }
        case 'F': {
          const [id, file, fn] = rest.split('\t');
          this.codes.set(Number(id), { file, function: fn ?? '' });
          break;
        }
        case 'P': {
          const [t, bytes] = rest.split('\t');
          this.exitPeak = { t: Number(t) - this.monoStart, bytes: Number(bytes) };
          break;
        }
        case 'E':
          this.error = JSON.parse(rest);
          break;
        case 'T':
          this.trace = JSON.parse(rest);
          break;
        case 'H': {
          // Keep the report taken when the sampled live heap was largest (closest to the peak).
          const sites = JSON.parse(rest) as HeapSite[];
          const total = (xs: HeapSite[]) => xs.reduce((s, x) => s + x.sizeBytes, 0);
          if (!this.heapSites || total(sites) >= total(this.heapSites)) this.heapSites = sites;
          break;
        }
        case 'V': {
          const [exe, version] = rest.split('\t');
          this.interpreter = { path: exe ?? '', version: version ?? '' };
          break;
        }
        case 'W':
          this.warnings.push(rest);
          break;
        case 'X':
          this.execAt = Number(rest) - this.monoStart;
          break;
        case 'L': {
          const [pid, action, command] = rest.split('\t');
          this.leftovers.push({ pid: Number(pid), action: action === 'waited' ? 'waited' : 'stopped', command: command ?? '' });
          break;
        }
      }
    } catch {
      // A torn record (the process was killed mid-write) is dropped, never fatal.
    }
  }
}
