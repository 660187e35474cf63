// "Compare with previous run": pick a run (the extension lists the runs folder; the report embeds one),
// overlay it on the chart and show the change in peak and duration — the before/after of an optimisation.
import type { RunFile } from '../../extension/src/core/profile/runFileTypes';
import type { RunListEntry } from '../../extension/src/core/webviewProtocol';
import { h } from './dom';
import { formatBytes, formatChange, formatSeconds } from './format';

export function compareLabel(run: RunFile): string {
  return `previous run (${shortDate(run.startedAt)})`;
}

function shortDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('T', ' ').slice(0, 19);
}

/** The picker; `runs` excludes the shown run. */
export function renderComparePicker(runs: RunListEntry[], onPick: (path: string) => void): HTMLElement | null {
  if (!runs.length) return null;
  const sel = h('select', { 'aria-label': 'Run to compare with' });
  for (const r of runs) sel.appendChild(h('option', { value: r.path, title: r.path }, `${shortDate(r.startedAt).slice(5, 16)} · ${r.label} · ${formatBytes(r.peakBytes)}`));
  const btn = h('button', { type: 'button' }, 'Compare');
  btn.addEventListener('click', () => onPick(sel.value));
  return h('span', { class: 'compare-picker' }, h('label', {}, 'Compare with ', sel), ' ', btn);
}

export function renderCompareResult(current: RunFile, previous: RunFile, onClear?: () => void): HTMLElement {
  const change = (label: string, before: number, after: number, fmt: (n: number) => string): HTMLElement => {
    const pct = formatChange(before, after);
    const cls = after < before ? 'better' : after > before ? 'worse' : '';
    return h('span', { 'data-field': `compare-${label.toLowerCase()}` }, `${label}: ${fmt(before)} → ${fmt(after)} `, h('strong', { class: cls }, pct ? `(${pct})` : ''));
  };
  const clear = onClear ? h('button', { type: 'button' }, 'Clear comparison') : null;
  clear?.addEventListener('click', () => onClear?.());
  return h(
    'div',
    { class: 'compare-result', role: 'status' },
    h('span', {}, `Compared with ${compareLabel(previous)}:`),
    change('Peak', previous.peakBytes, current.peakBytes, (n) => formatBytes(n)),
    change('Duration', previous.durationS, current.durationS, (n) => formatSeconds(n)),
    clear,
  );
}
