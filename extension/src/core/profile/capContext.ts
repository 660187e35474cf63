// The sentence a run stopped at the memory cap carries (`capContext`): the peak, the growth rate just before the
// cap, and the line that grew memory most then, by the same attribution as the run's line table.
import * as path from 'path';
import { attributeTree } from './processAttribution';
import type { HelperChannel } from './helperChannel';
import type { SourceLocation } from './runFileTypes';
import { formatBytes } from './sizes';

/** Every process's samples since `from`, in time order, without the per-process readings (they only compare
 *  within one process; the tree's rises are shared by time here). */
function recentSamples(channel: HelperChannel, from: number) {
  return channel.samples
    .filter((s) => s.t >= from)
    .map((s) => ({ t: s.t, loc: s.loc, line: s.line, pid: s.pid }))
    .sort((a, b) => a.t - b.t);
}

/** The run's `capContext`: how fast memory grew over the last ~2 s before the cap, and on which line. */
export function describeCap(peak: number, cap: number, now: number, t: number[], rss: number[], peaks: number[], channel: HelperChannel, at?: SourceLocation): string {
  // Growth rate over the last ~2 s before the cap.
  let i = t.length - 1;
  while (i > 0 && now - t[i] < 2) i--;
  const rate = t.length > 1 && now > t[i] ? (rss[rss.length - 1] - rss[i]) / (now - t[i]) : 0;
  // Which line grew memory most over the last ~2 s (the same attribution as the run's line table).
  const from = Math.max(0, Math.min(i, t.length - 2));
  const recent = attributeTree(t.slice(from), rss.slice(from), peaks.slice(from), recentSamples(channel, t[from] - 1), channel.codes).lines;
  const top: SourceLocation | undefined = recent.find((l) => l.growthBytes > 0) ?? at;
  const where = top ? `${path.basename(top.file)}:${top.line} (${top.function})` : 'an unknown line (no location samples from the script)';
  return (
    `Stopped at ${formatBytes(peak)} (cap ${formatBytes(cap)}) after ${now.toFixed(1)} s; memory was growing ` +
    `${rate > 0 ? `by ${formatBytes(rate)}/s ` : ''}while running ${where}.`
  );
}
