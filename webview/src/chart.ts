// The timeline: total memory of the process tree over time (plus one series per process when there were
// children, plus an optional "previous run" overlay), the peak marked with its value, stdout/stderr lines
// as markers, a crosshair readout with the code line running then, drag to zoom, double-click to reset,
// click to open the line. uPlot draws; we decimate (min/max per pixel column) the visible range before
// every draw, so a million samples cost one linear pass and uPlot only ever sees ~2 points per pixel.
import uPlot from 'uplot';
import type { SourceLocation } from '../../extension/src/core/profile/runFileTypes';
import type { ChartCallbacks, CompareData, TimelineData } from './chartTypes';
import { renderCellMarkers } from './cellMarkers';
import { drawPeak, drawPinnedTime } from './chartCanvas';
import { markerGroups, renderLogMarkers, showLogTooltip } from './logMarkers';
import { decimateIndices, nearestIndex, pick } from '../../extension/src/core/report/decimate';
import { h } from './dom';
import { formatBytes, formatSeconds, locationLabel } from './format';
import { themeColors, withAlpha, type ThemeColors } from './theme';
import { axisSeconds, BYTE_INCRS } from './chartAxes';
import { argMax, peaksAboveSamples } from './peakSeries';

export type { ChartCallbacks, CompareData, TimelineData } from './chartTypes';

const HEIGHT = 320;
export class TimelineChart {
  readonly root: HTMLElement;
  private readonly plotHost: HTMLElement;
  private readonly readout: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly tooltip: HTMLElement;
  private u: uPlot | undefined;
  private compare: CompareData | undefined;
  private zoom: { from: number; to: number } | undefined;
  private rebuilding = false;
  private logsVisible = true;
  private colors: ThemeColors;
  private strip: HTMLElement | undefined;
  private cellStrip: HTMLElement | undefined;
  private downX = NaN;
  private drawnOnce = false;
  private resizeObserver: ResizeObserver | undefined;
  /** A moment pinned from the log pane: drawn as a vertical line until the next pin. */
  private pinned: number | undefined;

  constructor(
    private data: TimelineData,
    private readonly callbacks: ChartCallbacks = {},
  ) {
    this.colors = themeColors();
    this.readout = h('div', { class: 'readout', 'aria-live': 'off' });
    this.plotHost = h('div', { class: 'chart', role: 'img', tabindex: 0, 'aria-label': this.describe() });
    this.plotHost.addEventListener('keydown', (e) => this.onKey(e));
    this.legend = h('div', { class: 'legend' });
    this.tooltip = h('div', { class: 'tooltip', role: 'tooltip', hidden: true });
    this.root = h('div', { class: 'chart-wrap' }, this.readout, this.plotHost, this.legend, this.tooltip);
    this.resetReadout();
  }

  /** Call once the root is in the document (uPlot needs a width). */
  mount(): void {
    this.create();
    if (typeof ResizeObserver === 'function') {
      let lastWidth = this.plotHost.clientWidth;
      this.resizeObserver = new ResizeObserver(() => {
        const w = this.plotHost.clientWidth;
        if (w > 0 && w !== lastWidth && this.u) {
          lastWidth = w;
          this.u.setSize({ width: w, height: HEIGHT });
          this.redrawData(false);
        }
      });
      this.resizeObserver.observe(this.plotHost);
    }
  }

  /** New data (live append or a different run): redraw at the current zoom (live: whole range). */
  update(data?: TimelineData): void {
    if (data) this.data = data;
    this.plotHost.setAttribute('aria-label', this.describe());
    if (!this.u) return;
    if (this.u.series.length !== this.seriesCount()) {
      this.create();
      return;
    }
    this.redrawData(!this.zoom);
  }

  setCompare(compare: CompareData | undefined): void {
    this.compare = compare;
    this.create();
  }

  setLogsVisible(on: boolean): void {
    this.logsVisible = on;
    this.root.classList.toggle('logs-hidden', !on);
    if (!on) this.tooltip.hidden = true;
  }

  /** Re-read theme colours (VS Code theme switch) and redraw. */
  retheme(): void {
    this.colors = themeColors();
    this.create();
  }

  resetZoom(): void {
    this.zoom = undefined;
    this.redrawData(true);
  }

  /** Marks time `t` (seconds) with a cursor line and reads out memory then (a click in the log pane). */
  pinTime(t: number): void {
    this.pinned = t;
    const u = this.u;
    if (!u) return;
    if (this.zoom && (t < this.zoom.from || t > this.zoom.to)) this.resetZoom();
    else u.redraw(false, false);
    const d = this.data;
    if (d.t.length) this.readout.textContent = this.readoutAt(nearestIndex(d.t, t), `log line at ${formatSeconds(t)}`);
  }

  /** The pinned time (tests read it). */
  pinnedTime(): number | undefined {
    return this.pinned;
  }

  /** PNG of the chart with an opaque background and the log markers, as a data: URL. */
  toPng(): string {
    const src = this.u?.ctx.canvas;
    if (!src) return '';
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = this.colors.bg;
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.drawImage(src, 0, 0);
    if (this.logsVisible && this.u) {
      const u = this.u;
      for (const g of markerGroups(u, this.data.logs)) {
        ctx.fillStyle = g.stderr ? this.colors.stderr : this.colors.stdout;
        const x = u.valToPos(g.t, 'x', true);
        ctx.fillRect(x - 3 * uPlot.pxRatio, u.bbox.top + u.bbox.height - 10 * uPlot.pxRatio, 6 * uPlot.pxRatio, 10 * uPlot.pxRatio);
      }
    }
    return c.toDataURL('image/png');
  }

  /**
   * What is drawn, in numbers (tests and the bench read it): the y-axis top, the newest sample, where that
   * sample sits inside the plot (0 = bottom, 1 = top; outside 0..1 means off the chart) and how many
   * canvas pixels are painted.
   */
  probe(): { samples: number; yMax: number; lastRss: number; lastY: number; curvePixels: number } | undefined {
    const u = this.u;
    const d = this.data;
    if (!u) return undefined;
    // The newest sample drawn (live data may have grown since the last redraw).
    const drawn = u.data[1] as (number | null)[];
    let lastRss = 0;
    for (let i = drawn.length - 1; i >= 0; i--) if (drawn[i] !== null && drawn[i] !== undefined) { lastRss = drawn[i]!; break; }
    const n = drawn.length;
    const height = u.bbox.height / uPlot.pxRatio;
    const lastY = n && height > 0 ? 1 - u.valToPos(lastRss, 'y') / height : NaN;
    return { samples: d.t.length, yMax: u.scales.y.max ?? 0, lastRss, lastY, curvePixels: this.curvePixels(u) };
  }

  /** Pixels inside the plot area in the total's stroke colour: the curve itself, not axes or grid. */
  private curvePixels(u: uPlot): number {
    const probe = document.createElement('canvas').getContext('2d');
    if (!probe) return 0;
    probe.fillStyle = this.colors.accent;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    const { left, top, width, height } = u.bbox;
    if (width < 1 || height < 1) return 0;
    const px = u.ctx.getImageData(Math.round(left), Math.round(top), Math.round(width), Math.round(height)).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 200 && Math.abs(px[i] - r) + Math.abs(px[i + 1] - g) + Math.abs(px[i + 2] - b) < 40) n++;
    return n;
  }

  /** The plot canvas (tests read its pixels). */
  canvas(): HTMLCanvasElement | undefined {
    return this.u?.ctx.canvas;
  }

  destroy(): void {
    this.resizeObserver?.disconnect();
    this.u?.destroy();
    this.u = undefined;
  }

  // ---- internals ----

  private seriesCount(): number {
    return 2 + this.extras().length + (this.compare ? 1 : 0);
  }

  /** Series after the total: the interval peaks (if any), then one per process. */
  private extras(): { label: string; values: ArrayLike<number | null>; stroke: string; width: number; peak?: boolean }[] {
    const d = this.data;
    const c = this.colors;
    const out: { label: string; values: ArrayLike<number | null>; stroke: string; width: number; peak?: boolean }[] = [];
    if (d.peaks && d.peaks.length === d.t.length) out.push({ label: 'Peak within each interval (where above the sample)', values: peaksAboveSamples(d.peaks, d.rss), stroke: withAlpha(c.peak, 0.7), width: 1, peak: true });
    d.procs.forEach((p, k) => out.push({ label: p.label, values: p.values, stroke: c.series[k % c.series.length], width: 1.25 }));
    return out;
  }

  private describe(): string {
    const d = this.data;
    const dur = d.t.length ? d.t[d.t.length - 1] : 0;
    return `Memory over time: ${d.t.length} samples over ${formatSeconds(dur)}, peak ${formatBytes(d.peakBytes)}, ${d.logs.length} log lines. Left and right arrows move through time, Enter opens the line running then.`;
  }

  /** Keyboard crosshair: arrows move it (Shift: faster), Home/End jump, Enter opens the line. */
  private onKey(e: KeyboardEvent): void {
    const u = this.u;
    if (!u) return;
    const width = u.over.clientWidth;
    let left = u.cursor.left !== undefined && u.cursor.left >= 0 ? u.cursor.left : width / 2;
    const step = e.shiftKey ? 40 : 4;
    if (e.key === 'ArrowRight') left = Math.min(width - 1, left + step);
    else if (e.key === 'ArrowLeft') left = Math.max(0, left - step);
    else if (e.key === 'Home') left = 0;
    else if (e.key === 'End') left = width - 1;
    else if (e.key === 'Enter') {
      const i = this.cursorSample(u);
      const loc = i === undefined ? undefined : this.locationAt(i);
      if (loc) this.callbacks.onOpenSource?.(loc);
      return;
    } else return;
    e.preventDefault();
    u.setCursor({ left, top: u.over.clientHeight / 2 });
  }

  private width(): number {
    return Math.max(200, this.plotHost.clientWidth || this.root.clientWidth || 800);
  }

  /** Decimated, merged data for the current view. */
  private build(from?: number, to?: number): uPlot.AlignedData {
    const d = this.data;
    const cols = this.width();
    const extras = this.extras();
    const iA = decimateIndices(d.t, [d.rss, ...extras.map((p) => p.values)], cols, from, to);
    if (!this.compare) {
      return [pick(d.t, iA), pick(d.rss, iA), ...extras.map((p) => pick(p.values, iA))] as uPlot.AlignedData;
    }
    const b = this.compare;
    const iB = decimateIndices(b.t, [b.rss], cols, from, to);
    // Merge the two time bases; each series is null where it has no sample (drawn with spanGaps).
    const x: number[] = [];
    const total: (number | null)[] = [];
    const procs: (number | null)[][] = extras.map(() => []);
    const prev: (number | null)[] = [];
    let i = 0;
    let j = 0;
    while (i < iA.length || j < iB.length) {
      const ta = i < iA.length ? d.t[iA[i]] : Infinity;
      const tb = j < iB.length ? b.t[iB[j]] : Infinity;
      if (ta <= tb) {
        x.push(ta);
        total.push(d.rss[iA[i]]);
        extras.forEach((p, k) => procs[k].push(p.values[iA[i]]));
        prev.push(ta === tb ? b.rss[iB[j++]] : null);
        i++;
      } else {
        x.push(tb);
        total.push(null);
        procs.forEach((p) => p.push(null));
        prev.push(b.rss[iB[j++]]);
      }
    }
    return [x, total, ...procs, prev] as uPlot.AlignedData;
  }

  private xRange(u: uPlot, min: number | null, max: number | null): [number, number] {
    const xs = u.data?.[0];
    // uPlot calls this for a drag-zoom too: keep the user's range then; extend only the data's own extent.
    const auto = !xs || !xs.length || (min === xs[0] && max === xs[xs.length - 1]);
    if (!auto && min !== null && max !== null && max > min) return [min, max];
    const logs = this.data.logs;
    const lo = Math.min(0, min ?? 0);
    let hi = Math.max(max ?? 0, logs.length ? logs[logs.length - 1].t : 0);
    if (!(hi > lo)) hi = lo + 1;
    return [lo, hi];
  }

  private yMax(): number {
    const d = this.data;
    let m = d.peakBytes || 0;
    for (let i = 0; i < d.rss.length; i++) if (d.rss[i] > m) m = d.rss[i];
    if (this.compare) {
      m = Math.max(m, this.compare.peakBytes);
      for (const v of this.compare.rss) if (v > m) m = v;
    }
    return (m || 1) * 1.12;
  }

  private create(): void {
    this.u?.destroy();
    this.plotHost.replaceChildren();
    const c = this.colors;
    const withCompare = !!this.compare;
    const series: uPlot.Series[] = [
      {},
      { label: 'Total', stroke: c.accent, width: 2, fill: withAlpha(c.accent, 0.1), spanGaps: true, points: { show: false } },
      ...this.extras().map((p) => ({ label: p.label, stroke: p.stroke, width: p.width, spanGaps: withCompare && !p.peak, points: { show: false } })),
    ];
    if (this.compare) series.push({ label: this.compare.label, stroke: c.compare, width: 1.5, dash: [6, 4], spanGaps: true, points: { show: false } });
    const axisFont = `${11 * 1}px ${c.font}`;
    const opts: uPlot.Options = {
      width: this.width(),
      height: HEIGHT,
      series,
      legend: { show: false },
      scales: {
        // From the run's start (0) to whichever ends last: samples, log lines (a final "done" is often
        // printed after the last sample) or the compared run.
        x: { time: false, range: (u, min, max) => this.xRange(u, min, max) },
        // Read on every redraw, not once at creation: a live chart starts with no samples and must grow
        // with them (issue 16: a range fixed at creation left the live chart at 0 B–1 B with no curve).
        y: { range: () => [0, this.yMax()] },
      },
      axes: [
        { stroke: c.muted, font: axisFont, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid }, values: (_u, splits) => splits.map(axisSeconds) },
        { stroke: c.muted, font: axisFont, size: 72, incrs: BYTE_INCRS, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid }, values: (_u, splits) => splits.map((s) => formatBytes(s, 0)) },
      ],
      cursor: {
        drag: { x: true, y: false, setScale: true },
        points: { show: false },
        // Our own double-click handler resets to the whole run (uPlot's would reset to the zoomed data).
        bind: { dblclick: () => null },
      },
      hooks: {
        draw: [(u) => this.drawOverlay(u)],
        setCursor: [(u) => this.onCursor(u)],
        setScale: [(u, key) => this.onScale(u, key)],
      },
    };
    this.u = new uPlot(opts, this.build(this.zoom?.from, this.zoom?.to), this.plotHost);
    if (this.zoom) this.u.setScale('x', { min: this.zoom.from, max: this.zoom.to });
    this.cellStrip = h('div', { class: 'cell-strip', role: 'group', 'aria-label': 'Notebook cells over time' });
    this.u.over.appendChild(this.cellStrip);
    this.strip = h('div', { class: 'log-strip', role: 'group', 'aria-label': 'Log lines (stdout and stderr) over time' });
    this.u.over.appendChild(this.strip);
    this.u.over.addEventListener('dblclick', () => this.resetZoom());
    this.u.over.addEventListener('mousedown', (e) => (this.downX = e.clientX));
    this.u.over.addEventListener('click', (e) => this.onClick(e));
    this.u.over.addEventListener('mouseleave', () => {
      this.resetReadout();
      this.callbacks.onHoverTime?.(undefined);
    });
    this.renderLegend();
    this.renderMarkers();
  }

  private redrawData(resetScales: boolean): void {
    if (!this.u) return;
    this.rebuilding = true;
    try {
      if (resetScales) {
        this.zoom = undefined;
        this.u.setData(this.build());
      } else {
        const z = this.zoom;
        this.u.setData(this.build(z?.from, z?.to), !z);
      }
    } finally {
      this.rebuilding = false;
    }
  }

  private onScale(u: uPlot, key: string): void {
    if (key !== 'x' || this.rebuilding) return;
    const min = u.scales.x.min;
    const max = u.scales.x.max;
    if (min === undefined || max === undefined || min === null || max === null) return;
    const d = this.data;
    const full = d.t.length ? { from: d.t[0], to: d.t[d.t.length - 1] } : { from: 0, to: 0 };
    if (min <= full.from && max >= full.to) {
      this.renderMarkers();
      return;
    }
    this.zoom = { from: min, to: max };
    // Re-decimate the visible window after uPlot finishes this update (so detail appears when zooming in).
    queueMicrotask(() => {
      if (!this.u || !this.zoom) return;
      this.rebuilding = true;
      try {
        this.u.setData(this.build(this.zoom.from, this.zoom.to), false);
      } finally {
        this.rebuilding = false;
      }
      this.renderMarkers();
    });
  }

  /** Peak marker with its value and the pinned time, drawn on the canvas (so they are in the PNG export too). */
  private drawOverlay(u: uPlot): void {
    if (!this.drawnOnce) {
      this.drawnOnce = true;
      performance.mark('memwise-chart-drawn'); // the bench measures render time up to here
    }
    const d = this.data;
    if (!d.t.length) return;
    drawPeak(u, d.peakT ?? d.t[argMax(d.rss)], d.peakBytes, this.colors);
    if (this.pinned !== undefined) drawPinnedTime(u, this.pinned, this.colors);
    this.renderMarkers();
  }

  /** Log markers are buttons (focusable, hover/focus shows the text) over the bottom of the plot. */
  private renderMarkers(): void {
    const strip = this.strip;
    if (!strip || !this.u) return;
    if (this.cellStrip) renderCellMarkers(this.cellStrip, this.u, this.data.cells, this.data.t[this.data.t.length - 1] ?? 0);
    renderLogMarkers(strip, this.u, this.data.logs, {
      show: (lines, left) => {
        if (this.logsVisible) showLogTooltip(this.tooltip, this.root, this.u!, lines, left);
      },
      hide: () => (this.tooltip.hidden = true),
    });
  }

  /** Index into the full data of the sample under the cursor. */
  private cursorSample(u: uPlot): number | undefined {
    const left = u.cursor.left;
    if (left === undefined || left < 0 || !this.data.t.length) return undefined;
    return nearestIndex(this.data.t, u.posToVal(left, 'x'));
  }

  /** The nearest attributed location to sample i (the sampler may not have caught the line every time). */
  locationAt(i: number): SourceLocation | undefined {
    const { loc, locations } = this.data;
    if (!loc || !loc.length) return undefined;
    for (let k = 0; k < 200; k++) {
      for (const j of k === 0 ? [i] : [i - k, i + k]) {
        const v = loc[j];
        if (v !== null && v !== undefined && v >= 0 && locations[v]) return locations[v];
      }
    }
    return undefined;
  }

  private onCursor(u: uPlot): void {
    const i = this.cursorSample(u);
    if (i === undefined) return;
    this.readout.textContent = this.readoutAt(i);
    this.callbacks.onHoverTime?.(u.posToVal(u.cursor.left!, 'x'));
  }

  /** "1.20 s · 312 MiB · … · request_log.py:9 in main": what the readout says about sample i. */
  private readoutAt(i: number, prefix?: string): string {
    const d = this.data;
    const parts = [...(prefix ? [prefix] : []), formatSeconds(d.t[i]), formatBytes(d.rss[i])];
    if (d.peaks?.[i] !== undefined && d.peaks[i] > d.rss[i]) parts.push(`interval peak ${formatBytes(d.peaks[i])}`);
    for (const p of d.procs) {
      const v = p.values[i];
      if (v !== null && v !== undefined) parts.push(`${p.label.split(' ')[0]}: ${formatBytes(v)}`);
    }
    if (this.compare?.t.length) {
      const j = nearestIndex(this.compare.t, d.t[i]);
      if (Math.abs(this.compare.t[j] - d.t[i]) < 0.5) parts.push(`previous ${formatBytes(this.compare.rss[j])}`);
    }
    const loc = this.locationAt(i);
    if (loc) parts.push(`${locationLabel(loc)}${loc.function ? ` in ${loc.function}` : ''} (click to open)`);
    return parts.join('  ·  ');
  }

  private resetReadout(): void {
    this.readout.textContent = 'Hover for time, memory and the line running · drag to zoom · double-click to reset';
  }

  private onClick(e: MouseEvent): void {
    if (!this.u || Math.abs(e.clientX - this.downX) > 3) return; // a drag (zoom), not a click
    const i = this.cursorSample(this.u);
    if (i === undefined) return;
    const loc = this.locationAt(i);
    if (loc) this.callbacks.onOpenSource?.(loc);
  }

  private renderLegend(): void {
    const c = this.colors;
    const item = (label: string, color: string, dashed = false): HTMLElement => {
      const sw = h('span', { class: `swatch${dashed ? ' dashed' : ''}` });
      sw.style.background = color;
      sw.style.color = color;
      return h('span', {}, sw, label);
    };
    this.legend.replaceChildren(
      item('Total (process tree)', c.accent),
      ...this.extras().map((p) => item(p.label, p.stroke)),
      ...(this.compare ? [item(this.compare.label, c.compare, true)] : []),
    );
  }
}
