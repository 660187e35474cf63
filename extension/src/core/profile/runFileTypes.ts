// The versioned run file: what a profile run leaves behind (memray's "results file" idea). Types only, so
// the webview bundle can import them without pulling in Node code. Documented in docs/run-file.md.

/** Written by this Memwise. `/2`: `logs` may be a selection of the output (the whole output is in `logFile`). */
export const RUN_SCHEMA = 'memwise.run/2';
/** Read by this Memwise: `/1` files (every output line in `logs`) load as they are. */
export const READABLE_SCHEMAS: readonly string[] = ['memwise.run/1', RUN_SCHEMA];

export interface RunFile {
  schema: typeof RUN_SCHEMA | 'memwise.run/1';
  /** Whole-process-tree peak in bytes (never lower than any sample). */
  peakBytes: number;
  /** Seconds since start of the run at which the tree peak was seen. */
  peakT?: number;
  /** Total RSS of the tree over time. `t` in seconds from start, `rss` in bytes; same length. */
  samples: {
    t: number[];
    rss: number[];
    /**
     * Optional (profile view, issue 6): per-sample index into `locations` of the code line running at that
     * sample, or -1/null when unknown. Same length as `t`. The chart's crosshair reads it out and a click
     * opens that line. Profiler: fill it when you have per-sample locations; the view works without it.
     */
    loc?: (number | null)[];
    /** Optional (profiler): the tree's peak within the interval ending at t[i] (exact with clear_refs), bytes. */
    peak?: number[];
  };
  /** Optional table for `samples.loc` (deduplicated locations). */
  locations?: SourceLocation[];
  processes: ProcessRecord[];
  /** Source lines by attributed memory growth, descending. */
  lines: LineCost[];
  functions?: FunctionCost[];
  logs: LogLine[];
  exitCode: number | null;
  signal?: string | null;
  durationS: number;
  stoppedAtCap: boolean;
  memoryCapBytes?: number;
  startedAt: string;
  script: string;
  cwd: string;
  command: string[];
  interpreter: { kind: 'python' | 'node'; path: string; version: string };
  platform: { os: string; release: string; arch: string; totalMemBytes: number; cpus: number };
  sampling?: {
    requestedIntervalMs: number;
    achievedHz: number;
    sampleCount: number;
    peakMethod: string;
    /** Optional: how many code-location samples the in-process helper sent. */
    locationSamples?: number;
  };
  /** Optional: true when the user cancelled the run (the tree was stopped). */
  cancelled?: boolean;
  /** Optional: things the user should know about this run's measurements. */
  warnings?: string[];
  /** Where memory was growing when something notable happened (cap hit), in words. */
  capContext?: string;
  /**
   * Node only: V8's sampling heap profiler, bytes ALLOCATED per user function (sampled, freed objects included,
   * so the total can exceed the peak). Not growth: `lines` holds RSS growth per line for Node as for Python.
   */
  sampledAllocations?: (SourceLocation & { sizeBytes: number })[];
  /** tracemalloc view, present only for --trace runs. */
  trace?: { overheadNote: string; top: TraceSite[] };
  /** Notebook runs: one span per code cell that started, in order (see core/notebook/notebookRun.ts). */
  cells?: CellSpan[];
  /** Failure details when the script exited with a traceback. */
  error?: { message: string; frames: SourceLocation[] };
  /**
   * Optional: `logs` is a bounded selection (first/last lines, log-looking lines, an even sample) and this many
   * lines were left out of it; every line is in `logFile`.
   */
  logsOmitted?: number;
  /** Optional: the file holding all of the script's output (stdout and stderr in arrival order). */
  logFile?: string;
  /** Optional: descendants still running when the main script ended ("stopped", or "waited" for with --wait-children). */
  leftovers?: LeftoverProcess[];
  /** Optional: why the run was stopped from outside: the CLI got this signal (SIGINT, SIGTERM, SIGHUP). */
  stopSignal?: string;
  /** Optional (absent in older runs): what held the process tree together; see docs/run-file.md, "Containment". */
  containment?: Containment;
}

export interface Containment {
  /** `cgroup-v2` / `cgroup-v1`: the tree ran in its own memory cgroup; `process-tree`: subreaper (Python) + /proc only. */
  method: 'cgroup-v2' | 'cgroup-v1' | 'process-tree';
  /** The cgroup's directory (removed after the run). */
  cgroup?: string;
  /** The kernel-enforced limit (memory.max / memory.limit_in_bytes), a backstop above `memoryCapBytes`. */
  hardLimitBytes?: number;
  /**
   * The kernel's peak for the cgroup (memory.peak / memory.max_usage_in_bytes). A cross-check, not `peakBytes`:
   * it includes page cache and kernel memory, and leaves out what the interpreter used before it joined.
   */
  cgroupPeakBytes?: number;
  /** Processes the kernel's OOM killer ended inside the cgroup (the hard limit was reached). */
  oomKills?: number;
  /** Why no cgroup was used (turned off, not Linux, none writable: each place tried and its error). */
  reason?: string;
}

export interface LeftoverProcess {
  pid: number;
  command: string;
  action: 'stopped' | 'waited';
}

export interface SourceLocation {
  file: string;
  line: number;
  function: string;
  /** Notebook runs: the 0-based index of the cell (among all the notebook's cells); `file` is the .ipynb and `line` is 1-based within the cell. */
  cell?: number;
}

/** Notebook runs: when a code cell ran, in seconds from the start, labelled with its number and first line. */
export interface CellSpan {
  /** 0-based index among all the notebook's cells. */
  index: number;
  /** e.g. `cell 3: df = pd.read_csv(PATH)` */
  label: string;
  start: number;
  /** Absent only while running; a cell that raised ends with the run. */
  end?: number;
}

export interface ProcessRecord {
  pid: number;
  ppid: number;
  command: string;
  /** Optional: the legend's name for it: "main", "worker N" (multiprocessing children) or the command it ran. */
  role?: string;
  peakBytes: number;
  /** Per-process series, same time base as `samples.t`; absent entries mean the process was not alive. */
  series?: { t: number[]; rss: number[] };
}

export interface LineCost extends SourceLocation {
  growthBytes: number;
  samples: number;
  /** Optional: the line's text when the run was taken (trimmed, at most 240 characters). */
  source?: string;
}

export interface FunctionCost {
  file: string;
  function: string;
  growthBytes: number;
  samples: number;
}

export interface LogLine {
  t: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface TraceSite extends SourceLocation {
  sizeBytes: number;
  count: number;
}

/** Live events while a profile runs; the status bar and the live chart consume the same stream. */
export type ProfileEvent =
  | { type: 'start'; pid: number; command: string[]; startedAt: string }
  | { type: 'sample'; t: number; rss: number; peak: number; location?: SourceLocation }
  | { type: 'log'; line: LogLine }
  /** Notebook runs: every cell span so far (the last one open), sent when a cell starts and when the last ends. */
  | { type: 'cells'; cells: CellSpan[] }
  | { type: 'end'; run: RunFile; runFilePath?: string };
