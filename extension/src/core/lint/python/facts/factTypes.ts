// What the value-facts layer knows about an expression. `null` everywhere means "unknown": rules stay
// silent on unknown facts (precision first).
import type { Node } from 'web-tree-sitter';

/** Where data text came from; `node` is the reader/loader call MW2xx rules report at. */
export interface TextSource {
  /** Human label for messages: "csv.reader", "str.split", "a line read from a file"… */
  label: string;
  kind: 'csv' | 'pandas' | 'split' | 'file' | 'input' | 'regex' | 'numpy';
  node: Node;
  /** True once the value went through a long-lived collection (append/list()/list comprehension). */
  stored?: boolean;
  /** Stored as part of a row or tuple (`rows.append(row)`), not as a lone field (`prices.append(price)`). */
  storedInRow?: boolean;
}

export type Fact =
  /** A str parsed out of data (a CSV field, a split part, a line, argv…). */
  | { k: 'text'; src: TextSource }
  /** Any other str (literals, f-strings, joins): not data, never flagged as numeric text. */
  | { k: 'str' }
  | { k: 'num' }
  /** A list / iterator / generator whose elements are `of`. */
  | { k: 'seq'; of: Fact | null; stored?: boolean }
  | { k: 'tuple'; items: (Fact | null)[] }
  /**
   * A dict-like record of values (csv.DictReader rows, os.environ, groupdict()). `literal`: a `{k: v}` display,
   * which entries stored later (`d[k] = v`) join. `overwritten`: string keys given other values in place
   * (`resp["band"] = …`): reading them is unknown, the other keys are still `of`. `key`: what its keys are, when
   * known (a dict filled in place, dictKeys.ts); iterating the dict yields them. `keyNames`: what every stored key
   * expression is named (`totals[row["date"]]`: date, `seen[ts]`: ts; `#char` for one character of text, '' for
   * none), so that max()/min() over keys named as dates or names is known to order them as text on purpose.
   * `fields`: a display whose every key is a string literal (`{"chrom": chrom, "pos": int(pos)}`) keeps each key's
   * own value, so a record mixing text and numbers (whose `of` is unknown) still answers `rec["chrom"]`.
   */
  | { k: 'record'; of: Fact | null; literal?: boolean; overwritten?: readonly string[]; key?: Fact; keyNames?: readonly string[]; fields?: RecordFields }
  /** An open text file (iterating yields lines). */
  | { k: 'file'; src: TextSource }
  | { k: 'match'; src: TextSource }
  /** A numpy array of text or numbers. */
  | { k: 'array'; text: boolean; src?: TextSource }
  /**
   * A pandas DataFrame; `text` when every column was read as str/object, else `columns`: the ones that were
   * (`dtype={"amount": str}`), with `src` their reader.
   */
  | { k: 'frame'; text: boolean; src?: TextSource; call?: Node; columns?: readonly string[] }
  /**
   * A pandas column. `numeric`: known to hold numbers (to_numeric, astype(float)); a column of a frame read without
   * a dtype is neither text nor numeric: pandas infers each column, so its cells are unknown.
   */
  | { k: 'series'; text: boolean; src?: TextSource; numeric?: boolean }
  /**
   * An empty list (or `defaultdict(list)` when keyed) waiting to be filled by append/extend/insert, or an empty
   * dict (`dict`) waiting for `d[k] = v` / `d.setdefault(k, []).append(v)`.
   */
  | { k: 'empty'; keyed?: boolean; dict?: boolean }
  /**
   * An instance of an in-file record class (dataclass, namedtuple) with what each field was built from; `row` when
   * it copies one whole row (`Fill(*row)`, `Rec(**rec)`): kept in a collection, it keeps the row's text (MW201).
   */
  | { k: 'instance'; cls: string; fields: readonly (readonly [string, MaybeFact])[]; row?: true }
  /** An instance of another in-file class: its attributes are the class's `self.<attr>` summaries. */
  | { k: 'object'; cls: string }
  /** A filesystem path (`Path(...)`, `base / "x"`, a parameter declared `Path`): `.open()` gives a file. */
  | { k: 'path' }
  /** No value yet: a recursive summary's first approximation (fixpoint.ts); joins and operators pass it on. */
  | { k: 'bottom' }
  /** A builtin type used as a value (`object`, `str`, `float`), e.g. passed on to become a `dtype=`. */
  | { k: 'dtype'; numeric: boolean }
  /** An argparse namespace (`parser.parse_args()`): attributes follow their `add_argument` calls. */
  | { k: 'namespace'; src: TextSource }
  /** A datetime or date (`moment`), or a timedelta (`span`): timeValues.ts. */
  | { k: 'time'; of: 'moment' | 'span' }
  /**
   * A modelling object with arithmetic of its own (a PuLP variable or expression), or a container of them (a dict
   * of variables, a list): the model's `modelling-object` callees. Its items and elements are ones too, and `+ - * /`
   * with one gives one whatever the other side is (a str on the left hands over to its `__radd__`).
   */
  | { k: 'algebraic' };

export type MaybeFact = Fact | null;

/** A record's values by literal string key (see `fields` of a record). */
export type RecordFields = readonly (readonly [string, MaybeFact])[];

/** The fields both records have, each the join of its two values; undefined when either has none. */
function joinFields(a: RecordFields | undefined, b: RecordFields | undefined): RecordFields | undefined {
  if (!a || !b) return undefined;
  const out: (readonly [string, MaybeFact])[] = [];
  for (const [name, f] of a) {
    const other = b.find(([n]) => n === name);
    if (other) out.push([name, join(f, other[1])]);
  }
  return out.length ? out : undefined;
}

export function isText(f: MaybeFact): f is { k: 'text'; src: TextSource } {
  return !!f && f.k === 'text';
}

export function isNum(f: MaybeFact): boolean {
  return !!f && f.k === 'num';
}

/** Join of two facts for a value that may be either: equal kinds survive, everything else is unknown. */
export function join(a: MaybeFact, b: MaybeFact): MaybeFact {
  if (!a || !b) return null;
  if (a.k === 'bottom') return b;
  if (b.k === 'bottom') return a;
  if (a.k === 'empty') return b;
  if (b.k === 'empty') return a;
  // Data text or a str literal (`return value` / `return default` with default="4"): a str either way, and the
  // data is what it usually holds.
  if (a.k === 'text' && b.k === 'str') return a;
  if (b.k === 'text' && a.k === 'str') return b;
  // A list filled in place, then rebound to a display of its kind (`batch.append(pick)` … `batch = [pick]`, the
  // batching loop): a list either way, of the join of their elements.
  if (a.k === 'seq' && b.k === 'tuple') return joinSeqDisplay(a, b);
  if (b.k === 'seq' && a.k === 'tuple') return joinSeqDisplay(b, a);
  if (a.k !== b.k) return null;
  switch (a.k) {
    case 'seq': {
      const bs = b as typeof a;
      return { k: 'seq', of: join(a.of, bs.of), stored: a.stored || bs.stored };
    }
    case 'tuple': {
      const bt = b as typeof a;
      if (bt.items.length !== a.items.length) return null;
      return { k: 'tuple', items: a.items.map((x, i) => join(x, bt.items[i])) };
    }
    case 'record': {
      const br = b as typeof a;
      const over = [...(a.overwritten ?? []), ...(br.overwritten ?? [])];
      const key = a.key && br.key ? join(a.key, br.key) : null;
      const fields = joinFields(a.fields, br.fields);
      const joined: Fact = over.length ? { k: 'record', of: join(a.of, br.of), overwritten: over } : { k: 'record', of: join(a.of, br.of) };
      const r: Fact = fields ? { ...joined, fields } : joined;
      if (!key) return r;
      return a.keyNames && br.keyNames ? { ...r, key, keyNames: [...new Set([...a.keyNames, ...br.keyNames])] } : { ...r, key };
    }
    case 'object':
      return a.cls === (b as typeof a).cls ? a : null;
    case 'array':
      return a.text === (b as typeof a).text ? a : null;
    case 'series': {
      const bs = b as typeof a;
      if (a.text !== bs.text) return null;
      return a.numeric && !bs.numeric ? { ...a, numeric: undefined } : a;
    }
    case 'frame': {
      // text columns known on both sides only
      const bf = b as typeof a;
      if (a.text !== bf.text) return null;
      if (a.columns === bf.columns) return a;
      const columns = (a.columns ?? []).filter((c) => bf.columns?.includes(c));
      return { ...a, columns: columns.length ? columns : undefined };
    }
    case 'dtype':
      return a.numeric === (b as typeof a).numeric ? a : null;
    case 'time':
      return a.of === (b as typeof a).of ? a : null;
    case 'instance': {
      const bi = b as typeof a;
      if (bi.cls !== a.cls) return null;
      const fields = a.fields.map(([n, f], i) => [n, join(f, bi.fields[i]?.[1] ?? null)] as const);
      return a.row && bi.row ? { k: 'instance', cls: a.cls, fields, row: true } : { k: 'instance', cls: a.cls, fields };
    }
    default:
      return a;
  }
}

/**
 * A sequence joined with a display (`[pick]`, `(a, b)`): a sequence of the join of its elements and the display's
 * items. What a kept list holds is kept either way: the display's items are marked as the list's are, so the
 * join does not depend on which binding came first.
 */
function joinSeqDisplay(s: { k: 'seq'; of: Fact | null; stored?: boolean }, t: { k: 'tuple'; items: (Fact | null)[] }): MaybeFact {
  const items = elementOf(t);
  return { k: 'seq', of: join(s.of, s.stored ? markStored(items, 1) : items), stored: s.stored };
}

/**
 * Join of the two branches of `a if c else b` / `a or b`: like join, but data text against a constant number
 * fallback (`sys.argv[1] if len(sys.argv) > 1 else 90`, `row.get("n") or DEFAULT_N`) stays data text: whenever
 * the data is there it is a str. Against any other number (`int(v) if key in INT_FIELDS else v`, a conversion
 * chosen by the data) the value is unknown. `fallback(i)`: is branch i written as a number literal or constant?
 */
export function joinBranches(a: MaybeFact, b: MaybeFact, fallback: (i: 0 | 1) => boolean): MaybeFact {
  if (a && b && a.k === 'text' && b.k === 'num' && fallback(1)) return a;
  if (a && b && b.k === 'text' && a.k === 'num' && fallback(0)) return b;
  return join(a, b);
}

/**
 * The join of values found one by one (every store into a container, every call site's argument, every return):
 * `add` answers false as soon as the join is unknown; `any` says whether anything was added at all.
 */
export class Joined {
  any = false;
  value: MaybeFact = null;

  add(f: MaybeFact): boolean {
    this.value = this.any ? join(this.value, f) : f;
    this.any = true;
    return !!this.value;
  }
}

/** Copy of a fact whose text sources are marked as kept in a collection. */
export function markStored(f: MaybeFact, depth = 0): MaybeFact {
  if (!f || depth > 8) return f;
  switch (f.k) {
    case 'text': {
      // Stored once already, it keeps how: a lone field kept in a group's list (`by[k].append(row["n"])`) is no row
      // when the groups are copied later (`sorted(by.items())` holds each list inside a pair).
      const inRow = f.src.stored ? !!f.src.storedInRow : depth > 0;
      return f.src.stored && f.src.storedInRow === inRow ? f : { k: 'text', src: { ...f.src, stored: true, storedInRow: inRow } };
    }
    case 'seq':
      return { k: 'seq', of: markStored(f.of, depth + 1), stored: true };
    case 'tuple':
      return { k: 'tuple', items: f.items.map((x) => markStored(x, depth + 1)) };
    case 'record': {
      const plain: Fact = f.overwritten ? { k: 'record', of: markStored(f.of, depth + 1), overwritten: f.overwritten } : { k: 'record', of: markStored(f.of, depth + 1) };
      const r: Fact = f.fields ? { ...plain, fields: f.fields.map(([n, x]) => [n, markStored(x, depth + 1)] as const) } : plain;
      if (!f.key) return r;
      return f.keyNames ? { ...r, key: f.key, keyNames: f.keyNames } : { ...r, key: f.key };
    }
    case 'instance':
      // A whole row copied into a record is still the row; an instance built field by field is a new record.
      return f.row ? { ...f, fields: f.fields.map(([n, x]) => [n, markStored(x, depth + 1)] as const) } : f;
    default:
      return f;
  }
}

/** What iterating a value yields. */
export function elementOf(f: MaybeFact): MaybeFact {
  if (!f) return null;
  switch (f.k) {
    case 'bottom':
      return f;
    case 'seq':
      return f.of;
    case 'tuple': {
      let acc: MaybeFact = f.items.length ? f.items[0] : null;
      for (let i = 1; i < f.items.length; i++) acc = join(acc, f.items[i]);
      return acc;
    }
    case 'file':
      return { k: 'text', src: f.src };
    case 'array':
      return f.text ? { k: 'array', text: true, src: f.src } : null;
    case 'series':
      return f.text && f.src ? { k: 'text', src: f.src } : f.numeric ? { k: 'num' } : null;
    case 'text':
      return f; // characters of data text are still data text
    case 'record':
      return f.key ?? null; // a dict's keys, when known (dictKeys.ts)
    case 'algebraic':
      return f; // (a dict of variables yields its keys: taken as modelling objects too, which only silences)
    default:
      return null;
  }
}

/**
 * A record's value under `key` (a string, or null when the key is not a literal): unknown when overwritten; the
 * key's own value when the record keeps its fields (a key it does not list: the join of all its values).
 */
export function recordField(f: { k: 'record'; of: Fact | null; overwritten?: readonly string[]; fields?: RecordFields }, key: string | null): MaybeFact {
  if (f.overwritten && (key === null || f.overwritten.includes(key))) return null;
  const own = key !== null && f.fields ? f.fields.find(([n]) => n === key) : undefined;
  return own ? own[1] : f.of;
}

/** Unpacking path step of a starred target (`a, *rest = v`) at position i: `STARRED + i`. */
export const STARRED = 1000;
/** Unpacking path step of a target after a star: some element, position unknown. */
export const AFTER_STAR = 2000;

/** Element `i` when unpacking (`a, b = value`; see STARRED and AFTER_STAR for starred targets). */
export function unpackAt(f: MaybeFact, i: number): MaybeFact {
  if (!f) return null;
  if (f.k === 'bottom') return f;
  if (i >= AFTER_STAR) return f.k === 'tuple' || f.k === 'text' ? null : elementOf(f);
  if (i >= STARRED) {
    if (f.k === 'tuple') {
      const rest = f.items.slice(i - STARRED);
      return rest.length ? { k: 'seq', of: elementOf({ k: 'tuple', items: rest }), stored: true } : null;
    }
    return f.k === 'seq' ? { k: 'seq', of: f.of, stored: true } : null;
  }
  if (f.k === 'tuple') return i < f.items.length ? f.items[i] : null;
  if (f.k === 'text') return null; // unpacking a string yields characters; rare and not a number source
  return elementOf(f);
}

/** Is the value data text, or does it hold data text (a row, a list of fields)? */
export function textSourceOf(f: MaybeFact, depth = 0): TextSource | null {
  if (!f || depth > 6) return null;
  switch (f.k) {
    case 'text':
    case 'file':
      return f.src;
    case 'seq':
    case 'record':
      return textSourceOf(f.of, depth + 1);
    case 'tuple':
      for (const x of f.items) {
        const s = textSourceOf(x, depth + 1);
        if (s) return s;
      }
      return null;
    case 'array':
    case 'series':
    case 'frame':
      return f.text ? (f.src ?? null) : null;
    default:
      return null;
  }
}
