// What the data libraries return, by module and member: fs reads, readline, csv-parse (sync, stream,
// callback), csv-parser, PapaParse, d3-dsv/d3-fetch, util.promisify(fs.readFile). Unknown members: unknown.
import type { TabularParseInfo } from './ruleContext';
import { optionConverts, propName } from './factTypes';
import type { Call, Fact, Node } from './factTypes';

/** What the library semantics need from the file's facts. */
export interface LibraryHost {
  factOf(node: Node, depth: number): Fact | undefined;
  /** Remember a tabular parse call (every one, for MW351), with its info when it does not cast (for MW251). */
  noteParse(call: Call, library: TabularParseInfo['library'], info?: TabularParseInfo): void;
}

/** Records of a tabular parse: a list of records whose fields are text, or unknown when the call casts. */
export function tabularRecords(host: LibraryHost, call: Call, library: TabularParseInfo['library'], options: Node | undefined, stream: boolean): Fact | undefined {
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
  // Converted records hold numbers (or whatever the cast made): still a list of records, whose fields are unknown.
  if (converts) return { t: 'list', elem: { t: 'list', elem: undefined }, stream };
  const what = library === 'csv-parse' ? 'a csv-parse record field' : library === 'papaparse' ? 'a PapaParse field' : 'a d3-dsv row field';
  const record: Fact = { t: 'list', elem: { t: 'text', origin: { what, parseCall: call } } };
  return { t: 'list', elem: record, stream };
}


/** What calling `mod` (a module member reached from import/require) returns. */
export function moduleCall(host: LibraryHost, mod: { source: string; path: string[] }, n: Call, d: number): Fact | undefined {
  const src = mod.source;
  const name = mod.path.join('.');
  const args = n.arguments;
  const lastIsFn = args.length > 0 && (args[args.length - 1].type === 'ArrowFunctionExpression' || args[args.length - 1].type === 'FunctionExpression');
  if (src === 'fs' || src === 'fs-extra' || src === 'graceful-fs') {
    if (name === 'readFileSync' || name === 'promises.readFile') return { t: 'file', read: n };
    if (name === 'readFile' && src === 'fs-extra' && !lastIsFn) return { t: 'file', read: n };
    if (name === 'readdirSync' || name === 'promises.readdir') return { t: 'list', big: 'a directory listing' };
    return undefined;
  }
  if (src === 'util' && name === 'promisify' && args[0]) {
    const f = host.factOf(args[0], d);
    if (f?.t === 'mod' && (f.source === 'fs' || f.source === 'graceful-fs') && f.path.join('.') === 'readFile') return { t: 'mod', source: 'fs/promises', path: ['readFile'] };
    return undefined;
  }
  if (src === 'fs/promises') {
    if (name === 'readFile') return { t: 'file', read: n };
    if (name === 'readdir') return { t: 'list', big: 'a directory listing' };
    return undefined;
  }
  if (src === 'readline' || src === 'readline/promises') {
    if (name === 'createInterface') return { t: 'list', elem: { t: 'text', origin: { what: 'a readline line', wholeLine: true } }, stream: true, big: 'lines' };
    return undefined;
  }
  if (src === 'csv-parser' && mod.path.length === 0) {
    // csv-parser streams rows of text; `mapValues` converts them. A text source only (not an MW2xx parse).
    if (optionConverts(args[0], ['mapValues'])) return undefined;
    return { t: 'list', elem: { t: 'list', elem: { t: 'text', origin: { what: 'a csv-parser row field' } } }, stream: true };
  }
  if (src === 'csv-parse/sync' || src === 'csv/sync' || src === 'csv-parse/lib/sync') {
    if (name === 'parse' || name === '' || name === 'default') return tabularRecords(host, n, 'csv-parse', args[1], false);
    return undefined;
  }
  if (src === 'csv-parse' || src === 'csv') {
    if ((name === 'parse' || name === '' || name === 'default') && !lastIsFn) {
      const opts = args.length >= 2 ? args[1] : args[0]?.type === 'ObjectExpression' ? args[0] : undefined;
      return tabularRecords(host, n, 'csv-parse', opts, true);
    }
    return undefined;
  }
  if (src === 'papaparse') {
    if (name !== 'parse') return undefined;
    const input = args[0];
    const config = args[1];
    // A step/chunk callback gets rows one at a time: like a stream, nothing is kept unless pushed.
    const hasStep = config?.type === 'ObjectExpression' && config.properties.some((p) => p.type === 'Property' && p.key.type === 'Identifier' && (p.key.name === 'step' || p.key.name === 'chunk'));
    const isStream = hasStep || (input?.type === 'MemberExpression' && propName(input) === 'NODE_STREAM_INPUT');
    const records = tabularRecords(host, n, 'papaparse', config, isStream);
    if (!records || isStream) return records;
    return { t: 'obj', props: new Map<string, Fact | undefined>([['data', records]]) };
  }
  if (src === 'd3' || src === 'd3-dsv' || src === 'd3-fetch') {
    const last = mod.path[mod.path.length - 1];
    const parses = new Set(['csvParse', 'tsvParse', 'csvParseRows', 'tsvParseRows', 'parse', 'parseRows', 'csv', 'tsv']);
    if (last === 'dsvFormat') return { t: 'mod', source: src, path: ['dsvFormat()'] };
    if (parses.has(last) && (last !== 'parse' && last !== 'parseRows' || mod.path[0] === 'dsvFormat()')) {
      return tabularRecords(host, n, 'd3-dsv', args[1], false);
    }
    return undefined;
  }
  return undefined;
}

