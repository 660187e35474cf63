// Which file paths the profile webview may make the extension touch. The webview renders what a profiled
// script printed, so it is treated as untrusted: an `openSource` message may name only files the shown
// run (or the live profile) names, and the state a panel saves for a window reload may name only run or
// estimate files the extension itself showed in it. Pure: no `vscode` import, unit-tested.
import * as path from 'path';
import type { ProfileEvent, RunFile } from './profile/runFileTypes';

/** What the panel shows, as far as opening source files is concerned. */
export type ShownSources =
  | { kind: 'run'; run: RunFile }
  | { kind: 'live'; script: string; files: ReadonlySet<string> }
  | { kind: 'other' };

/** Every file a run names (table rows, functions, sample locations, trace, traceback, the script). */
export function filesNamedByRun(run: RunFile): string[] {
  return [
    ...(run.lines ?? []).map((l) => l.file),
    ...(run.functions ?? []).map((f) => f.file),
    ...(run.locations ?? []).map((l) => l.file),
    ...(run.trace?.top ?? []).map((s) => s.file),
    ...(run.error?.frames ?? []).map((f) => f.file),
    run.script,
  ].filter((f): f is string => typeof f === 'string' && f.length > 0);
}

/** Live profile: records the files the streamed samples point at (the chart's click targets). */
export function noteLiveEvent(files: Set<string>, event: ProfileEvent): void {
  if (event.type === 'sample' && event.location && typeof event.location.file === 'string') files.add(event.location.file);
}

/** Whether a webview's `openSource` for `file` refers to a file the shown content names (exact match). */
export function mayOpenSource(file: string, shown: ShownSources): boolean {
  switch (shown.kind) {
    case 'run':
      return filesNamedByRun(shown.run).includes(file);
    case 'live':
      return file === shown.script || shown.files.has(file);
    default:
      return false; // an estimate or the empty view has no source links
  }
}

/** The panel state a reload hands back (it comes from the webview's setState). */
export type PanelFileState = { runFilePath: string } | { estimateFilePath: string } | Record<string, never>;

/**
 * Accepts the saved state only when it names an absolute `.json` path the extension showed in the panel
 * (`shown`); anything else (wrong types, other files, NUL bytes, relative paths) yields `{}`.
 */
export function parsePanelState(raw: unknown, shown: Iterable<string>): PanelFileState {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const known = new Set(shown);
  const ok = (p: unknown): p is string =>
    typeof p === 'string' && p.length < 4096 && !p.includes('\0') && path.isAbsolute(p) && p.toLowerCase().endsWith('.json') && known.has(p);
  const s = raw as Record<string, unknown>;
  if (ok(s.runFilePath)) return { runFilePath: s.runFilePath };
  if (ok(s.estimateFilePath)) return { estimateFilePath: s.estimateFilePath };
  return {};
}

/** Adds `file` to the remembered list (newest last, no duplicates, at most `max`). */
export function rememberShownFile(list: readonly string[], file: string, max = 50): string[] {
  return [...list.filter((f) => f !== file), file].slice(-max);
}
