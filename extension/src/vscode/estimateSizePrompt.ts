// "What size will the real input be?" — the estimate's target size: the chosen file's own size, ×10, ×100,
// or a custom size or file path. The answer is remembered per script (workspace state) and offered first
// next time. Returns the `--full-size` text ('' = the input itself), or undefined when dismissed.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { formatBytes } from '../core/bytes';
import type { FeatureContext } from './featureContext';

const KEY = 'memwise.estimate.fullSizeByScript';
const SIZE_FORM = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([x×]|[a-zA-Z]*)\s*$/;

type SizeItem = vscode.QuickPickItem & { value?: string; custom?: boolean };

function remembered(fc: FeatureContext): Record<string, string> {
  const v = fc.extension.workspaceState.get<unknown>(KEY);
  return v && typeof v === 'object' ? (v as Record<string, string>) : {};
}

export function rememberedSize(fc: FeatureContext, script: string): string | undefined {
  const v = remembered(fc)[script];
  return typeof v === 'string' ? v : undefined;
}

export async function rememberSize(fc: FeatureContext, script: string, value: string): Promise<void> {
  await fc.extension.workspaceState.update(KEY, { ...remembered(fc), [script]: value });
}

export async function askFullSize(fc: FeatureContext, script: string, input: string): Promise<string | undefined> {
  const bytes = fileSize(input);
  const name = path.basename(input);
  const items: SizeItem[] = [
    { label: `Same as ${name}`, description: bytes !== undefined ? formatBytes(bytes) : '', detail: 'predict the peak for the chosen file itself', value: '' },
    { label: '×10', description: bytes !== undefined ? `≈ ${formatBytes(bytes * 10)}` : '', detail: `ten times ${name}`, value: '10x' },
    { label: '×100', description: bytes !== undefined ? `≈ ${formatBytes(bytes * 100)}` : '', detail: `a hundred times ${name}`, value: '100x' },
    { label: '$(edit) Custom size or path…', detail: 'a multiple (30x), a number of lines (5000000), a byte size (2GB) or the path of a file of the real size', custom: true },
  ];
  const last = rememberedSize(fc, script);
  if (last !== undefined && !items.some((i) => i.value === last)) items.splice(3, 0, { label: last, description: 'last used for this script', value: last });
  const qp = vscode.window.createQuickPick<SizeItem>();
  qp.title = `Memwise: how big will the real input of ${path.basename(script)} be?`;
  qp.placeholder = 'The estimate runs small samples of the file and predicts the peak at this size';
  qp.items = items;
  const active = items.find((i) => i.value !== undefined && i.value === last);
  if (active) {
    active.description = `${active.description ? `${active.description} · ` : ''}last used`;
    qp.items = items;
    qp.activeItems = [active];
  }
  const picked = await new Promise<SizeItem | undefined>((resolve) => {
    qp.onDidAccept(() => resolve(qp.selectedItems[0] ?? qp.activeItems[0]));
    qp.onDidHide(() => resolve(undefined));
    qp.show();
    fc.api.estimatePrompt = 'size';
  });
  qp.dispose();
  fc.api.estimatePrompt = undefined;
  if (!picked) return undefined;
  let value = picked.value;
  if (picked.custom) {
    const text = await vscode.window.showInputBox({
      title: 'Memwise: size of the real input',
      prompt: 'A multiple (30x), a number of lines or records (5000000), a byte size with a unit (2GB, 750MiB) or the path of a file of the real size',
      value: last ?? '',
      validateInput: (v) => (customSize(v, path.dirname(input)) !== undefined ? undefined : 'Use 30x, 5000000, 2GB, or the path of an existing file.'),
    });
    if (text === undefined) return undefined;
    value = customSize(text, path.dirname(input));
  }
  if (value === undefined) return undefined;
  await rememberSize(fc, script, value);
  return value;
}

/** A size form as typed, or an existing file's byte size ("123456B"); undefined when neither. */
export function customSize(text: string, base: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (SIZE_FORM.test(t)) return t;
  const bytes = fileSize(path.resolve(base, t));
  return bytes !== undefined && bytes > 0 ? `${bytes}B` : undefined;
}

function fileSize(file: string): number | undefined {
  try {
    const st = fs.statSync(file);
    return st.isFile() ? st.size : undefined;
  } catch {
    return undefined;
  }
}
