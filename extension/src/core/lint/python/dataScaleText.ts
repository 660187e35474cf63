// The words and shapes behind the data-scale answers (dataScale.ts): which files are fixed configuration, how a
// reader, a query or the command line is written, how a while loop reads a stream to its end, and how a source is
// named in a finding's message.
import type { Node } from 'web-tree-sitter';
import type { TextSource } from './facts/factTypes';
import type { ScaleAnswer } from '../scaleAnswer';
import { calleeOf, positionalArgs, snippet, unwrap } from './syntax';
import { METHOD_EVALUATIONS, MODULE_ATTRIBUTES, PATH_CONSTRUCTORS, PIECE_READS, isOpenCall, lastWords, methodsEvaluatedAs } from './library/derived';

/** Fixed configuration files: their size does not grow with the data a program processes. */
export const CONFIG_FILE = /\.(ini|cfg|conf|toml|ya?ml|env|properties)$|(^|[\/\\])(config|settings|package|tsconfig|credentials|secrets)[\w.-]*\.json$/i;
/** Receivers of query methods that hold results (`cursor.fetchall()`), by the names programs give them. */
export const QUERY_RECEIVER = /^(cur|cursor|conn|connection|db|session|table|client|collection|\w*_?cursor)\b/;

/**
 * A whole file's text read in one call (`f.read()`, `p.read_text()`), as written in a source's expression. A handle's
 * read given a size (`fh.read(64)`) reads one piece of the stream, not the file; a path's read takes only an
 * encoding (`p.read_text("utf-8")`).
 */
export const WHOLE_READ = new RegExp(String.raw`\.(?:(?:${methodsEvaluatedAs('read-file').join('|')})\s*\(\s*(?:\)|\w+\s*=)|(?:${methodsEvaluatedAs('read-path').join('|')})\s*\()`);
/** The command-line arguments as written (`sys.argv`, or `argv` after `from sys import argv`): the model's list-of-text attributes. */
export const COMMAND_LINE = new RegExp(String.raw`\b(?:${lastWords([...MODULE_ATTRIBUTES].filter(([, v]) => v.holds === 'text-list').map(([k]) => k)).join('|')})$`);
/** A piece read of a stream (`.readline(`, `.recv(`, `.read(`), and a walrus condition ending in one (`while (chunk := f.read(4096)):`). */
const PIECE_READ = new RegExp(String.raw`\.(${PIECE_READS.join('|')})\s*\(`);
const PIECE_READ_UNTIL_EMPTY = new RegExp(String.raw`:=[^)]*\.(${PIECE_READS.join('|')})\([^)]*\)\s*\)?\s*$`);
/** A path constructor call in a receiver's text (`Path(p).open()`). */
export const PATH_CALL = new RegExp(String.raw`(?:${lastWords(PATH_CONSTRUCTORS).join('|')})\(`);

/**
 * How far the data-scale answer follows a value, in the rule text of every MW4xx rule that asks it (one analysis,
 * so one sentence: the rules' own paragraphs say what counts as data for them).
 */
export const DATA_FOLLOWED =
  'Data is followed into a function of the file through its parameters (what its calls in the file pass) and out through what it returns (also one part of a returned tuple: `header, rows = load(path)`, and a whole file\'s text split by the caller: `load(path).splitlines()` after `return fh.read()`; a read given a size, `fh.read(64)`, is one piece of the file) or, for a generator, yields; a name rebound on a branch (`if top: rows = rows[:top]`) keeps the value it had before too; an instance of a class of the file is walked through its `__iter__`.';

export function lineOf(node: Node): number {
  return node.startPosition.row + 1;
}

/** "the file opened at line 12 from sys.argv[1]" for an open()/Path(...).open() call. */
export function describeOpen(call: Node): string {
  const c = calleeOf(call);
  const pathArg = c && METHOD_EVALUATIONS.get(c.last) === 'path-open' && c.object ? unwrap(positionalArgs(unwrap(c.object)!)[0] ?? null) : unwrap(positionalArgs(call)[0] ?? null);
  return `the file opened at line ${lineOf(call)}${pathArg ? ` from \`${snippet(pathArg, 30)}\`` : ''}`;
}

export function describeSource(src: TextSource): string {
  const n = src.node;
  switch (src.kind) {
    case 'csv':
      return `rows from ${src.label} at line ${lineOf(n)}`;
    case 'pandas':
      return `the rows of the DataFrame from ${src.label} at line ${lineOf(n)}`;
    case 'file': {
      const c = calleeOf(n);
      if (c && isOpenCall(c.full, c.last)) return `lines of ${describeOpen(n)}`;
      return `lines read by \`${snippet(n, 30)}\` at line ${lineOf(n)}`;
    }
    case 'numpy':
      return `the array loaded at line ${lineOf(n)}`;
    default:
      return `${src.label} at line ${lineOf(n)}`;
  }
}

/** Is a while loop as long as a stream it reads to its end? */
export function whileLoopScale(loop: Node): ScaleAnswer {
  const cond = loop.childForFieldName('condition')?.text ?? '';
  const body = loop.childForFieldName('body')?.text ?? '';
  // Reading until end of input (`if not chunk: break`, `while chunk:`) is as long as the stream; reading up
  // to a length or a delimiter (`while len(buf) < n`, `!= b"\n"`, a blank line) is not.
  const reads = PIECE_READ.test(body) || PIECE_READ.test(cond);
  const untilEof = /\bif\s+not\s+\w+\s*:\s*(\n\s*)?break\b/.test(body) || /^\(?\s*\w+\s*\)?$/.test(cond.trim()) || PIECE_READ_UNTIL_EMPTY.test(cond.trim());
  if (reads && untilEof && !/\blen\s*\(/.test(cond)) return { scale: 'data', source: `a stream read to its end in the while loop at line ${lineOf(loop)}` };
  return { scale: 'unknown', why: `the while loop at line ${lineOf(loop)} runs a number of times set at run time` };
}
