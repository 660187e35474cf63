// CSV export of a run's samples: `time_s,rss_bytes`, `interval_peak_bytes` when the profiler recorded
// per-interval peaks, and one `pid_<pid>_rss_bytes` column per process when the run had several. Pure (the webview uses it for the report's download link, the extension for
// the save dialog). Empty cells mean "process not alive at that time".
import type { RunFile } from './runFileTypes';
import { processesWithSeries } from '../report/processSeries';

export function runToCsv(run: RunFile): string {
  const procs = processesWithSeries(run);
  const { t, rss } = run.samples;
  const n = Math.min(t.length, rss.length);
  // The exact peak within each sampling interval, when the profiler recorded it (see docs/run-file.md).
  const peak = Array.isArray(run.samples.peak) && run.samples.peak.length === t.length ? run.samples.peak : undefined;
  const header = ['time_s', 'rss_bytes', ...(peak ? ['interval_peak_bytes'] : []), ...procs.map((p) => `pid_${p.pid}_rss_bytes`)];
  const rows: string[] = [header.join(',')];
  for (let i = 0; i < n; i++) {
    let row = `${formatTime(t[i])},${Math.round(rss[i])}`;
    if (peak) row += Number.isFinite(peak[i]) ? `,${Math.round(peak[i])}` : ',';
    for (const p of procs) {
      const v = p.values[i];
      row += v === null || v === undefined ? ',' : `,${Math.round(v)}`;
    }
    rows.push(row);
  }
  return rows.join('\n') + '\n';
}

/** Microsecond precision is more than any sampler gives; trims float noise such as 0.30000000000000004. */
function formatTime(t: number): string {
  return String(Math.round(t * 1e6) / 1e6);
}
