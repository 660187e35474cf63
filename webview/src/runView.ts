// The whole profile page for one run: header, summary, chart toolbar (peak, log toggle, zoom reset,
// compare, export), the chart, and "where memory grew". Also the live variant fed by ProfileEvents.
import type { ProfileEvent, RunFile, SourceLocation } from '../../extension/src/core/profile/runFileTypes';
import type { FromWebview, RunListEntry } from '../../extension/src/core/webviewProtocol';
import { userCommandLine } from '../../extension/src/core/report/commandLine';
import { processesWithSeries } from '../../extension/src/core/report/processSeries';
import { TimelineChart, type TimelineData } from './chart';
import { LogPane } from './logPane';
import { compareLabel, renderComparePicker, renderCompareResult } from './compare';
import { h } from './dom';
import { renderExportButtons } from './export';
import { formatBytes, formatSeconds } from './format';
import { peakText, renderSummary } from './summary';
import { renderCostTables } from './table';

export interface ViewHost {
  /** Present in VS Code; absent in the standalone report. */
  post?: (m: FromWebview) => void;
}

/** Fills defaults so a run file missing optional parts (or written by an older profiler) still renders. */
export function normaliseRun(raw: unknown): RunFile | string {
  if (typeof raw !== 'object' || raw === null) return 'The data is not a run file (not a JSON object).';
  const r = raw as Partial<RunFile> & Record<string, unknown>;
  if (typeof r.schema !== 'string' || !r.schema.startsWith('memwise.run/')) return `Not a Memwise run file (schema is ${JSON.stringify(r.schema)}, expected "memwise.run/2" or "memwise.run/1").`;
  const s = r.samples as RunFile['samples'] | undefined;
  if (!s || !Array.isArray(s.t) || !Array.isArray(s.rss)) return 'The run file has no samples ({ "t": [...], "rss": [...] }).';
  const n = Math.min(s.t.length, s.rss.length);
  return {
    ...(r as RunFile),
    samples: { t: s.t.slice(0, n), rss: s.rss.slice(0, n), loc: Array.isArray(s.loc) ? s.loc : undefined, peak: Array.isArray(s.peak) ? s.peak : undefined },
    peakBytes: typeof r.peakBytes === 'number' ? r.peakBytes : Math.max(0, ...s.rss.slice(0, n)),
    processes: Array.isArray(r.processes) ? r.processes : [],
    lines: Array.isArray(r.lines) ? r.lines : [],
    logs: Array.isArray(r.logs) ? [...r.logs].sort((a, b) => a.t - b.t) : [],
    durationS: typeof r.durationS === 'number' ? r.durationS : n ? s.t[n - 1] : 0,
    stoppedAtCap: !!r.stoppedAtCap,
  };
}

/** "python3 script.py ARGS": the interpreter's name, the script as given, its arguments — not the helper. */
export function commandLine(run: RunFile): string {
  return userCommandLine(run.command, run.script ?? '', { cwd: run.cwd, interpreterPath: run.interpreter?.path });
}

export function timelineData(run: RunFile): TimelineData {
  return {
    t: run.samples.t,
    rss: run.samples.rss,
    procs: processesWithSeries(run),
    peaks: Array.isArray(run.samples.peak) && run.samples.peak.length === run.samples.t.length ? run.samples.peak : undefined,
    loc: run.samples.loc,
    locations: run.locations ?? [],
    logs: run.logs,
    cells: run.cells,
    peakBytes: run.peakBytes,
    peakT: run.peakT,
  };
}

export class RunView {
  private chart: TimelineChart | undefined;
  private logPane: LogPane | undefined;
  private run: RunFile | null = null;
  private compareBox: HTMLElement | undefined;
  private live:
    | { data: TimelineData; script: string; started: number; dirty: boolean; timer?: number; status: HTMLElement; peakEl: HTMLElement; nowEl: HTMLElement; timeEl: HTMLElement }
    | undefined;

  constructor(
    private readonly app: HTMLElement,
    private readonly host: ViewHost,
  ) {}

  private readonly openSource = (loc: SourceLocation): void => {
    this.host.post?.({ type: 'openSource', file: loc.file, line: Math.max(1, Math.floor(loc.line)), ...(loc.cell === undefined ? {} : { cell: loc.cell }) });
  };

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
    this.logPane = undefined;
    if (this.live?.timer) clearTimeout(this.live.timer);
    this.live = undefined;
  }

  retheme(): void {
    this.chart?.retheme();
  }

  currentRun(): RunFile | null {
    return this.run;
  }

  chartCanvas(): HTMLCanvasElement | undefined {
    return this.chart?.canvas();
  }

  chartProbe(): ReturnType<TimelineChart['probe']> {
    return this.chart?.probe();
  }

  showEmpty(message: string): void {
    this.destroy();
    this.app.replaceChildren(h('h1', {}, 'Memwise: Memory profile'), h('p', { class: 'empty' }, message));
  }

  show(run: RunFile, opts: { runs?: RunListEntry[]; previous?: RunFile | null; title?: string } = {}): void {
    this.destroy();
    this.run = run;
    const open = this.host.post ? this.openSource : undefined;
    const logsToggle = h('input', { type: 'checkbox', checked: true, id: 'toggle-logs' });
    const resetBtn = h('button', { type: 'button', 'aria-label': 'Reset zoom' }, 'Reset zoom');
    this.compareBox = h('div', { class: 'compare-box' });
    const picker = this.host.post && opts.runs ? renderComparePicker(opts.runs, (path) => this.host.post?.({ type: 'compare', runFilePath: path })) : null;
    const { chart, timeline } = this.timeline(timelineData(run), open);
    const toolbar = h(
      'div',
      { class: 'toolbar' },
      h('span', { class: 'peak-label', 'data-peak-bytes': run.peakBytes }, peakText(run)),
      h('label', { class: 'toggle', for: 'toggle-logs' }, logsToggle, `Log markers (${run.logs.length})`),
      resetBtn,
      h('span', { class: 'spacer' }),
      renderExportButtons({ post: this.host.post, png: () => chart.toPng(), run: () => this.run }),
    );
    logsToggle.addEventListener('change', () => chart.setLogsVisible(logsToggle.checked));
    resetBtn.addEventListener('click', () => chart.resetZoom());
    const subtitle = commandLine(run);
    this.app.replaceChildren(
      h('h1', {}, opts.title ?? 'Memwise: Memory profile'),
      h('div', { class: 'command-row' }, h('p', { class: 'subtitle', title: run.cwd ?? '' }, subtitle ?? ''), this.editArgsButton()),
      renderSummary(run, open),
      toolbar,
      h('div', { class: 'compare-row' }, picker, this.compareBox),
      timeline,
      renderCostTables(run, open),
    );
    chart.mount();
    if (opts.previous) this.setCompare(opts.previous);
  }

  /** The chart and the log pane side by side, wired together: hover → highlighted line, line click → cursor. */
  private timeline(data: TimelineData, open?: (loc: SourceLocation) => void): { chart: TimelineChart; timeline: HTMLElement } {
    const chart = new TimelineChart(data, { onOpenSource: open, onHoverTime: (t) => this.logPane?.highlightAt(t) });
    const pane = new LogPane(data.logs, (t) => chart.pinTime(t));
    this.chart = chart;
    this.logPane = pane;
    return { chart, timeline: h('div', { class: 'timeline-row' }, chart.root, pane.root) };
  }

  /** Test hook: the highlighted log line's index and the chart's pinned time. */
  logProbe(): { highlighted: number; pinned: number | undefined } | undefined {
    return this.logPane && { highlighted: this.logPane.highlighted(), pinned: this.chart?.pinnedTime() };
  }

  /** In VS Code: change the arguments this script is profiled with (asks, remembers, offers to run again). */
  private editArgsButton(): HTMLElement | null {
    if (!this.host.post) return null;
    const b = h('button', { type: 'button', class: 'edit-args', title: 'Change the arguments Memwise runs this script with' }, 'Edit arguments…');
    b.addEventListener('click', () => this.host.post?.({ type: 'editArgs' }));
    return b;
  }

  setCompare(previous: RunFile | null, error?: string): void {
    if (!this.compareBox || !this.run || !this.chart) return;
    if (error) {
      this.compareBox.replaceChildren(h('div', { class: 'banner', role: 'alert' }, error));
      return;
    }
    if (!previous) {
      this.compareBox.replaceChildren();
      this.chart.setCompare(undefined);
      return;
    }
    this.compareBox.replaceChildren(renderCompareResult(this.run, previous, () => this.setCompare(null)));
    this.chart.setCompare({ label: compareLabel(previous), t: previous.samples.t, rss: previous.samples.rss, peakBytes: previous.peakBytes });
  }

  /** Live mode: events batched by the extension. Redraws at most ~10 times a second. */
  pushLive(script: string, events: ProfileEvent[], cwd?: string): void {
    for (const ev of events) {
      if (ev.type === 'end') {
        const run = normaliseRun(ev.run);
        if (typeof run === 'string') this.showEmpty(run);
        else this.show(run);
        continue;
      }
      if (ev.type === 'start' || !this.live) this.startLive(script, ev.type === 'start' ? userCommandLine(ev.command, script, { cwd }) : script);
      const live = this.live!;
      if (ev.type === 'sample') {
        live.data.t.push(ev.t);
        live.data.rss.push(ev.rss);
        if (ev.peak > live.data.peakBytes) {
          live.data.peakBytes = ev.peak;
          live.data.peakT = ev.t;
        }
        let locIdx: number | null = null;
        if (ev.location) {
          const key = `${ev.location.file}\0${ev.location.line}`;
          const found = live.data.locations.findIndex((l) => `${l.file}\0${l.line}` === key);
          locIdx = found >= 0 ? found : live.data.locations.push(ev.location) - 1;
        }
        live.data.loc!.push(locIdx);
      } else if (ev.type === 'cells') {
        live.data.cells = ev.cells;
      } else if (ev.type === 'log') {
        live.data.logs.push(ev.line);
      }
      live.dirty = true;
    }
    this.scheduleLiveDraw();
  }

  private startLive(script: string, command: string): void {
    this.destroy();
    this.run = null;
    const data: TimelineData = { t: [], rss: [], procs: [], loc: [], locations: [], logs: [], peakBytes: 0 };
    const { chart, timeline } = this.timeline(data, this.host.post ? this.openSource : undefined);
    const card = (label: string, field: string, cls = ''): [HTMLElement, HTMLElement] => {
      const dd = h('dd', { 'data-field': field }, '–');
      return [h('div', { class: `card ${cls}` }, h('dt', {}, label), dd), dd];
    };
    const [peakCard, peakEl] = card('Peak so far', 'peak', 'peak');
    const [nowCard, nowEl] = card('Now', 'now');
    const [timeCard, timeEl] = card('Elapsed', 'elapsed');
    const status = h('p', { class: 'note', role: 'status' }, 'Starting…');
    this.app.replaceChildren(
      h('h1', {}, 'Memwise: Memory profile', h('span', { class: 'live-badge' }, 'LIVE')),
      h('p', { class: 'subtitle', title: script }, command || script),
      h('dl', { class: 'summary live-summary', 'aria-label': 'Live memory' }, peakCard, nowCard, timeCard),
      status,
      timeline,
    );
    chart.mount();
    this.live = { data, script, started: Date.now(), dirty: false, status, peakEl, nowEl, timeEl };
  }

  private scheduleLiveDraw(): void {
    const live = this.live;
    if (!live || live.timer !== undefined) return;
    live.timer = window.setTimeout(() => {
      live.timer = undefined;
      if (this.live !== live || !live.dirty) return;
      live.dirty = false;
      const d = live.data;
      const n = d.t.length;
      live.peakEl.textContent = formatBytes(d.peakBytes);
      live.peakEl.setAttribute('data-bytes', String(d.peakBytes));
      live.nowEl.textContent = n ? formatBytes(d.rss[n - 1]) : '–';
      live.nowEl.setAttribute('data-bytes', String(n ? d.rss[n - 1] : 0));
      live.timeEl.textContent = n ? formatSeconds(d.t[n - 1]) : '–';
      live.status.textContent = n ? `${n.toLocaleString('en-US')} samples · ${d.logs.length} log lines` : 'Starting…';
      this.chart?.update();
      this.logPane?.update();
    }, 100);
  }
}
