// Per-process series on the run's common time base. The run file stores each process's own samples
// (`processes[i].series`), which may start late (a child spawned mid-run) and end early. The chart and the
// CSV need them on `samples.t`: value at each common time, or null when the process wasn't alive.
import type { RunFile } from '../profile/runFileTypes';

/**
 * Aligns one process series to `t` (both ascending). A common time gets the process sample at or just
 * before it, unless that sample is older than `maxGapS` (the process had exited or not started).
 */
export function alignSeries(t: ArrayLike<number>, series: { t: number[]; rss: number[] }, maxGapS?: number): (number | null)[] {
  const out = new Array<number | null>(t.length).fill(null);
  const st = series.t;
  const sv = series.rss;
  if (!st.length) return out;
  // Same length and same first/last time: the profiler already wrote it on the common base.
  if (st.length === t.length && st[0] === t[0] && st[st.length - 1] === t[t.length - 1]) {
    for (let i = 0; i < t.length; i++) out[i] = Number.isFinite(sv[i]) ? sv[i] : null;
    return out;
  }
  const gap = maxGapS ?? Math.max(0.05, medianStep(st) * 3);
  let j = 0;
  for (let i = 0; i < t.length; i++) {
    const x = t[i];
    if (x < st[0] - 1e-9 || x > st[st.length - 1] + gap) continue;
    while (j + 1 < st.length && st[j + 1] <= x + 1e-9) j++;
    if (x - st[j] <= gap + 1e-9 && Number.isFinite(sv[j])) out[i] = sv[j];
  }
  return out;
}

/** Processes worth a series of their own: only when the run had children (one process = the total). */
export function processesWithSeries(run: RunFile): { label: string; pid: number; values: (number | null)[] }[] {
  const withSeries = run.processes.filter((p) => p.series && p.series.t.length > 0);
  if (run.processes.length < 2 || withSeries.length === 0) return [];
  return withSeries.map((p) => ({
    pid: p.pid,
    // By role (main / worker N / the command it ran; older run files have no role), then the pid.
    label: `${shortCommand(p.role ?? p.command)} · ${p.pid}`,
    values: alignSeries(run.samples.t, p.series!),
  }));
}

function shortCommand(command: string): string {
  const c = command.trim();
  return c.length > 40 ? `${c.slice(0, 39)}…` : c;
}

function medianStep(t: number[]): number {
  if (t.length < 2) return 0.01;
  const steps: number[] = [];
  const stride = Math.max(1, Math.floor(t.length / 200));
  for (let i = stride; i < t.length; i += stride) steps.push((t[i] - t[i - stride]) / stride);
  steps.sort((a, b) => a - b);
  return steps[steps.length >> 1] || 0.01;
}
