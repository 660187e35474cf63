// The script's output on the timeline: log lines as marker buttons over the bottom of the plot (grouped when
// closer than a few pixels, so 100k lines never make 100k buttons), the first line written beside a marker
// where there is room, and a tooltip with the lines on hover or focus.
import type uPlot from 'uplot';
import type { LogLine } from '../../extension/src/core/profile/runFileTypes';
import { lowerBound, upperBound } from '../../extension/src/core/report/decimate';
import { h } from './dom';
import { formatSeconds } from './format';

/** Log lines closer than this (CSS px) share one marker, so 100k lines don't make 100k buttons. */
const MARKER_GROUP_PX = 7;
const TOOLTIP_MAX_LINES = 8;
/** A marker's text is written beside it when this much room (CSS px) is free before the next marker. */
const LABEL_MIN_PX = 48;
const LABEL_MAX_CHARS = 40;

interface MarkerGroup {
  t: number;
  left: number;
  lines: LogLine[];
  stderr: boolean;
}

/** The lines in the visible x range, grouped by pixel distance (the PNG export draws them too). */
export function markerGroups(u: uPlot, logs: readonly LogLine[]): MarkerGroup[] {
  if (!logs.length) return [];
  const min = u.scales.x.min ?? 0;
  const max = u.scales.x.max ?? 0;
  const ts = logs.map((l) => l.t);
  const a = lowerBound(ts, min);
  const b = upperBound(ts, max);
  const groups: MarkerGroup[] = [];
  for (let i = a; i < b; i++) {
    const left = u.valToPos(logs[i].t, 'x');
    const last = groups[groups.length - 1];
    if (last && left - last.left < MARKER_GROUP_PX) {
      last.lines.push(logs[i]);
      last.stderr ||= logs[i].stream === 'stderr';
    } else {
      groups.push({ t: logs[i].t, left, lines: [logs[i]], stderr: logs[i].stream === 'stderr' });
    }
  }
  return groups;
}

/** Replaces the strip's markers with the visible lines' (buttons, focusable; hover/focus calls `tip.show`). */
export function renderLogMarkers(strip: HTMLElement, u: uPlot, logs: readonly LogLine[], tip: { show(lines: LogLine[], left: number): void; hide(): void }): void {
  const groups = markerGroups(u, logs);
  const buttons: HTMLElement[] = [];
  for (const g of groups) {
    const first = g.lines[0];
    const label = g.lines.length === 1 ? `${first.stream} at ${formatSeconds(first.t)}: ${first.text}` : `${g.lines.length} log lines at ${formatSeconds(g.t)}`;
    const b = h('button', {
      class: `log-marker${g.stderr ? ' stderr' : ''}`,
      type: 'button',
      'aria-label': label.length > 300 ? `${label.slice(0, 299)}…` : label,
      'data-t': g.t,
      'data-count': g.lines.length,
    });
    b.style.left = `${g.left}px`;
    const show = (): void => tip.show(g.lines, g.left);
    b.addEventListener('mouseenter', show);
    b.addEventListener('focus', show);
    b.addEventListener('mouseleave', tip.hide);
    b.addEventListener('blur', tip.hide);
    buttons.push(b);
  }
  strip.replaceChildren(...buttons, ...markerLabels(u, groups));
}

/**
 * The first line of each marker written beside it, where the room up to the next marker allows
 * (issue 16: text that shows only on hover is text nobody reads). Hidden from screen readers: the
 * marker buttons already carry the text.
 */
function markerLabels(u: uPlot, groups: readonly MarkerGroup[]): HTMLElement[] {
  const width = u.over.clientWidth ?? 0;
  const labels: HTMLElement[] = [];
  groups.forEach((g, k) => {
    const room = (k + 1 < groups.length ? groups[k + 1].left : width) - g.left - 8;
    if (room < LABEL_MIN_PX) return;
    const first = g.lines[0].text.trim();
    const text = (g.lines.length > 1 ? `${first} (+${g.lines.length - 1})` : first).slice(0, LABEL_MAX_CHARS);
    if (!text) return;
    const label = h('span', { class: `log-label${g.stderr ? ' stderr' : ''}`, 'aria-hidden': 'true' }, text);
    label.style.left = `${g.left + 6}px`;
    label.style.maxWidth = `${room}px`;
    labels.push(label);
  });
  return labels;
}

/** Shows `lines` (at most a few, the text escaped by the DOM builder) in the tooltip under the marker at `left`. */
export function showLogTooltip(tip: HTMLElement, root: HTMLElement, u: uPlot, lines: readonly LogLine[], left: number): void {
  const shown = lines.slice(0, TOOLTIP_MAX_LINES);
  tip.replaceChildren(
    ...shown.map((l) =>
      h('div', {}, h('span', { class: `stream ${l.stream}` }, `${formatSeconds(l.t)} ${l.stream} `), l.text.length > 400 ? `${l.text.slice(0, 399)}…` : l.text),
    ),
    ...(lines.length > shown.length ? [h('div', { class: 'stream' }, `… and ${lines.length - shown.length} more`)] : []),
  );
  tip.hidden = false;
  const overRect = u.over.getBoundingClientRect();
  const rootRect = root.getBoundingClientRect();
  const x = overRect.left - rootRect.left + left;
  tip.style.left = `${Math.max(4, Math.min(x - 20, rootRect.width - tip.offsetWidth - 4))}px`;
  tip.style.top = `${overRect.bottom - rootRect.top + 4}px`;
}
