// Messages between the extension and the profile webview, typed both ways. Pure types: the webview
// bundle imports this file too. Everything arriving from the webview is validated by `parseFromWebview`.
import type { ProfileEvent, RunFile } from './profile/runFileTypes';
import type { EstimateFile } from './estimate/estimateTypes';

/** A run the webview may offer for "Compare with previous run" (the extension lists `.memwise/runs/`). */
export interface RunListEntry {
  path: string;
  label: string;
  peakBytes: number;
  durationS: number;
  startedAt: string;
}

export type ToWebview =
  | {
      type: 'show';
      run: RunFile | null;
      title?: string;
      /** Where the run was loaded from; the webview keeps it in its state so a reload can reopen it. */
      runFilePath?: string;
      /** Other runs of the runs folder, newest first, for the compare picker. */
      runs?: RunListEntry[];
      /** A run to overlay right away (e.g. the previous run of the same script). */
      previous?: RunFile | null;
    }
  | { type: 'showEstimate'; estimate: EstimateFile; estimateFilePath?: string }
  | { type: 'compare'; run: RunFile | null; error?: string }
  /** Live profiling: events batched by the extension (at most ~10 batches a second). */
  | { type: 'live'; script: string; events: ProfileEvent[] };

export type ExportFormat = 'csv' | 'json';

export type FromWebview =
  | { type: 'ready' }
  | { type: 'openSource'; file: string; line: number; /** Notebook runs: the cell's 0-based index; `line` is within it. */ cell?: number }
  | { type: 'compare'; runFilePath: string }
  | { type: 'export'; format: ExportFormat }
  | { type: 'exportPng'; dataUrl: string };

/** A PNG of the chart is a few hundred KB; anything near this is not ours. */
export const MAX_PNG_DATA_URL = 32 * 1024 * 1024;
const PNG_PREFIX = 'data:image/png;base64,';

/** Messages from a webview are untrusted input: accept only known shapes. */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'openSource':
      if (typeof m.file === 'string' && m.file.length > 0 && m.file.length < 4096 && !m.file.includes('\0') && Number.isInteger(m.line) && (m.line as number) >= 1) {
        if (m.cell === undefined) return { type: 'openSource', file: m.file, line: m.line as number };
        return Number.isInteger(m.cell) && (m.cell as number) >= 0 ? { type: 'openSource', file: m.file, line: m.line as number, cell: m.cell as number } : undefined;
      }
      return undefined;
    case 'compare':
      // The extension still checks the path is one it offered; this only checks the shape.
      if (typeof m.runFilePath === 'string' && m.runFilePath.length > 0 && m.runFilePath.length < 4096 && !m.runFilePath.includes('\0')) {
        return { type: 'compare', runFilePath: m.runFilePath };
      }
      return undefined;
    case 'export':
      if (m.format === 'csv' || m.format === 'json') return { type: 'export', format: m.format };
      return undefined;
    case 'exportPng':
      if (
        typeof m.dataUrl === 'string' &&
        m.dataUrl.length <= MAX_PNG_DATA_URL &&
        m.dataUrl.startsWith(PNG_PREFIX) &&
        /^[A-Za-z0-9+/]*={0,2}$/.test(m.dataUrl.slice(PNG_PREFIX.length))
      ) {
        return { type: 'exportPng', dataUrl: m.dataUrl };
      }
      return undefined;
    default:
      return undefined;
  }
}
