// What the timeline draws on uPlot's canvas itself, after each redraw: the peak marker with its value and the
// pinned time. On the canvas (not as DOM) so that the PNG export shows them.
import uPlot from 'uplot';
import { formatBytes } from './format';
import type { ThemeColors } from './theme';

/** The peak: a dashed line across the plot, a dot at (peakT, peakBytes) and its value, kept inside the plot. */
export function drawPeak(u: uPlot, peakT: number, peakBytes: number, colors: ThemeColors): void {
  const x = u.valToPos(peakT, 'x', true);
  const y = u.valToPos(peakBytes, 'y', true);
  const { left, top, width } = u.bbox;
  if (x < left - 1 || x > left + width + 1) return;
  const ctx = u.ctx;
  const r = uPlot.pxRatio;
  ctx.save();
  ctx.strokeStyle = colors.peak;
  ctx.setLineDash([3 * r, 3 * r]);
  ctx.lineWidth = r;
  ctx.beginPath();
  ctx.moveTo(left, y);
  ctx.lineTo(left + width, y);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = colors.peak;
  ctx.beginPath();
  ctx.arc(x, y, 4.5 * r, 0, Math.PI * 2);
  ctx.fill();
  const label = `Peak ${formatBytes(peakBytes)}`;
  ctx.font = `600 ${12 * r}px ${colors.font}`;
  ctx.textAlign = 'left'; // uPlot leaves it at 'center' after drawing axes
  ctx.textBaseline = 'alphabetic';
  const tw = ctx.measureText(label).width;
  const tx = Math.min(Math.max(x - tw / 2, left + 2 * r), left + width - tw - 2 * r);
  const ty = Math.max(top + 12 * r, y - 9 * r);
  ctx.fillStyle = colors.bg;
  ctx.globalAlpha = 0.8;
  ctx.fillRect(tx - 3 * r, ty - 12 * r, tw + 6 * r, 15 * r);
  ctx.globalAlpha = 1;
  ctx.fillStyle = colors.peak;
  ctx.fillText(label, tx, ty);
  ctx.restore();
}

/** A pinned time (keyboard or click): a solid vertical line across the plot. */
export function drawPinnedTime(u: uPlot, t: number, colors: ThemeColors): void {
  const x = u.valToPos(t, 'x', true);
  const { left, top, width, height } = u.bbox;
  if (x < left - 1 || x > left + width + 1) return;
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = colors.fg;
  ctx.lineWidth = 1.5 * uPlot.pxRatio;
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.moveTo(x, top);
  ctx.lineTo(x, top + height);
  ctx.stroke();
  ctx.restore();
}
