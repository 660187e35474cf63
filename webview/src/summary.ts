// Summary cards: peak, duration, exit status, stopped-at-cap, interpreter; plus banners for the cap and
// for a traceback (its frames open the source).
import type { RunFile, SourceLocation } from '../../extension/src/core/profile/runFileTypes';
import { h } from './dom';
import { formatBytes, formatSeconds, locationLabel } from './format';

export function peakText(run: RunFile): string {
  const at = run.peakT !== undefined ? ` at ${formatSeconds(run.peakT)}` : '';
  return `Peak ${formatBytes(run.peakBytes)}${at}`;
}

export function exitText(run: RunFile): string {
  if (run.stoppedAtCap) return 'stopped at cap';
  if (run.signal) return `killed by ${run.signal}`;
  if (run.exitCode === null || run.exitCode === undefined) return 'unknown';
  return run.exitCode === 0 ? '0 (ok)' : `${run.exitCode} (failed)`;
}

export function renderSummary(run: RunFile, openSource?: (loc: SourceLocation) => void): HTMLElement {
  const card = (label: string, value: string, extra: Record<string, string> = {}, small = false): HTMLElement =>
    h('div', { class: `card ${extra.class ?? ''}` }, h('dt', {}, label), h('dd', { class: small ? 'small' : '', title: extra.title ?? value, 'data-field': extra.field }, value));
  const interp = run.interpreter ? `${run.interpreter.kind} ${run.interpreter.version}` : '–';
  const cap = run.stoppedAtCap ? `yes (${formatBytes(run.memoryCapBytes)})` : run.memoryCapBytes ? `no (cap ${formatBytes(run.memoryCapBytes)})` : 'no';
  const dl = h(
    'dl',
    { class: 'summary', 'aria-label': 'Run summary' },
    card('Peak memory', formatBytes(run.peakBytes), { class: 'peak', field: 'peak' }),
    card('Duration', formatSeconds(run.durationS), { field: 'duration' }),
    card('Exit status', exitText(run), { field: 'exit' }),
    card('Stopped at memory cap', cap, { field: 'cap' }, true),
    card('Interpreter', interp, { title: run.interpreter?.path ?? '', field: 'interpreter' }, true),
    card('Samples', run.sampling ? `${run.samples.t.length.toLocaleString('en-US')} @ ${run.sampling.achievedHz.toFixed(0)} Hz` : run.samples.t.length.toLocaleString('en-US'), { field: 'samples' }, true),
  );
  const parts: HTMLElement[] = [dl];
  if (run.stoppedAtCap) {
    parts.push(
      h(
        'div',
        { class: 'banner', role: 'alert' },
        h('strong', {}, `Stopped at the memory cap (${formatBytes(run.memoryCapBytes)}). `),
        run.capContext ?? 'Everything measured up to that point is shown below.',
      ),
    );
  }
  if (run.error) {
    const frames = h('div', {});
    for (const f of run.error.frames) {
      const where = f.cell === undefined ? `line ${f.line}` : `cell ${f.cell + 1} line ${f.line}`;
      const a = h('button', { type: 'button', class: 'frame', 'aria-label': `Open ${f.file} ${where}`, 'data-cell': f.cell === undefined ? undefined : f.cell + 1 }, `${locationLabel(f)} in ${f.function}`);
      a.addEventListener('click', () => openSource?.(f));
      frames.appendChild(h('div', {}, a));
    }
    parts.push(h('div', { class: 'banner error', role: 'alert' }, h('strong', {}, 'The script failed. '), h('pre', {}, run.error.message), frames));
  }
  return h('section', { 'aria-label': 'Summary' }, ...parts);
}
