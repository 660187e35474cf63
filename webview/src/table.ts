// "Where memory grew": top lines and functions by attributed growth, with share bars, and the tracemalloc
// allocation sites when the run has them. Rows are focusable; click or Enter opens the source.
import type { RunFile, SourceLocation } from '../../extension/src/core/profile/runFileTypes';
import { h } from './dom';
import { baseName, formatBytes, formatShare } from './format';

const MAX_ROWS = 50;

interface Row {
  loc: SourceLocation;
  where: string;
  fn: string;
  bytes: number;
  detail: string;
  /** Notebook runs: a cell's total, heading the cell's lines. */
  cellTotal?: boolean;
}

/** Notebook runs: lines grouped by cell (cells by total growth), each group headed by the cell's total. */
function cellGroupedRows(lines: RunFile['lines'], cells: NonNullable<RunFile['cells']>): Row[] {
  const byCell = new Map<number, RunFile['lines']>();
  const other: RunFile['lines'] = [];
  for (const l of lines) {
    if (l.cell === undefined) other.push(l);
    else byCell.set(l.cell, [...(byCell.get(l.cell) ?? []), l]);
  }
  const total = (ls: RunFile['lines']) => ls.reduce((s, l) => s + l.growthBytes, 0);
  const rows: Row[] = [];
  for (const [cell, ls] of [...byCell].sort((a, b) => total(b[1]) - total(a[1]))) {
    const label = cells.find((c) => c.index === cell)?.label ?? `cell ${cell + 1}`;
    rows.push({ loc: { file: ls[0].file, line: 1, function: '', cell }, where: label, fn: '', bytes: total(ls), detail: `${ls.length} lines`, cellTotal: true });
    for (const l of ls) rows.push({ loc: l, where: `  cell ${cell + 1}:${l.line}`, fn: l.function, bytes: l.growthBytes, detail: `${l.samples} samples` });
  }
  for (const l of other) rows.push({ loc: l, where: `${baseName(l.file)}:${l.line}`, fn: l.function, bytes: l.growthBytes, detail: `${l.samples} samples` });
  return rows;
}

export function renderCostTables(run: RunFile, openSource?: (loc: SourceLocation) => void): HTMLElement {
  const tabs: { id: string; label: string; rows: Row[]; note?: string; bytesLabel: string }[] = [];
  const lines = [...run.lines].filter((l) => l.growthBytes > 0).sort((a, b) => b.growthBytes - a.growthBytes);
  tabs.push({
    id: 'lines',
    label: 'Lines',
    bytesLabel: 'Growth',
    rows: run.cells?.length
      ? cellGroupedRows(lines, run.cells)
      : lines.map((l) => ({ loc: l, where: `${baseName(l.file)}:${l.line}`, fn: l.function, bytes: l.growthBytes, detail: `${l.samples} samples` })),
  });
  if (run.functions?.length) {
    const fns = [...run.functions].filter((f) => f.growthBytes > 0).sort((a, b) => b.growthBytes - a.growthBytes);
    tabs.push({
      id: 'functions',
      label: 'Functions',
      bytesLabel: 'Growth',
      rows: fns.map((f) => {
        // Functions have no line of their own: open the first attributed line in them.
        const first = run.lines.filter((l) => l.file === f.file && l.function === f.function).sort((a, b) => a.line - b.line)[0];
        return { loc: { file: f.file, line: first?.line ?? 1, function: f.function }, where: baseName(f.file), fn: f.function, bytes: f.growthBytes, detail: `${f.samples} samples` };
      }),
    });
  }
  if (run.trace?.top.length) {
    tabs.push({
      id: 'trace',
      label: 'Allocation sites (tracemalloc)',
      bytesLabel: 'Live at peak',
      note: run.trace.overheadNote,
      rows: [...run.trace.top].sort((a, b) => b.sizeBytes - a.sizeBytes).map((s) => ({ loc: s, where: `${baseName(s.file)}:${s.line}`, fn: s.function, bytes: s.sizeBytes, detail: `${s.count.toLocaleString('en-US')} blocks` })),
    });
  }

  if (run.sampledAllocations?.length) {
    tabs.push({
      id: 'v8alloc',
      label: 'Allocated (V8 sampled)',
      bytesLabel: 'Allocated',
      note: 'V8’s sampling heap profiler: bytes allocated per function, freed ones included, so the total can exceed the peak. Growth (the other tabs) is RSS growth per line.',
      rows: run.sampledAllocations.map((s) => ({ loc: s, where: `${baseName(s.file)}:${s.line}`, fn: s.function, bytes: s.sizeBytes, detail: 'sampled' })),
    });
  }
  const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Views of where memory grew' });
  const panels = h('div', {});
  const tabButtons: HTMLButtonElement[] = [];
  const select = (idx: number): void => {
    tabButtons.forEach((b, k) => {
      b.setAttribute('aria-selected', String(k === idx));
      b.tabIndex = k === idx ? 0 : -1;
    });
    panels.replaceChildren(renderTable(tabs[idx], openSource));
  };
  tabs.forEach((tab, idx) => {
    const b = h('button', { type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-selected': idx === 0 ? 'true' : 'false' }, tab.label);
    b.addEventListener('click', () => select(idx));
    b.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const next = (idx + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length;
      select(next);
      tabButtons[next].focus();
    });
    tabButtons.push(b);
    tablist.appendChild(b);
  });
  select(0);
  return h('section', { class: 'costs-section', 'aria-labelledby': 'grew-heading' }, h('h2', { id: 'grew-heading' }, 'Where memory grew'), tabs.length > 1 ? tablist : null, panels);
}

function renderTable(tab: { id: string; rows: Row[]; note?: string; bytesLabel: string }, openSource?: (loc: SourceLocation) => void): HTMLElement {
  if (!tab.rows.length) return h('p', { class: 'empty' }, 'No memory growth was attributed to code in this run.');
  // A cell's total heads its lines; counting both would halve every share.
  const total = tab.rows.reduce((s, r) => s + (r.cellTotal ? 0 : r.bytes), 0) || 1;
  const tbody = h('tbody', {});
  for (const r of tab.rows.slice(0, MAX_ROWS)) {
    const share = r.bytes / total;
    const bar = h('span', {});
    bar.style.width = `${Math.max(0.5, share * 100).toFixed(1)}%`;
    const tr = h(
      'tr',
      {
        class: `${openSource ? 'clickable' : ''}${r.cellTotal ? ' cell-total' : ''}`,
        tabindex: 0,
        'data-file': r.loc.file,
        'data-line': r.loc.line,
        'data-cell': r.loc.cell === undefined ? undefined : r.loc.cell + 1,
        'aria-label': `${r.where} in ${r.fn}: ${formatBytes(r.bytes)}, ${formatShare(share)}${openSource ? '. Press Enter to open.' : ''}`,
      },
      h('td', { class: 'loc', title: `${r.loc.file}:${r.loc.line}` }, r.where),
      h('td', { class: 'fn', title: r.fn }, r.fn),
      h('td', { class: 'num', title: r.detail }, formatBytes(r.bytes)),
      h('td', {}, h('div', { class: 'share' }, h('div', { class: 'bar', 'aria-hidden': 'true' }, bar), h('span', { class: 'pct' }, formatShare(share)))),
    );
    if (openSource) {
      tr.addEventListener('click', () => openSource(r.loc));
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          openSource(r.loc);
        }
      });
    }
    tbody.appendChild(tr);
  }
  const colgroup = h('colgroup', {}, h('col', { style: 'width:26%' }), h('col', { style: 'width:24%' }), h('col', { style: 'width:16%' }), h('col', { style: 'width:34%' }));
  const table = h(
    'table',
    { class: `costs costs-${tab.id}`, role: 'grid', 'aria-label': 'Where memory grew' },
    colgroup,
    h('thead', {}, h('tr', {}, h('th', {}, 'Location'), h('th', {}, 'Function'), h('th', { class: 'num' }, tab.bytesLabel), h('th', {}, 'Share'))),
    tbody,
  );
  const more = tab.rows.length > MAX_ROWS ? h('p', { class: 'note' }, `Showing the top ${MAX_ROWS} of ${tab.rows.length}.`) : null;
  return h('div', { role: 'tabpanel', 'aria-labelledby': `tab-${tab.id}` }, tab.note ? h('p', { class: 'note' }, tab.note) : null, table, more);
}
