// Notebook runs: where each code cell started and ended, as labelled bands over the timeline (a kind of
// marker beside the log markers). Each band carries its cell number, label and times as data attributes, so
// tests and assistive technology read the same thing the eye does.
import type uPlot from 'uplot';
import type { CellSpan } from '../../extension/src/core/profile/runFileTypes';
import { h } from './dom';
import { formatSeconds } from './format';

/** Bands narrower than this (CSS px) keep their edge line but drop the text label. */
const MIN_LABEL_PX = 46;

export function renderCellMarkers(strip: HTMLElement, u: uPlot, cells: readonly CellSpan[] | undefined, runEnd: number): void {
  if (!cells?.length) {
    strip.replaceChildren();
    return;
  }
  const min = u.scales.x.min ?? 0;
  const max = u.scales.x.max ?? 0;
  const bands: HTMLElement[] = [];
  cells.forEach((c, i) => {
    const end = c.end ?? runEnd;
    if (end < min) return;
    // A short last cell can start after the last sample (a busy machine samples late): it still gets a band at
    // the chart's right edge rather than vanishing from the timeline.
    const left = u.valToPos(Math.min(Math.max(c.start, min), max), 'x');
    const right = u.valToPos(Math.min(end, max), 'x');
    const width = Math.max(1, right - left);
    const text = `${c.label} (${formatSeconds(c.start)}–${formatSeconds(end)})`;
    const band = h(
      'div',
      {
        class: `cell-marker${i % 2 ? ' odd' : ''}`,
        role: 'note',
        title: text,
        'aria-label': text,
        'data-cell': c.index + 1,
        'data-label': c.label,
        'data-start': c.start,
        'data-end': end,
      },
      width >= MIN_LABEL_PX ? h('span', { class: 'cell-label' }, `[${c.index + 1}]`) : null,
    );
    band.style.left = `${left}px`;
    band.style.width = `${width}px`;
    bands.push(band);
  });
  strip.replaceChildren(...bands);
}
