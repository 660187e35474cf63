// Messages between the extension and the profile webview, typed both ways. Pure types: the webview
// bundle imports this file too. Everything arriving from the webview is validated by `parseFromWebview`.
import type { RunFile } from './profile/runFileTypes';
import type { EstimateFile } from './estimate/estimateTypes';

export type ToWebview =
  | { type: 'show'; run: RunFile | null; title?: string }
  | { type: 'showEstimate'; estimate: EstimateFile };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'openSource'; file: string; line: number };

/** Messages from a webview are untrusted input: accept only known shapes. */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'openSource':
      if (typeof m.file === 'string' && Number.isInteger(m.line) && (m.line as number) >= 1) {
        return { type: 'openSource', file: m.file, line: m.line as number };
      }
      return undefined;
    default:
      return undefined;
  }
}
