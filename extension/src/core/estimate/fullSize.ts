// The size to predict for, as people say it: "10x" the input, a number of lines (records), or a byte size
// with a unit ("2GB", "750 MiB"). Converted to the fit's x (data records) with the input's own bytes per record.
import type { InputInfo } from './sampleInput';
import { RECORD_NOUN } from './records';

/** A size the user cannot mean; the message shows the accepted forms. */
export class FullSizeError extends Error {}

export interface FullSizeTarget {
  /** Data records at full size: the fit's x. */
  records: number;
  /** Content bytes at full size (decompressed), at the input's mean bytes per record. */
  sizeBytes: number;
  /** How the user said it, normalised: "10× the input", "1,000,000 lines", "2 GB". */
  described: string;
  /** Multiple of the given input. */
  multiple: number;
}

const BYTE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3, kib: 1024, k: 1e3,
  mb: 1e6, mib: 1024 ** 2, m: 1e6,
  gb: 1e9, gib: 1024 ** 3, g: 1e9,
  tb: 1e12, tib: 1024 ** 4, t: 1e12,
};

const FORMS = 'a number of lines or records (e.g. 5000000), a byte size with a unit (e.g. 2GB, 750MiB, 40KB) or a multiple of the input (e.g. 10x)';

/** Parses `--full-size` against the input. Without text, the full size is the input itself. */
export function parseFullSize(text: string | undefined, info: Pick<InputInfo, 'records' | 'sizeBytes' | 'header' | 'format'>): FullSizeTarget {
  // Bytes per data record, without the header (it is in every sample and at every size once).
  const perRecord = info.sizeBytes / Math.max(1, info.records);
  const of = (records: number, described: string, sizeBytes = Math.round(records * perRecord)): FullSizeTarget => ({
    records,
    sizeBytes,
    described,
    multiple: records / Math.max(1, info.records),
  });
  if (text === undefined || text.trim() === '') return of(info.records, 'the input itself', info.sizeBytes);
  const s = text.trim().replace(/_/g, '');
  const multiple = /^(\d+(?:\.\d+)?|\.\d+)\s*[x×]$/i.exec(s);
  if (multiple) {
    const k = Number(multiple[1]);
    if (!(k > 0)) throw new FullSizeError(`--full-size "${text}": the multiple must be greater than zero; use ${FORMS}.`);
    return of(Math.max(1, Math.round(k * info.records)), `${+k.toPrecision(6)}× the input`, Math.round(k * info.sizeBytes));
  }
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-zA-Z]*)$/.exec(s);
  if (!m) throw new FullSizeError(`--full-size "${text}" is not a size; use ${FORMS}.`);
  const n = Number(m[1]);
  const unit = m[2].toLowerCase();
  if (!(n > 0)) throw new FullSizeError(`--full-size "${text}" must be greater than zero; use ${FORMS}.`);
  if (unit === '' || unit === 'lines' || unit === 'rows' || unit === 'records') {
    if (!Number.isInteger(n)) throw new FullSizeError(`--full-size "${text}": a number of ${RECORD_NOUN[info.format]} is a whole number; for bytes add a unit (e.g. ${n}MB).`);
    return of(n, `${n.toLocaleString('en-US')} ${RECORD_NOUN[info.format]}`);
  }
  const scale = BYTE_UNITS[unit];
  if (scale === undefined) throw new FullSizeError(`--full-size "${text}": unknown unit "${m[2]}"; use ${FORMS}.`);
  const bytes = Math.round(n * scale);
  return of(Math.max(1, Math.round(bytes / perRecord)), `${+n.toPrecision(6)} ${m[2]}`, bytes);
}
