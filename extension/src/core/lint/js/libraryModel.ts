// The library model, as data: what each data library's calls return (MODULE_CALLS), which globals name a
// module (GLOBAL_MODULES), and the HTTP request shape. The evaluator never names a library itself; adding a
// library function is one row here plus its test. A row's `gives` is one of a few result kinds, interpreted
// by `moduleCall` below (a whole file, a directory listing, readline lines, a tabular parse and where its
// options sit, …). Unknown members: unknown.
import type { TabularParseInfo } from './ruleContext';
import { NUM, optionConverts, propName } from './factTypes';
import type { Call, Fact, Fn, Node } from './factTypes';

/** What the library semantics need from the file's facts. */
export interface LibraryHost {
  factOf(node: Node, depth: number): Fact | undefined;
  /** What a local function returns (a d3-dsv row function's records). */
  returnFact(fn: Fn, depth: number): Fact | undefined;
  /** Remember a tabular parse call (every one, for MW351), with its info when it does not cast (for MW251). */
  noteParse(call: Call, library: TabularParseInfo['library'], info?: TabularParseInfo): void;
}

/** What a modelled call returns. */
type Gives =
  /** The whole content of a file (readFileSync, fs.promises.readFile). */
  | { kind: 'file'; unlessCallback?: boolean }
  /** A large list of unknown elements (a directory listing). */
  | { kind: 'bigList'; what: string }
  /** readline.createInterface: a stream of whole lines of text. */
  | { kind: 'lines' }
  /** A tabular parse; options in argument `optionsArg` (csv-parse's stream form also takes them first). */
  | { kind: 'tabular'; library: TabularParseInfo['library']; optionsArg: number; stream?: boolean; unlessCallback?: boolean }
  /**
   * A stream of text rows (csv-parser, fast-csv): a text source, not an MW2xx parse (no cast option to add).
   * `convertOption` in the first argument (csv-parser's `mapValues`) converts them.
   */
  | { kind: 'textRows'; what: string; convertOption?: string }
  /** PapaParse: `{ data: records }`, or a stream of records with a step/chunk callback or NODE_STREAM_INPUT. */
  | { kind: 'papaparse' }
  /** util.promisify(fs.readFile) behaves as fs.promises.readFile. */
  | { kind: 'promisifiedRead' }
  /** d3.dsvFormat(';'): a module value whose parse/parseRows parse records. */
  | { kind: 'dsvFormat' }
  /** JSON.parse: JSON types (numbers stay numbers), never data text. */
  | { kind: 'json' };

interface ModuleCallRow {
  modules: readonly string[];
  /** Member path joined with '.' ('' for the module called itself). */
  members: readonly string[];
  gives: Gives;
}

const FS = ['fs', 'fs-extra', 'graceful-fs'];
const CSV_PARSE_SYNC = ['csv-parse/sync', 'csv/sync', 'csv-parse/lib/sync'];
const CSV_PARSE = ['csv-parse', 'csv'];
const D3 = ['d3', 'd3-dsv', 'd3-fetch'];
const D3_PARSES = ['csvParse', 'tsvParse', 'csvParseRows', 'tsvParseRows', 'csv', 'tsv', 'csv.parse', 'tsv.parse', 'csv.parseRows', 'tsv.parseRows', 'dsvFormat().parse', 'dsvFormat().parseRows'];

export const MODULE_CALLS: readonly ModuleCallRow[] = [
  { modules: FS, members: ['readFileSync', 'promises.readFile'], gives: { kind: 'file' } },
  { modules: ['fs-extra'], members: ['readFile'], gives: { kind: 'file', unlessCallback: true } },
  { modules: FS, members: ['readdirSync', 'promises.readdir'], gives: { kind: 'bigList', what: 'a directory listing' } },
  { modules: ['fs/promises'], members: ['readFile'], gives: { kind: 'file' } },
  { modules: ['fs/promises'], members: ['readdir'], gives: { kind: 'bigList', what: 'a directory listing' } },
  { modules: ['util'], members: ['promisify'], gives: { kind: 'promisifiedRead' } },
  { modules: ['readline', 'readline/promises'], members: ['createInterface'], gives: { kind: 'lines' } },
  { modules: ['csv-parser'], members: [''], gives: { kind: 'textRows', what: 'a csv-parser row field', convertOption: 'mapValues' } },
  { modules: ['fast-csv', '@fast-csv/parse'], members: ['parse', 'parseStream', 'parseString', 'parseFile'], gives: { kind: 'textRows', what: 'a fast-csv row field' } },
  { modules: CSV_PARSE_SYNC, members: ['parse', '', 'default'], gives: { kind: 'tabular', library: 'csv-parse', optionsArg: 1 } },
  { modules: CSV_PARSE, members: ['parse', '', 'default'], gives: { kind: 'tabular', library: 'csv-parse', optionsArg: 1, stream: true, unlessCallback: true } },
  { modules: ['papaparse'], members: ['parse'], gives: { kind: 'papaparse' } },
  { modules: D3, members: ['dsvFormat'], gives: { kind: 'dsvFormat' } },
  { modules: D3, members: D3_PARSES, gives: { kind: 'tabular', library: 'd3-dsv', optionsArg: 1 } },
  { modules: ['JSON'], members: ['parse'], gives: { kind: 'json' } },
];

/**
 * A value from JSON.parse: an object or array whose members and elements are JSON values again (so the
 * fact is its own element). Its leaves are whatever the document holds, numbers included, never data text.
 */
export const JSON_VALUE: Fact & { t: 'list' } = { t: 'list', json: true };
JSON_VALUE.elem = JSON_VALUE;

/** Node stream stages built from an options object: the method that receives each chunk (`transform(rec, enc, cb)`). */
export const STREAM_STAGES: Readonly<Record<string, string>> = { Transform: 'transform', Writable: 'write', Duplex: 'write' };
/** Calls that connect stream stages in order: `pipeline(source, parse(), new Transform(…))` (stream and stream/promises). */
export const PIPELINE_CALLS: ReadonlySet<string> = new Set(['pipeline']);

/** Globals that scripts use without importing them (browser/UMD builds, or a global `fs`). */
const GLOBAL_MODULES: Readonly<Record<string, string>> = { Papa: 'papaparse', d3: 'd3', fs: 'fs', readline: 'readline', JSON: 'JSON' };
const NUMERIC_GLOBALS = new Set(['NaN', 'Infinity']);

/** Result kinds that make (or lead to) a tabular parse, the only calls MW251 reports. */
const TABULAR_KINDS: ReadonlySet<Gives['kind']> = new Set(['tabular', 'papaparse', 'dsvFormat']);
const TABULAR_MODULES = [...new Set(MODULE_CALLS.filter((r) => TABULAR_KINDS.has(r.gives.kind)).flatMap((r) => r.modules))];
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * True for the text of every file that can call a tabular parser: a call reaches one only through a module
 * value, which comes from an import or require of one of TABULAR_MODULES (the whole string literal, maybe
 * `node:`-prefixed, as normSource strips it) or from a global that names one (GLOBAL_MODULES). Files that
 * only mention "CSV" or hold a hex id with "d3" skip MW251's file-wide numeric-use search.
 */
export const MAY_PARSE_TABLES = new RegExp(
  [
    `(['"\`])(?:node:)?(?:${TABULAR_MODULES.map(escapeRegExp).join('|')})\\1`,
    ...Object.entries(GLOBAL_MODULES)
      .filter(([, mod]) => TABULAR_MODULES.includes(mod))
      .map(([name]) => `\\b${escapeRegExp(name)}\\b`),
  ].join('|'),
);

/** What an undeclared identifier holds: a module namespace, a number, or unknown. */
export function globalFact(name: string): Fact | undefined {
  const source = GLOBAL_MODULES[name];
  if (source) return { t: 'mod', source, path: [] };
  return NUMERIC_GLOBALS.has(name) ? NUM : undefined;
}

/** An HTTP handler's request (`req` in Express/http, `ctx.request` in Koa): query and route parameters are text. */
export function httpRequestFact(): { t: 'obj'; props: Map<string, Fact | undefined> } {
  return {
    t: 'obj',
    props: new Map<string, Fact | undefined>([
      ['query', { t: 'list', elem: { t: 'text', origin: { what: 'an HTTP query parameter' } } }],
      ['params', { t: 'list', elem: { t: 'text', origin: { what: 'a URL route parameter' } } }],
    ]),
  };
}

/** Records of a tabular parse: a list of records whose fields are text, or unknown when the call casts. */
export function tabularRecords(host: LibraryHost, call: Call, library: TabularParseInfo['library'], options: Node | undefined, stream: boolean, d = 0): Fact | undefined {
  let converts: boolean;
  let castOption: string;
  if (library === 'csv-parse') {
    converts = optionConverts(options, ['cast', 'on_record', 'onRecord']);
    castOption = 'cast: true';
  } else if (library === 'papaparse') {
    converts = optionConverts(options, ['dynamicTyping', 'transform']);
    castOption = 'dynamicTyping: true';
  } else {
    converts = !!options; // d3: a row function (d3.autoType or custom) converts
    castOption = 'd3.autoType';
  }
  host.noteParse(call, library, converts ? undefined : { library, castOption, options: options?.type === 'ObjectExpression' ? options : undefined });
  const record = textRecord(call, library);
  // A d3 row function written here gets the text record and returns the kept row: `(d) => ({ name: d.name,
  // pop: d.pop })` only picks fields, so `pop` is still text; `+d.pop` converts it.
  const rowFn = library === 'd3-dsv' && options ? rowFunction(host, options, d) : undefined;
  if (rowFn) return { t: 'list', elem: host.returnFact(rowFn, d + 1), stream, big: 'parsed records' };
  // Converted records hold numbers (or whatever the cast made): still a list of records, whose fields are unknown.
  if (converts) return { t: 'list', elem: { t: 'list', elem: undefined }, stream, big: 'parsed records' };
  return { t: 'list', elem: record, stream };
}

/** The d3-dsv row function passed in place or by the name of a local function (not `d3.autoType`). */
function rowFunction(host: LibraryHost, options: Node, d: number): Fn | undefined {
  if (options.type === 'ArrowFunctionExpression' || options.type === 'FunctionExpression') return options;
  const f = options.type === 'Identifier' ? host.factOf(options, d + 1) : undefined;
  return f?.t === 'fn' ? f.fn : undefined;
}

/** One record of a parse that does not cast: every field is text from that parse. */
function textRecord(call: Call, library: TabularParseInfo['library']): Fact {
  const what = library === 'csv-parse' ? 'a csv-parse record field' : library === 'papaparse' ? 'a PapaParse field' : 'a d3-dsv row field';
  return { t: 'list', elem: { t: 'text', origin: { what, parseCall: call } } };
}

/** Parameter `index` of a row function passed as argument `argIndex` of a d3-dsv parse: the first is the text record. */
export function d3RowParam(callee: Fact | undefined, call: Call, argIndex: number, index: number): Fact | undefined {
  if (callee?.t !== 'mod' || argIndex !== 1 || index !== 0) return undefined;
  const g = findRow(callee.source, callee.path.join('.'))?.gives;
  return g?.kind === 'tabular' && g.library === 'd3-dsv' ? textRecord(call, 'd3-dsv') : undefined;
}

function findRow(source: string, member: string): ModuleCallRow | undefined {
  return MODULE_CALLS.find((r) => r.modules.includes(source) && r.members.includes(member));
}

/** What calling `mod` (a module member reached from import/require) returns, from MODULE_CALLS. */
export function moduleCall(host: LibraryHost, mod: { source: string; path: string[] }, n: Call, d: number): Fact | undefined {
  const row = findRow(mod.source, mod.path.join('.'));
  if (!row) return undefined;
  const args = n.arguments;
  const last = args[args.length - 1];
  const lastIsFn = !!last && (last.type === 'ArrowFunctionExpression' || last.type === 'FunctionExpression');
  const g = row.gives;
  switch (g.kind) {
    case 'file':
      return g.unlessCallback && lastIsFn ? undefined : { t: 'file', read: n };
    case 'bigList':
      return { t: 'list', big: g.what };
    case 'lines':
      return { t: 'list', elem: { t: 'text', origin: { what: 'a readline line', wholeLine: true, streamed: true } }, stream: true, big: 'lines' };
    case 'textRows':
      if (g.convertOption && optionConverts(args[0], [g.convertOption])) return undefined;
      return { t: 'list', elem: { t: 'list', elem: { t: 'text', origin: { what: g.what, streamed: true } } }, stream: true };
    case 'promisifiedRead': {
      const f = args[0] && host.factOf(args[0], d);
      if (f?.t === 'mod' && (f.source === 'fs' || f.source === 'graceful-fs') && f.path.join('.') === 'readFile') return { t: 'mod', source: 'fs/promises', path: ['readFile'] };
      // `promisify(parse)` of csv-parse's callback API resolves with its records, like csv-parse/sync's parse.
      if (f?.t === 'mod' && CSV_PARSE.includes(f.source) && ['parse', '', 'default'].includes(f.path.join('.'))) return { t: 'mod', source: CSV_PARSE_SYNC[0], path: ['parse'] };
      return undefined;
    }
    case 'json':
      return JSON_VALUE;
    case 'dsvFormat':
      return { t: 'mod', source: mod.source, path: ['dsvFormat()'] };
    case 'tabular': {
      if (g.unlessCallback && lastIsFn) return undefined;
      // csv-parse's stream form takes its options first: parse({ columns: true }).
      const opts = g.stream ? (args.length >= 2 ? args[1] : args[0]?.type === 'ObjectExpression' ? args[0] : undefined) : args[g.optionsArg];
      return tabularRecords(host, n, g.library, opts, !!g.stream, d);
    }
    case 'papaparse': {
      const input = args[0];
      const config = args[1];
      // A step/chunk callback gets rows one at a time: like a stream, nothing is kept unless pushed.
      const hasStep = config?.type === 'ObjectExpression' && config.properties.some((p) => p.type === 'Property' && p.key.type === 'Identifier' && (p.key.name === 'step' || p.key.name === 'chunk'));
      const isStream = hasStep || (input?.type === 'MemberExpression' && propName(input) === 'NODE_STREAM_INPUT');
      const records = tabularRecords(host, n, 'papaparse', config, isStream);
      if (!records || isStream) return records;
      return { t: 'obj', props: new Map<string, Fact | undefined>([['data', records]]) };
    }
  }
}
