// Values of attribute reads (`r.value`, `self.rows`, `args.limit`, `df.col`) and subscripts (`row[2]`,
// `d[k]`, `df["x"]`, `arr[:, 3]`).
import type { Node } from 'web-tree-sitter';
import { ARGUMENT_METHODS, ELEMENT_FILLS, FRAME_ATTRIBUTES, FRAME_VIEW_PROPERTIES, MODULE_ATTRIBUTES, NAMESPACE_CALL, NUMBER_TYPES, PATH_CONSTRUCTORS, PATH_PROPERTIES } from '../library/derived';
import { isNumberLiteral, keywordArg, positionFromEnd, stringValue, unwrap } from '../syntax';
import type { Analysis } from './analysis';
import { elementOf, join, markStored, recordField, type Fact, type MaybeFact, type TextSource } from './factTypes';
import { namespaceOptionReplaced } from './namespaceStores';
import { isMask } from './operators';
import { rowFieldReplaced } from './rowFieldStores';
import { enclosingScope } from '../scopeSites';
import type { Scope } from './scopes';
import { classAttrFact } from './summaries';
import { isTimeAttribute, timeAttribute } from './timeValues';

export function attributeFact(a: Analysis, node: Node, d: number): MaybeFact {
  const obj = unwrap(node.childForFieldName('object'));
  const attr = node.childForFieldName('attribute')?.text ?? '';
  if (!obj) return null;
  if (obj.type === 'identifier') {
    const o = obj.text;
    if (o === 'self') {
      a.ensureAt(node.startIndex);
      const cls = a.classScopeOf(node);
      return cls ? classAttrFact(a, cls, attr, d) : null;
    }
    // `sys.argv`, `sys.stdin`, `os.environ` (library model)
    const held = MODULE_ATTRIBUTES.get(`${o}.${attr}`);
    if (held) {
      const src: TextSource = { label: `${o}.${attr}`, kind: held.source, node };
      return held.holds === 'text-file' ? { k: 'file', src } : held.holds === 'text-list' ? { k: 'seq', of: { k: 'text', src } } : { k: 'record', of: { k: 'text', src } };
    }
  }
  let known: MaybeFact | undefined;
  const view = Object.hasOwn(FRAME_VIEW_PROPERTIES, attr) ? FRAME_VIEW_PROPERTIES[attr] : undefined;
  if (view) {
    const f = (known = a.factOf(obj, d));
    // `s.str`: the string accessor of a text column (its same-text methods keep it text: `s.str.strip()`)
    if (view === 'text-view' && f && (f.k === 'series' || f.k === 'frame' || f.k === 'array')) return f.k === 'series' && f.text ? f : null;
    if (f && f.k === 'frame') return view === 'array' ? { k: 'array', text: f.text, src: f.src } : f;
    if (f && (f.k === 'series' || f.k === 'array')) return view === 'array' ? { k: 'array', text: f.text, src: f.src } : f;
    // `cfg.values` of an in-file class's instance or record: its attribute, below
    if (!f || (f.k !== 'object' && f.k !== 'instance')) return null;
  }
  // Only attributes some value kind has are worth evaluating the object for (most attributes are not).
  const wanted =
    a.shapes().fieldNames.has(attr) ||
    (a.hasClasses() && (a.memberNames().selfBound.has(attr) || a.memberNames().methods.has(attr))) ||
    (a.mentionsArrays && /^[A-Za-z]\w*$/.test(attr) && !FRAME_ATTRIBUTES.has(attr)) ||
    attr in PATH_PROPERTIES ||
    isTimeAttribute(attr) ||
    a.textTest(NAMESPACE_CALL);
  const o = known !== undefined ? known : wanted ? a.factOf(obj, d) : null;
  if (!o) return null;
  switch (o.k) {
    // `r.value` of a record instance: what the field was built from.
    // A field left to `default_factory=dict/list`: what is stored into that field of any instance. A field left
    // out (its default) or another attribute: the class's summary (its join covers this instance).
    case 'instance': {
      const field = o.fields.find(([n]) => n === attr);
      const f = field?.[1] ?? null;
      if (f && f.k === 'empty') return filledField(a, o.cls, attr, !!f.dict, d);
      if (f) return f;
      const cls = a.moduleClass(o.cls);
      return cls ? classAttrFact(a, cls, attr, d) : null;
    }
    // `report.errors` of an in-file class's instance: what its methods store in `self.errors`.
    case 'object': {
      const cls = a.moduleClass(o.cls);
      return cls ? classAttrFact(a, cls, attr, d) : null;
    }
    // An option converted where it sits (`args.w = float(args.w)`) before this read: unknown.
    case 'namespace': {
      const f = argparseAttr(a, attr, o.src);
      return f && f.k === 'text' && namespaceOptionReplaced(a, node, attr, o.src, d) ? null : f;
    }
    case 'path':
      return PATH_PROPERTIES[attr] === 'path' ? o : PATH_PROPERTIES[attr] === 'str' ? { k: 'str' } : null;
    case 'time':
      return timeAttribute(o, attr) ?? null;
    // `people.height_m`: a column by attribute, of a frame read as text (not a method or frame property).
    // A store into the column on an earlier line (`df["totpop"] = df["totpop"].astype(int)`) counts as for `df["totpop"]`.
    case 'frame':
      if (!(o.text || o.columns?.includes(attr)) || !/^[A-Za-z]\w*$/.test(attr) || FRAME_ATTRIBUTES.has(attr)) return null;
      return columnReassigned(a, node, obj?.text ?? '', attr, d) ? null : { k: 'series', text: true, src: o.src };
    default:
      return null;
  }
}

/** The library model's one-element fills (`append`, `add`…), as regex alternatives. */
const ELEMENT_FILL_WORDS = [...ELEMENT_FILLS].join('|');

/** At most this many in-place stores are read for a record's container field. */
const MAX_FIELD_STORES = 20;

/**
 * A record field that starts as an empty container (`scores: dict = field(default_factory=dict)`): what is
 * stored into that field of any instance of the class (`st.scores[k] = v`; for a list, set or deque a one-element
 * fill, `st.items.append(v)`, `st.seen.add(v)`), found by text. Unknown when a store's receiver is unknown (it may be one of ours) or the store is another kind.
 */
function filledField(a: Analysis, cls: string, attr: string, dict: boolean, d: number): MaybeFact {
  const re = a.regexFor('fieldstore', attr, () => new RegExp(`\\.\\s*${attr}\\s*(?:\\[[^=\\n]*\\]\\s*=[^=]|\\.\\s*(?:${ELEMENT_FILL_WORDS})\\s*\\()`, 'g'));
  if (!a.textTest(re)) return null;
  // Positions first: evaluating a store may ask this question again, which runs the same regex.
  const sites: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(a.text); m; m = re.exec(a.text)) {
    if (sites.push(m.index + m[0].indexOf(attr)) > MAX_FIELD_STORES) return null;
  }
  let acc: MaybeFact = null;
  for (const at of sites) {
    a.noteChunkAt(at);
    const field = a.rootNode.descendantForIndex(at)?.parent;
    if (field?.type !== 'attribute') return null;
    const recv = a.factOf(field.childForFieldName('object'), d);
    if (!recv) return null;
    if ((recv.k !== 'instance' && recv.k !== 'object') || recv.cls !== cls) continue; // another class's field
    const p = field.parent;
    const store = p?.parent;
    let v: MaybeFact;
    if (dict && p?.type === 'subscript' && store?.type === 'assignment' && store.childForFieldName('left')?.id === p.id) v = a.factOf(store.childForFieldName('right'), d);
    else if (!dict && p?.type === 'attribute' && store?.type === 'call') v = a.factOf(store.childForFieldName('arguments')?.namedChild(0) ?? null, d);
    else return null;
    acc = acc ? join(acc, v) : v;
    if (!acc) return null;
  }
  if (!acc) return null;
  return dict ? { k: 'record', of: acc } : { k: 'seq', of: markStored(acc), stored: true };
}

/**
 * The value an update `self.total += x` / `report.total -= x` starts from: what the attribute is assigned
 * anywhere in its class, not what the updates add (their join with a text operand would be unknown, and the
 * update itself is the mistake being asked about).
 */
export function attributeBeforeUpdate(a: Analysis, node: Node, d: number): MaybeFact {
  const obj = unwrap(node.childForFieldName('object'));
  const attr = node.childForFieldName('attribute')?.text ?? '';
  if (!obj || !attr) return null;
  let cls: Scope | null = null;
  if (obj.type === 'identifier' && obj.text === 'self') {
    a.ensureAt(node.startIndex);
    cls = a.classScopeOf(node);
  } else if (a.hasClasses() && a.memberNames().selfBound.has(attr)) {
    const o = a.factOf(obj, d);
    cls = o && o.k === 'object' ? a.moduleClass(o.cls) : null;
  }
  return cls ? classAttrFact(a, cls, attr, d, true) : null;
}

/**
 * `args.limit` of `parser.parse_args()`: text unless its `add_argument` gives a `type=`, an `action=` or a
 * default other than a number or text (then a number, a path for `type=Path`, a flag or unknown). Found by text: `add_argument("--limit", …)` or `dest=`.
 */
function argparseAttr(a: Analysis, attr: string, src: TextSource): MaybeFact {
  const re = a.regexFor('argparse', attr, () => new RegExp(`\\.(?:${ARGUMENT_METHODS.join('|')})\\s*\\(\\s*(?:['"][^'"]*['"]\\s*,\\s*)?['"](?:--?)?${attr.replace(/_/g, '[-_]')}['"]|dest\\s*=\\s*['"]${attr}['"]`, 'g'));
  a.noteRegex(re);
  re.lastIndex = 0;
  let acc: MaybeFact = null;
  let any = false;
  for (let m = re.exec(a.text); m; m = re.exec(a.text)) {
    let call: Node | null = a.rootNode.descendantForIndex(m.index + 1);
    for (let i = 0; call && call.type !== 'call' && i < 8; i++) call = call.parent;
    if (!call) return null;
    let f: MaybeFact;
    const type = unwrap(keywordArg(call, 'type'));
    const dflt = unwrap(keywordArg(call, 'default'));
    // `type=Path` gives one path (whose `.open()` is a file), unless nargs=/action= make it a list of them
    if (type && PATH_CONSTRUCTORS.includes(type.text)) f = keywordArg(call, 'action') || keywordArg(call, 'nargs') ? null : { k: 'path' };
    else if (type) f = NUMBER_TYPES.has(type.text) ? { k: 'num' } : null;
    else if (keywordArg(call, 'action') || keywordArg(call, 'nargs')) f = null;
    // `default=0.005` without `type=`: a number only while the option is left out; given on the command line it
    // is text, so a numeric use is wrong exactly when the user sets it (a literal number default only, and no
    // `choices=`, which would reject any text).
    else if (dflt && isNumberLiteral(dflt) && !keywordArg(call, 'choices')) f = { k: 'text', src: { ...src, label: `the command-line argument \`${attr}\` (argparse, no type=: text when given, whatever its numeric default)` } };
    else if (dflt && stringValue(dflt) === null && dflt.type !== 'none') f = null;
    else f = { k: 'text', src: { ...src, label: `the command-line argument \`${attr}\` (argparse, no type=)` } };
    if (any && (!acc || !f || acc.k !== f.k)) return null;
    acc = f;
    any = true;
  }
  return acc;
}

const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a column store's key starts: `df[` or `df.loc[rows, ` (a row selector, then the column). */
const STORE_OPEN = String.raw`(?:\[\s*|\.\s*i?loc\s*\[[^\],\n]*,\s*)`;
/** `data.loc` of a `data.loc[:, "x"] =` store: the frame is `data`. */
const LOC_SUFFIX = /\.\s*i?loc$/;

/**
 * `df["n"] = pd.to_numeric(df["n"])` on an earlier line: that column is no longer known to be text (the
 * reassignment's own right side still reads the text column); so does a store under a name (`df[col] = …` in a
 * loop over column names). `anyKey`: the column read is named by a variable (`df[col]`), so a store under any
 * key may have replaced it.
 */
function columnReassigned(a: Analysis, node: Node, frameName: string, col: string, d: number, anyKey = false): boolean {
  const key = anyKey ? '[^\\]\\n]+' : `(?:['"]${esc(col)}['"]|[A-Za-z_][\\w.]*)`;
  const lineStart = a.text.lastIndexOf('\n', node.startIndex) + 1;
  const re = a.regexFor(anyKey ? 'colset-any' : 'colset', anyKey ? frameName : frameName + '\u0000' + col, () => new RegExp(`${esc(frameName)}\\s*${STORE_OPEN}${key}\\s*\\]\\s*=[^=]`, 'g'));
  a.noteRegex(re);
  re.lastIndex = 0;
  // Every store on an earlier line must keep the column text (`df["p"] = df["p"].str.replace(",", ".")`).
  for (let m = re.exec(a.text), n = 0; m && m.index < lineStart; m = re.exec(a.text), n++) {
    if (n >= MAX_FIELD_STORES || !storesText(a, m.index, d)) return true;
  }
  return !anyKey && columnStoredElsewhere(a, node, frameName, col, d);
}

/**
 * `frame["temp_f"] = frame["temp_c"] * 1.8 + 32` in another function, or through another name (a filtered copy
 * `part`, a parameter): the frame may reach that store, whose flow is not followed, so a column stored anywhere in
 * the file under the same key with a value that is not a text column is no longer known text. Stores through the
 * read's own name in its own function count only on earlier lines (above), and a store whose right side holds the
 * read itself (`out["n"] = df["n"] * 2`) does not count.
 */
function columnStoredElsewhere(a: Analysis, node: Node, frameName: string, col: string, d: number): boolean {
  const re = a.regexFor('colset-file', col, () => new RegExp(`(?<![\\w.])([A-Za-z_][\\w.]*)\\s*${STORE_OPEN}['"]${esc(col)}['"]\\s*\\]\\s*=[^=]`, 'g'));
  a.noteRegex(re);
  re.lastIndex = 0;
  const scope = enclosingScope(node);
  for (let m = re.exec(a.text), n = 0; m; m = re.exec(a.text), n++) {
    const store = storeAt(a, m.index);
    if (!store) continue;
    if (node.startIndex >= store.startIndex && node.endIndex <= store.endIndex) continue;
    if (m[1].replace(LOC_SUFFIX, '') === frameName && enclosingScope(store)?.id === scope?.id) continue;
    if (n >= MAX_FIELD_STORES || !storesText(a, m.index, d)) return true;
  }
  return columnStoredByLoop(a, node, col, d);
}

/**
 * `for c in ["totpop", "wa"]: df[c] = df[c].astype(int)`, or a loop over a name bound to such a list (`for c in
 * NUMERIC:`), anywhere in the file: a store under a loop name whose literal list holds the column may have replaced
 * it, in every frame reached from that one (a row subset read later: `sub["totpop"]`).
 */
function columnStoredByLoop(a: Analysis, node: Node, col: string, d: number): boolean {
  const re = a.regexFor('colset-loop', '', () => new RegExp(`(?<![\\w.])[A-Za-z_][\\w.]*\\s*${STORE_OPEN}([A-Za-z_]\\w*)\\s*\\]\\s*=[^=]`, 'g'));
  a.noteRegex(re);
  re.lastIndex = 0;
  for (let m = re.exec(a.text), n = 0; m; m = re.exec(a.text)) {
    const store = storeAt(a, m.index);
    if (!store || (node.startIndex >= store.startIndex && node.endIndex <= store.endIndex)) continue;
    let loop: Node | null = store.parent;
    while (loop && !(loop.type === 'for_statement' && loop.childForFieldName('left')?.text === m[1])) loop = loop.parent;
    if (!loop) continue;
    a.noteChunkAt(loop.startIndex); // the loop's list is read from the tree: an edit to it must re-ask (readLog.ts)
    if (!loopNamesColumn(a, loop.childForFieldName('right'), col)) continue;
    if (++n > MAX_FIELD_STORES || !storesText(a, m.index, d)) return true;
  }
  return false;
}

/** Whether a loop's iterable is a display holding the string `col`, or a name bound to one somewhere (`NUMERIC = [...]`). */
function loopNamesColumn(a: Analysis, iter: Node | null, col: string): boolean {
  const it = unwrap(iter);
  const literal = new RegExp(`['"]${esc(col)}['"]`);
  if (it && (it.type === 'list' || it.type === 'tuple' || it.type === 'set')) return literal.test(it.text);
  if (it?.type !== 'identifier') return false;
  return a.textTest(a.regexFor('colset-list', it.text + '\u0000' + col, () => new RegExp(`(?<![\\w.])${esc(it.text)}\\s*=\\s*[[({][^\\])}]*['"]${esc(col)}['"]`)));
}

/** Does the `df[…] = value` store at `at` store a text column (a text Series, `.str.strip()` of one)? */
function storesText(a: Analysis, at: number, d: number): boolean {
  const store = storeAt(a, at);
  const v = store ? a.factOf(store.childForFieldName('right'), d) : null;
  return !!v && v.k === 'series' && v.text;
}

/** The assignment `df[…] = value` (also `self.df[…] = value`) whose target starts at `at`, if that is one. */
function storeAt(a: Analysis, at: number): Node | null {
  let target = a.rootNode.descendantForIndex(at);
  while (target?.parent?.type === 'attribute' && target.parent.startIndex === at) target = target.parent;
  target = target?.parent ?? null;
  const store = target?.type === 'subscript' ? target.parent : null;
  return store?.type === 'assignment' && store.childForFieldName('left')?.id === target!.id ? store : null;
}

/**
 * `df["amount"]`, `df.loc[rows, "amount"]`: the column `key` names in the frame `v` (read through `frameName`), a
 * store into it on an earlier line included (`df["amount"] = …astype(float)`), by a string or, in a frame read as
 * text, by a str-valued name (`for col in ["a1", "a2"]: df[col]`: every column of such a frame is text, unless a
 * store into the frame on an earlier line may have replaced it). Undefined when `key` names no column so (a mask,
 * a slice, a list of columns).
 */
function namedColumn(a: Analysis, node: Node, v: Fact & { k: 'frame' }, frameName: string, key: Node | null, d: number): MaybeFact | undefined {
  const col = stringValue(key);
  if (col !== null) {
    // text when the frame was read as text, or this column was (`dtype={"amount": str}`)
    const text = v.text || !!v.columns?.includes(col);
    if (text && columnReassigned(a, node, frameName, col, d)) return null;
    return { k: 'series', text, src: text || !v.columns ? v.src : undefined };
  }
  const named = v.text && key?.type === 'identifier' ? a.factOf(key, d) : null;
  if (!named || (named.k !== 'str' && named.k !== 'text')) return undefined;
  return columnReassigned(a, node, frameName, key!.text, d, true) ? null : { k: 'series', text: true, src: v.src };
}

export function subscriptFact(a: Analysis, node: Node, d: number): MaybeFact {
  const v = a.factOf(node.childForFieldName('value'), d);
  if (!v) return null;
  const subs = node.childrenForFieldName('subscript').filter((c): c is Node => !!c);
  const idx = unwrap(subs[0] ?? null);
  if (!idx) return null;
  const isSlice = idx.type === 'slice';
  switch (v.k) {
    case 'bottom':
    case 'algebraic': // a variable of a dict or list of them
      return v;
    case 'tuple': {
      if (isSlice) return { k: 'seq', of: elementOf(v) };
      // `pair[1]`, `pair[-1]`, `pair[- 1]` (positionFromEnd reads the spaced form too): that position's value
      const back = positionFromEnd(idx);
      if (idx.type === 'integer' || back !== null) {
        const j = back === null ? parseInt(idx.text, 10) : back === 0 ? 0 : v.items.length - back;
        return j >= 0 && j < v.items.length ? v.items[j] : null;
      }
      return elementOf(v);
    }
    case 'seq':
      if (isSlice) return v;
      // `row[-1] = int(row[-1])` on an earlier line: that position of these rows may hold a number now
      return v.of && v.of.k === 'text' && rowFieldReplaced(a, node, v.of.src, idx, d) ? null : v.of;
    case 'record':
      return recordField(v, stringValue(idx));
    case 'text':
      // a slice of data text is still data text; a single character (or a bytes value's int) is not
      return isSlice ? v : null;
    case 'match':
      return { k: 'text', src: v.src };
    case 'array':
      return v.text ? v : { k: 'array', text: false };
    case 'frame': {
      const frameName = node.childForFieldName('value')?.text ?? '';
      // `df.loc[rows, "amount"]`: two subscripts, the column second (`.loc` is a view of the frame)
      if (subs.length === 2) return namedColumn(a, node, v, frameName.replace(LOC_SUFFIX, ''), unwrap(subs[1] ?? null), d) ?? null;
      if (subs.length > 1) return null;
      const named = namedColumn(a, node, v, frameName, idx, d);
      if (named !== undefined) return named;
      // `df[(rows, "amount")]`: the tuple's last item, when it names a text column
      const last = idx.type === 'tuple' ? stringValue(idx.namedChildren[idx.namedChildCount - 1] ?? null) : null;
      if (last !== null && (v.text || !!v.columns?.includes(last))) return columnReassigned(a, node, frameName, last, d) ? null : { k: 'series', text: true, src: v.src };
      if (idx.type === 'list') return v;
      if (idx.type === 'tuple' && v.text) return { k: 'series', text: true, src: v.src }; // df.loc[:, "col"]
      // Rows selected by a mask (`df[df["units"] != "n/a"]`, `df[a & b]`, `df[~m]`) or a slice: the same columns.
      if (isSlice || isMask(idx)) return v;
      return null;
    }
    case 'series':
      return isSlice || idx.type === 'comparison_operator' || idx.type === 'boolean_operator' ? v : v.text && v.src ? ({ k: 'text', src: v.src } as Fact) : v.numeric ? { k: 'num' } : null;
    default:
      return null;
  }
}
