// JSON text in pieces of about `pieceChars`, so a run file with 10M samples and a million log lines is written
// in bounded memory: one JSON.stringify of the whole run needed several times its size and threw
// "RangeError: Invalid string length" past V8's ~512 MB string limit. The text equals JSON.stringify(value)
// (no toJSON support: run files hold plain data only).

export function* jsonPieces(value: unknown, pieceChars = 1 << 16): Generator<string> {
  let buf = '';
  // An explicit stack instead of recursion: deep nesting cannot overflow the call stack.
  type Frame = { kind: 'arr'; items: unknown[]; i: number } | { kind: 'obj'; obj: Record<string, unknown>; keys: string[]; i: number; wrote: boolean };
  const stack: Frame[] = [];
  const open = (v: unknown): void => {
    if (Array.isArray(v)) {
      buf += '[';
      stack.push({ kind: 'arr', items: v, i: 0 });
    } else if (v !== null && typeof v === 'object') {
      buf += '{';
      stack.push({ kind: 'obj', obj: v as Record<string, unknown>, keys: Object.keys(v), i: 0, wrote: false });
    } else {
      buf += scalar(v) ?? 'null';
    }
  };
  open(value);
  while (stack.length) {
    const f = stack[stack.length - 1];
    if (f.kind === 'arr') {
      if (f.i >= f.items.length) {
        buf += ']';
        stack.pop();
      } else {
        if (f.i > 0) buf += ',';
        const v = f.items[f.i++];
        // Arrays: undefined and functions become null, as in JSON.stringify.
        if (v === undefined || typeof v === 'function' || typeof v === 'symbol') buf += 'null';
        else open(v);
      }
    } else {
      if (f.i >= f.keys.length) {
        buf += '}';
        stack.pop();
      } else {
        const k = f.keys[f.i++];
        const v = f.obj[k];
        // Objects: undefined and functions are left out, as in JSON.stringify.
        if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
        buf += (f.wrote ? ',' : '') + JSON.stringify(k) + ':';
        f.wrote = true;
        open(v);
      }
    }
    if (buf.length >= pieceChars) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  return JSON.stringify(v);
}
