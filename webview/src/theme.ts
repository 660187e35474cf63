// Canvas colours come from the same CSS variables as the page, read when drawing, so a VS Code theme
// switch (body class change) only needs a redraw.
import themeCss from './theme.css';
import uplotCss from 'uplot/dist/uPlot.min.css';

export interface ThemeColors {
  fg: string;
  muted: string;
  grid: string;
  bg: string;
  accent: string;
  series: string[];
  compare: string;
  peak: string;
  stdout: string;
  stderr: string;
  font: string;
}

export function injectStyles(): void {
  const style = document.createElement('style');
  style.textContent = uplotCss + '\n' + themeCss;
  document.head.appendChild(style);
}

export function themeColors(): ThemeColors {
  const cs = getComputedStyle(document.body);
  const v = (name: string, fallback: string): string => cs.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--mw-fg', '#1f2328'),
    muted: v('--mw-muted', '#656d76'),
    grid: v('--mw-grid', 'rgba(128,128,128,0.18)'),
    bg: v('--mw-bg', '#ffffff'),
    accent: v('--mw-accent', '#0969da'),
    series: [v('--mw-series-1', '#d97706'), v('--mw-series-2', '#1a7f37'), v('--mw-series-3', '#8250df'), v('--mw-series-4', '#9a6700')],
    compare: v('--mw-compare', '#8c959f'),
    peak: v('--mw-peak', '#cf222e'),
    stdout: v('--mw-stdout', '#0969da'),
    stderr: v('--mw-stderr', '#cf222e'),
    font: cs.fontFamily || 'sans-serif',
  };
}

/** Calls `onChange` when VS Code switches theme (it swaps the body's classes and CSS variables). */
export function watchTheme(onChange: () => void): void {
  new MutationObserver(onChange).observe(document.body, { attributes: true, attributeFilter: ['class', 'style'] });
}

/** `#rrggbb` → rgba with alpha; other colour syntaxes are returned unchanged (fill then is opaque-ish). */
export function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return color.startsWith('rgb(') ? color.replace('rgb(', 'rgba(').replace(')', `, ${alpha})`) : 'rgba(128,128,128,0.1)';
  const n = parseInt(m[1], 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
