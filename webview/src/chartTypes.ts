// What the timeline chart is given: its data, the optional previous-run overlay, and the callbacks it calls.
// Kept apart from chart.ts so the views that build this data need not read the drawing code.
import type { CellSpan, LogLine, SourceLocation } from '../../extension/src/core/profile/runFileTypes';

/** What the chart draws. Arrays may grow (live mode); call `update()` after appending. */
export interface TimelineData {
  t: number[];
  rss: number[];
  procs: { label: string; values: (number | null)[] }[];
  /** Exact peak of each sampling interval (VmHWM reset per read), when the profiler recorded it. */
  peaks?: number[];
  loc?: (number | null)[];
  locations: SourceLocation[];
  logs: LogLine[];
  peakBytes: number;
  peakT?: number;
  /** Notebook runs: when each code cell ran (drawn by cellMarkers.ts). */
  cells?: CellSpan[];
}

export interface CompareData {
  label: string;
  t: number[];
  rss: number[];
  peakBytes: number;
}

export interface ChartCallbacks {
  onOpenSource?: (loc: SourceLocation) => void;
  /** The time under the crosshair (seconds), or undefined when it leaves the chart: the log pane follows it. */
  onHoverTime?: (t: number | undefined) => void;
}
