// The log pane beside the chart: every line the script printed, with its time. Hovering the chart
// highlights the line printed at that moment (the last one at or before the cursor's time); clicking a line
// pins a cursor on the chart at its time. Text is set with textContent only: nothing printed is parsed.
import type { LogLine } from '../../extension/src/core/profile/runFileTypes';
import { upperBound } from '../../extension/src/core/report/decimate';
import { h } from './dom';
import { formatSeconds } from './format';

/** Lines rendered as elements; beyond this the pane says how many more there are (the run file has all). */
const MAX_ROWS = 5000;
const MAX_TEXT = 500;

export class LogPane {
  readonly root: HTMLElement;
  private readonly list: HTMLElement;
  private readonly count: HTMLElement;
  private readonly times: number[] = [];
  private rows: HTMLElement[] = [];
  private current = -1;

  constructor(
    private logs: LogLine[],
    private readonly onPick: (t: number) => void,
  ) {
    this.list = h('ol', { class: 'log-list', 'aria-label': 'Script output with the time each line was printed' });
    this.count = h('span', { class: 'log-count' });
    this.root = h('section', { class: 'log-pane', 'aria-labelledby': 'log-pane-heading' }, h('h2', { id: 'log-pane-heading' }, 'Output ', this.count), this.list);
    this.list.addEventListener('click', (e) => this.pickFrom(e.target));
    this.list.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.pickFrom(e.target);
      }
    });
    this.render();
  }

  /** Live mode: the same array grew; append the new rows. */
  update(logs?: LogLine[]): void {
    if (logs && logs !== this.logs) {
      this.logs = logs;
      this.rows = [];
      this.times.length = 0;
      this.list.replaceChildren();
    }
    this.render();
  }

  /** Highlights the last line printed at or before `t` (seconds) and scrolls it into the pane's view. */
  highlightAt(t: number | undefined): void {
    this.setCurrent(t === undefined ? -1 : upperBound(this.times, t) - 1);
  }

  private setCurrent(i: number): void {
    if (i === this.current) return;
    this.rows[this.current]?.classList.remove('current');
    this.current = i;
    const row = this.rows[i];
    if (!row) return;
    row.classList.add('current');
    // Scroll the list only (never the page): keep the row inside the pane's visible band.
    const top = row.offsetTop - this.list.offsetTop;
    if (top < this.list.scrollTop || top + row.offsetHeight > this.list.scrollTop + this.list.clientHeight) {
      this.list.scrollTop = Math.max(0, top - this.list.clientHeight / 2);
    }
  }

  /** The index of the highlighted line (tests read it), or -1. */
  highlighted(): number {
    return this.current;
  }

  private render(): void {
    const n = Math.min(this.logs.length, MAX_ROWS);
    const frag = document.createDocumentFragment();
    for (let i = this.rows.length; i < n; i++) {
      const l = this.logs[i];
      const text = l.text.length > MAX_TEXT ? `${l.text.slice(0, MAX_TEXT - 1)}…` : l.text;
      const row = h('li', { class: `log-row ${l.stream}`, tabindex: 0, 'data-i': i, 'data-t': l.t, title: `${l.stream} at ${formatSeconds(l.t)}: click to mark this moment on the chart` }, h('span', { class: 'log-time' }, formatSeconds(l.t)), h('span', { class: 'log-text' }, text));
      this.rows.push(row);
      this.times.push(l.t);
      frag.appendChild(row);
    }
    this.list.appendChild(frag);
    const more = this.logs.length - n;
    this.count.textContent = `(${this.logs.length.toLocaleString('en-US')} line${this.logs.length === 1 ? '' : 's'}${more > 0 ? `; the first ${MAX_ROWS.toLocaleString('en-US')} shown, all are in the run file` : ''})`;
    if (!this.logs.length && !this.list.firstChild) this.list.appendChild(h('li', { class: 'log-empty' }, 'The script printed nothing.'));
    else if (this.logs.length) this.list.querySelector('.log-empty')?.remove();
  }

  private pickFrom(target: EventTarget | null): void {
    const row = (target as HTMLElement | null)?.closest?.('.log-row') as HTMLElement | null;
    if (!row) return;
    const i = Number(row.dataset.i);
    if (!Number.isInteger(i) || !this.logs[i]) return;
    this.setCurrent(i);
    this.onPick(this.logs[i].t);
  }
}
