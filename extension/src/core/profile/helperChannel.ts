// Parses the record stream the in-process helpers (extension/python/memwise_sampler.py and
// extension/node/memwise_preload.cjs) write to fd 3. Format documented at the top of memwise_sampler.py.
import type { CodeRef, LocationSample } from './attribution';
import type { SourceLocation, TraceSite } from './runFileTypes';

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
  /** The profiled process's own samples (children's too are in `samples`): "the running line" for live events. */
  readonly rootSamples: LocationSample[] = [];
  exitPeak?: { t: number; bytes: number };
  error?: { message: string; type?: string; frames: SourceLocation[] };
  trace?: HelperTrace;
  heapSites?: HeapSite[];
  /** The interpreter as the helper sees it (`V` record, sent first): sys.executable and its version. */
  interpreter?: { path: string; version: string };
  readonly warnings: string[] = [];
  /** Re-armed child processes' multiprocessing names by pid (`R` records), e.g. "ForkPoolWorker-2". */
  readonly roles = new Map<number, string>();
  private partial = '';
  /** Child processes number their code locations themselves: "pid:id" → an id unique in `codes`. */
  private readonly childCodeIds = new Map<string, number>();
  private nextChildCodeId = 1_000_000_000;

  /** @param monoStart monotonic seconds at the run's start; samples are stored relative to it. */
  constructor(private readonly monoStart: number) {}

  push(chunk: string): void {
    const text = this.partial + chunk;
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.parse(line);
  }

  end(): void {
    if (this.partial) this.parse(this.partial);
    this.partial = '';
  }

  /** The id in `codes` of location `id` as numbered by process `pid` (absent: the profiled process itself). */
  private codeId(id: string, pid: string | undefined): number {
    if (!pid) return Number(id);
    const key = `${pid}:${id}`;
    let n = this.childCodeIds.get(key);
    if (n === undefined) this.childCodeIds.set(key, (n = this.nextChildCodeId++));
    return n;
  }

  private parse(line: string): void {
    const tab = line.indexOf('\t');
    if (tab < 0) return;
    const kind = line.slice(0, tab);
    const rest = line.slice(tab + 1);
    try {
      switch (kind) {
        case 'S': {
          const [t, id, ln, hwm, rss, pid] = rest.split('\t');
          const sample: LocationSample = { t: Number(t) - this.monoStart, loc: this.codeId(id, pid), line: Number(ln) };
          if (Number(hwm) > 0) sample.hwm = Number(hwm);
          if (Number(rss) > 0) sample.rss = Number(rss);
          if (pid) sample.pid = Number(pid);
          else this.rootSamples.push(sample);
          this.samples.push(sample);
          break;
        }
        case 'F': {
          const [id, file, fn, pid] = rest.split('\t');
          this.codes.set(this.codeId(id, pid), { file, function: fn ?? '' });
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
        case 'R': {
          const [name, pid] = rest.split('\t');
          if (pid) this.roles.set(Number(pid), name);
          break;
        }
      }
    } catch {
      // A torn record (the process was killed mid-write) is dropped, never fatal.
    }
  }
}
