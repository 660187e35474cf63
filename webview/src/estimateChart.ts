// Estimate view: the measured peaks at small input sizes, the fitted curve through them, its extrapolation
// to the size asked for (dashed, inside its shaded uncertainty band, with an error bar at the full size), the
// plan with its margin, a line at this machine's RAM, the verdict in words and what fits in the RAM.
import uPlot from 'uplot';
import type { EstimateFile } from '../../extension/src/core/estimate/estimateTypes';
import { h } from './dom';
import { formatBytes, formatSeconds } from './format';
import { themeColors } from './theme';
import { BYTE_INCRS } from './chartAxes';
import { withAlpha } from './theme';
import { capacityLines, fullSizeText, xDescription } from '../../extension/src/core/report/estimateSummary';

const HEIGHT = 320;

export function modelAt(e: EstimateFile, x: number): number {
  const m = e.model;
  return m.a + m.b * Math.pow(Math.max(0, x), m.exponent);
}

export function renderEstimate(e: EstimateFile, host: HTMLElement): { chart?: uPlot; destroy(): void } {
  const c = themeColors();
  const predX = e.prediction.x;
  const measured = [...e.points].sort((a, b) => a.x - b.x);
  const maxMeasured = measured.length ? measured[measured.length - 1].x : 0;
  // The extrapolated curve with its band, from the estimate file (older files: the model, and the band at the
  // full size only).
  const curve = e.curve ?? [];
  const band = new Map(curve.map((p) => [p.x, p]));
  const xs = new Set<number>(measured.map((p) => p.x));
  for (const p of curve) xs.add(p.x);
  const steps = 160;
  for (let i = 0; i <= steps; i++) xs.add((predX * i) / steps);
  xs.add(maxMeasured);
  xs.add(predX);
  const x = [...xs].filter((v) => Number.isFinite(v) && v >= 0).sort((a, b) => a - b);
  const byX = new Map(measured.map((p) => [p.x, p.peakBytes]));
  const points = x.map((v) => byX.get(v) ?? null);
  const fit = x.map((v) => (v <= maxMeasured ? modelAt(e, v) : null));
  const extra = x.map((v) => (v >= maxMeasured ? modelAt(e, v) : null));
  const hi = x.map((v) => (v >= maxMeasured ? band.get(v)?.highBytes ?? null : null));
  const lo = x.map((v) => (v >= maxMeasured ? band.get(v)?.lowBytes ?? null : null));
  const ram = x.map(() => e.machine.totalMemBytes);
  const planned = e.prediction.plannedBytes ?? Math.round(e.prediction.peakBytes * e.prediction.fudgeFactor);
  const margin = Math.round((e.prediction.fudgeFactor - 1) * 100);
  const fits = planned <= e.machine.totalMemBytes;
  // Scale to the prediction; include the RAM line only when it is in the same ballpark, otherwise a
  // 24 GiB line would flatten a 30 MiB curve into the x axis (the legend then says it is above the chart).
  const dataMax = Math.max(e.prediction.highBytes, planned, ...measured.map((p) => p.peakBytes)) * 1.15;
  const ramOnChart = e.machine.totalMemBytes <= dataMax * 3;
  const yMax = ramOnChart ? Math.max(dataMax, e.machine.totalMemBytes * 1.08) : dataMax;

  const verdictCls = e.prediction.highBytes > e.machine.totalMemBytes ? 'verdict worse' : 'verdict';
  const header = h(
    'div',
    {},
    h('p', { class: verdictCls, role: 'status', 'data-field': 'verdict' }, e.verdict),
    h(
      'dl',
      { class: 'summary', 'aria-label': 'Estimate summary' },
      card(e.target ? `Full size (${e.target.described})` : 'Full size', fullSizeText(e, false), 'full-size'),
      card('Predicted peak', formatBytes(e.prediction.peakBytes), 'peak'),
      card('Range', `${formatBytes(e.prediction.lowBytes)} – ${formatBytes(e.prediction.highBytes)}`, 'range'),
      card(`Plan (+${margin}% margin) ${fits ? 'fits' : 'does NOT fit'} this machine`, formatBytes(planned), 'plan'),
      card('This machine', formatBytes(e.machine.totalMemBytes)),
      card('Model', e.model.kind === 'linear' ? (e.model.b === 0 ? 'flat (a)' : 'linear (a + b·n)') : `power, k = ${e.model.exponent.toFixed(2)}`),
      card('Fit error (LOO)', `${(e.model.looError * 100).toFixed(1)}%`),
      ...(e.noiseBytes !== undefined ? [card('Run-to-run noise', `±${formatBytes(e.noiseBytes)}`)] : []),
    ),
    h('ul', { class: 'capacity', 'aria-label': 'What fits', 'data-field': 'capacity' }, ...capacityLines(e).map((l) => h('li', {}, l))),
    h('p', { class: 'x-note', 'data-field': 'x' }, `${xDescription(e)}.`),
  );
  const warnings = [...e.warnings, ...(e.stoppedEarly ? [e.stoppedEarly] : [])];
  const warn = warnings.length ? h('div', { class: 'banner', role: 'alert' }, ...warnings.map((w) => h('div', {}, w))) : null;
  const plot = h('div', { class: 'chart', role: 'img', 'aria-label': `Peak memory against ${e.xLabel}: ${measured.length} measured points, fitted ${e.model.kind} model extended to ${fullSizeText(e)} with its range, predicted ${formatBytes(e.prediction.peakBytes)}, plan ${formatBytes(planned)}; this machine has ${formatBytes(e.machine.totalMemBytes)}.` });
  const legend = h(
    'div',
    { class: 'legend' },
    sw('Measured peaks', c.accent),
    sw('Fitted model', c.series[0]),
    sw('Extrapolation', c.series[0], true),
    sw('Uncertainty band', c.series[0]),
    sw(`Plan with the +${margin}% margin`, c.series[1] ?? c.series[0], true),
    sw(ramOnChart ? 'This machine’s RAM' : `This machine’s RAM (${formatBytes(e.machine.totalMemBytes)}, far above the chart)`, c.peak, true),
  );
  const rows = measured.map((p) =>
    h(
      'tr',
      {},
      h('td', { class: 'num' }, /byte/i.test(e.xLabel) ? formatX(e, p.x) : p.x.toLocaleString('en-US')),
      h('td', { class: 'num' }, formatBytes(p.sizeBytes)),
      h('td', { class: 'num' }, formatBytes(p.peakBytes)),
      h('td', { class: 'num' }, p.runPeaks ? `${p.runPeaks.length} (${p.runPeaks.map((r) => formatBytes(r)).join(', ')})` : '1'),
      h('td', { class: 'num' }, formatSeconds(p.durationS)),
    ),
  );
  const table = h(
    'table',
    { class: 'costs estimate-points', 'aria-label': 'Measured points' },
    h('thead', {}, h('tr', {}, h('th', { class: 'num' }, e.xLabel), h('th', { class: 'num' }, 'Bytes'), h('th', { class: 'num' }, 'Peak (median)'), h('th', { class: 'num' }, 'Runs'), h('th', { class: 'num' }, 'Duration'))),
    h('tbody', {}, ...rows),
  );
  host.replaceChildren(header, warn ?? '', h('div', { class: 'chart-wrap' }, plot, legend), h('h2', {}, 'Measured points'), table);

  const axisFont = `11px ${c.font}`;
  const opts: uPlot.Options = {
    width: Math.max(300, plot.clientWidth || host.clientWidth || 800),
    height: HEIGHT,
    legend: { show: false },
    cursor: { drag: { x: true, y: false, setScale: true } },
    scales: { x: { time: false, range: () => [0, predX * 1.05] }, y: { range: () => [0, yMax] } },
    axes: [
      { stroke: c.muted, font: axisFont, grid: { stroke: c.grid }, ticks: { stroke: c.grid }, values: (_u, s) => s.map((v) => formatX(e, v)) },
      { stroke: c.muted, font: axisFont, size: 72, incrs: BYTE_INCRS, grid: { stroke: c.grid }, ticks: { stroke: c.grid }, values: (_u, s) => s.map((v) => formatBytes(v, 0)) },
    ],
    series: [
      {},
      { label: 'Measured', stroke: c.accent, width: 0, paths: () => null, points: { show: true, size: 9, fill: c.accent, stroke: c.accent } },
      { label: 'Fit', stroke: c.series[0], width: 2, spanGaps: true, points: { show: false } },
      { label: 'Extrapolation', stroke: c.series[0], width: 2, dash: [6, 4], spanGaps: true, points: { show: false } },
      { label: 'RAM', stroke: c.peak, width: 1.5, dash: [3, 3], points: { show: false }, show: ramOnChart },
      { label: 'High', stroke: c.series[0], width: 0.5, spanGaps: true, points: { show: false } },
      { label: 'Low', stroke: c.series[0], width: 0.5, spanGaps: true, points: { show: false } },
    ],
    // The band between the high and low edges of the range along the extrapolation.
    bands: [{ series: [5, 6], fill: withAlpha(c.series[0], 0.2) }],
    hooks: {
      draw: [
        (u) => {
          // Uncertainty band at the full size, as an error bar with the predicted value labelled.
          const ctx = u.ctx;
          const r = uPlot.pxRatio;
          const px = u.valToPos(predX, 'x', true);
          const lo = u.valToPos(e.prediction.lowBytes, 'y', true);
          const hi = u.valToPos(e.prediction.highBytes, 'y', true);
          const mid = u.valToPos(e.prediction.peakBytes, 'y', true);
          ctx.save();
          ctx.setLineDash([]);
          ctx.strokeStyle = c.series[0];
          ctx.lineWidth = 2 * r;
          ctx.beginPath();
          ctx.moveTo(px - 6 * r, lo);
          ctx.lineTo(px + 6 * r, lo);
          ctx.moveTo(px, lo);
          ctx.lineTo(px, hi);
          ctx.moveTo(px - 6 * r, hi);
          ctx.lineTo(px + 6 * r, hi);
          ctx.stroke();
          ctx.fillStyle = c.series[0];
          ctx.beginPath();
          ctx.arc(px, mid, 5 * r, 0, Math.PI * 2);
          ctx.fill();
          ctx.font = `600 ${12 * r}px ${c.font}`;
          ctx.textAlign = 'left';
          ctx.textBaseline = 'alphabetic';
          const label = `≈ ${formatBytes(e.prediction.peakBytes)}`;
          ctx.fillText(label, px - ctx.measureText(label).width - 10 * r, mid - 8 * r);
          // The plan (prediction × margin) as a short dashed line at the full size, labelled.
          const py = u.valToPos(planned, 'y', true);
          ctx.strokeStyle = c.series[1] ?? c.series[0];
          ctx.setLineDash([4 * r, 3 * r]);
          ctx.beginPath();
          ctx.moveTo(px - 60 * r, py);
          ctx.lineTo(px + 8 * r, py);
          ctx.stroke();
          ctx.setLineDash([]);
          ctx.fillStyle = c.series[1] ?? c.series[0];
          const planLabel = `plan ${formatBytes(planned)}`;
          ctx.fillText(planLabel, px - ctx.measureText(planLabel).width - 10 * r, py - 4 * r);
          if (!ramOnChart) {
            ctx.restore();
            return;
          }
          ctx.fillStyle = c.peak;
          const ramLabel = `RAM ${formatBytes(e.machine.totalMemBytes)}`;
          ctx.fillText(ramLabel, u.bbox.left + 6 * r, u.valToPos(e.machine.totalMemBytes, 'y', true) - 6 * r);
          ctx.restore();
        },
      ],
    },
  };
  const chart = new uPlot(opts, [x, points, fit, extra, ram, hi, lo] as uPlot.AlignedData, plot);
  return { chart, destroy: () => chart.destroy() };
}

function card(label: string, value: string, field?: string): HTMLElement {
  return h('div', { class: `card ${field ?? ''}` }, h('dt', {}, label), h('dd', { 'data-field': field, title: value }, value));
}

function sw(label: string, color: string, dashed = false): HTMLElement {
  const s = h('span', { class: `swatch${dashed ? ' dashed' : ''}` });
  s.style.background = color;
  s.style.color = color;
  return h('span', {}, s, label);
}

function formatX(e: EstimateFile, v: number): string {
  // Estimate files before records were x had bytes ("input bytes").
  if (/byte/i.test(e.xLabel)) return formatBytes(v, 0);
  return Math.abs(v) >= 1e6 ? `${+(v / 1e6).toPrecision(3)}M` : Math.abs(v) >= 1e3 ? `${+(v / 1e3).toPrecision(3)}k` : v.toLocaleString('en-US');
}
