// The estimate file (`schema: "memwise.estimate/1"`): measured peaks at small input sizes, the fitted
// model and the prediction at full size. Types only, so the webview bundle can import them.

export const ESTIMATE_SCHEMA = 'memwise.estimate/1';

export interface EstimatePoint {
  /**
   * The x of the fit: data records of the sample (file mode: lines, CSV rows or JSON array elements, header
   * excluded; `xLabel` says which) or the `{size}` value (sizes mode).
   */
  x: number;
  sizeBytes: number;
  lines: number;
  /** Data records of the sample (file mode). */
  records?: number;
  peakBytes: number;
  fraction?: number;
  size?: number;
  durationS: number;
  /** Peaks of each run when the sample ran more than once (`--repeat`); `peakBytes` is their median. */
  runPeaks?: number[];
  /** Run file of this sample's profile, when kept. */
  runFile?: string;
}

export interface FittedModel {
  kind: 'linear' | 'power';
  /** peak = a + b·x^exponent (exponent 1 for linear). */
  a: number;
  b: number;
  exponent: number;
  /** Leave-one-out relative error (mean absolute), used to choose between models. */
  looError: number;
  rSquared: number;
  superlinear: boolean;
}

export interface EstimateFile {
  schema: typeof ESTIMATE_SCHEMA;
  script: string;
  command: string[];
  mode: 'fractions' | 'sizes';
  /**
   * What x means, for axis labels and messages: "lines", "CSV rows", "JSON array elements" (file mode: records,
   * because bytes per line drift along a file and records do not) or "size" (sizes mode).
   */
  xLabel: string;
  input?: { path: string; sizeBytes: number; lines: number; records?: number; format?: 'lines' | 'csv' | 'json-array'; gzip: boolean };
  /** The size predicted for, when it is not the input itself (`--full-size`): x, bytes and how it was given. */
  target?: { x: number; sizeBytes: number; described: string; multiple?: number };
  points: EstimatePoint[];
  model: FittedModel & { candidates: FittedModel[] };
  /**
   * At the full size: `peakBytes` is the model's prediction, `lowBytes`–`highBytes` its uncertainty band,
   * `fudgeFactor` the safety multiplier (1.1 = +10%, CLI `--fudge 0.1`) and `plannedBytes` = peak × fudgeFactor,
   * what to plan for. `sizeBytes` is 0 in sizes mode (x is then the `{size}` value).
   */
  prediction: { x: number; sizeBytes: number; peakBytes: number; lowBytes: number; highBytes: number; fudgeFactor: number; plannedBytes?: number; fitsInRam?: boolean };
  /** The chosen model and its band from 0 to the full size, for charts. */
  curve?: EstimateCurvePoint[];
  /** Parallel runs and largest input for the machine's RAM, or for `--ram`. */
  capacity?: EstimateCapacity;
  /** Run-to-run noise of one peak (standard deviation, bytes) measured between repeats, when runs were repeated. */
  noiseBytes?: number;
  machine: { totalMemBytes: number };
  /** Plain-words verdict against this machine's RAM. */
  verdict: string;
  warnings: string[];
  /** Set when runs stopped before the last fraction because the next one would cross the memory cap. */
  stoppedEarly?: string;
}

export interface EstimateCurvePoint {
  x: number;
  peakBytes: number;
  lowBytes: number;
  highBytes: number;
}

export interface EstimateCapacity {
  /** The memory these answers are for (this machine's RAM unless given). */
  ramBytes: number;
  /** Runs at the full size that fit side by side, each planned at peak × fudge. */
  parallelRuns: number;
  /** The largest x whose planned peak fits in ramBytes; null when the peak does not grow with the input. */
  largestX: number | null;
  /** The same in bytes of input (file mode). */
  largestInputBytes?: number;
}
