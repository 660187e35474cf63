// The estimate file (`schema: "memwise.estimate/1"`): measured peaks at small input sizes, the fitted
// model and the prediction at full size. Types only, so the webview bundle can import them.

export const ESTIMATE_SCHEMA = 'memwise.estimate/1';

export interface EstimatePoint {
  /** The x of the fit: bytes of the sampled input (file mode) or the `{size}` value (sizes mode). */
  x: number;
  sizeBytes: number;
  lines: number;
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
  /** What x means, for axis labels: "input bytes" or "size". */
  xLabel: string;
  input?: { path: string; sizeBytes: number; lines: number; gzip: boolean };
  points: EstimatePoint[];
  model: FittedModel & { candidates: FittedModel[] };
  /**
   * At the full size: `peakBytes` is the model's prediction, `lowBytes`–`highBytes` its uncertainty band,
   * `fudgeFactor` the safety multiplier (1.1 = +10%, CLI `--fudge 0.1`) and `plannedBytes` = peak × fudgeFactor,
   * what to plan for. `sizeBytes` is 0 in sizes mode (x is then the `{size}` value).
   */
  prediction: { x: number; sizeBytes: number; peakBytes: number; lowBytes: number; highBytes: number; fudgeFactor: number; plannedBytes?: number };
  machine: { totalMemBytes: number };
  /** Plain-words verdict against this machine's RAM. */
  verdict: string;
  warnings: string[];
  /** Set when runs stopped before the last fraction because the next one would cross the memory cap. */
  stoppedEarly?: string;
}
