// JS/TS: which file a data finding's input is, when the program names it with a string literal:
// `fs.readFileSync('words.txt', 'utf8')`, `await fsp.readFile('x.csv')`, `fs.createReadStream('requests.log')`,
// the text or stream kept in a const first, split or parsed afterwards (`parse(fs.readFileSync('x.csv'))`,
// `readline.createInterface({ input: fs.createReadStream('x') })`). The engine weighs that file
// (literalInputSize.ts); this module only reads the tree and the bindings, never the disk. A const holding the
// path, and `path.join(__dirname, 'x')` of literals, count as literal. A path from argv, a parameter, a
// template with substitutions or a let has no literal input, and the finding stays as it is. The script's own
// file (`__filename`, also kept in a var or let never reassigned) is source code: no path, `sourceCode` set.
// An ES module names the same places with `import.meta`: `import.meta.dirname` is `__dirname` (Node 20.11+),
// `import.meta.filename` is `__filename`, and `new URL('x.txt', import.meta.url)` (also through
// `fileURLToPath`) is the file `x.txt` beside the module.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { LiteralInput } from '../types';
import type { FileFacts, Node } from './ruleContext';

/** Calls whose first argument is the file they read or stream (`fs.`, `fs.promises.`, `fsp.` or imported bare). */
const READERS = new Set(['readFileSync', 'readFile', 'createReadStream', 'openSync', 'open']);
/** Methods that keep the text's size: the file is still what matters (`.toString().split('\n')`). */
const SAME_TEXT = new Set(['toString', 'split', 'trim', 'trimEnd', 'trimStart', 'replace', 'replaceAll', 'toLowerCase', 'toUpperCase', 'pipe']);
/** Tabular and document parsers whose first argument is the text they parse (csv-parse, PapaParse, d3-dsv, JSON). */
const PARSERS = /^(parse|csvParse|csvParseRows|tsvParse|tsvParseRows|dsvFormat)$/;
const MAX_DEPTH = 6;
/** The script's own file (`__filename`): source code, small by nature (literalInputSize.ts). */
const OWN_SOURCE: LiteralInput = { path: '', sourceCode: 'this script itself' };

function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const c = call.callee;
  if (c.type === 'Identifier') return c.name;
  if (c.type === 'MemberExpression' && !c.computed && c.property.type === 'Identifier') return c.property.name;
  return undefined;
}

/** The literal input behind an expression: a string literal, a read of one, or a const holding such a read. */
export function jsLiteralInputOf(facts: FileFacts, expr: Node | null | undefined, depth = 0): LiteralInput | undefined {
  if (!expr || depth > MAX_DEPTH) return undefined;
  switch (expr.type) {
    case 'Literal':
      return typeof expr.value === 'string' && expr.value ? { path: expr.value } : undefined;
    case 'TemplateLiteral':
      // `\`words.txt\``: a template without substitutions is a literal too.
      return expr.expressions.length === 0 && expr.quasis[0]?.value.cooked ? { path: expr.quasis[0].value.cooked } : undefined;
    case 'AwaitExpression':
      return jsLiteralInputOf(facts, expr.argument, depth + 1);
    case 'TSAsExpression':
    case 'TSNonNullExpression':
      return jsLiteralInputOf(facts, expr.expression, depth + 1);
    case 'Identifier': {
      // A const's value: a read (`const text = fs.readFileSync('x')`) or the path itself (`const FILE = 'x.txt'`).
      const b = facts.binding(expr);
      if (!b && expr.name === '__filename') return OWN_SOURCE;
      if (b?.kind === 'const' && b.init) return jsLiteralInputOf(facts, b.init, depth + 1);
      // A var or let never reassigned that holds the script's own file (`var me = join(__filename)`).
      if ((b?.kind === 'var' || b?.kind === 'let') && b.init && !b.assignments.length) {
        const own = jsLiteralInputOf(facts, b.init, depth + 1);
        return own?.sourceCode ? own : undefined;
      }
      return undefined;
    }
    case 'CallExpression':
    case 'NewExpression': {
      const name = calleeName(expr);
      if (!name) return undefined;
      // path.join(__dirname, 'words.txt'): beside the script, where the engine looks first.
      // join(__filename), path.resolve(__filename): the script itself (a test reading its own source).
      if ((name === 'join' || name === 'resolve') && expr.arguments.length === 1 && isOwnFile(facts, expr.arguments[0])) return OWN_SOURCE;
      if ((name === 'join' || name === 'resolve') && expr.callee.type === 'MemberExpression' && expr.callee.object.type === 'Identifier' && expr.callee.object.name === 'path') return joinedPath(expr);
      // new URL('input.txt', import.meta.url), fileURLToPath(new URL(…)): the file beside the module.
      if (name === 'URL' && expr.type === 'NewExpression' && expr.arguments.length === 2 && isImportMeta(expr.arguments[1], 'url')) return literalString(expr.arguments[0]);
      if (name === 'fileURLToPath' && expr.arguments.length === 1) return jsLiteralInputOf(facts, expr.arguments[0], depth + 1);
      if (READERS.has(name) || PARSERS.test(name)) return expr.arguments[0]?.type === 'SpreadElement' ? undefined : jsLiteralInputOf(facts, expr.arguments[0], depth + 1);
      // readline.createInterface({ input: fs.createReadStream('x') })
      if (name === 'createInterface' && expr.arguments[0]?.type === 'ObjectExpression') {
        const input = expr.arguments[0].properties.find((p): p is TSESTree.Property => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'input');
        return input ? jsLiteralInputOf(facts, input.value as Node, depth + 1) : undefined;
      }
      if (SAME_TEXT.has(name) && expr.callee.type === 'MemberExpression') return jsLiteralInputOf(facts, expr.callee.object, depth + 1);
      return undefined;
    }
    case 'MemberExpression':
      if (isImportMeta(expr, 'filename')) return OWN_SOURCE;
      // `text.length`, `data.toString`: the value's receiver
      return jsLiteralInputOf(facts, expr.object, depth + 1);
    default:
      return undefined;
  }
}


/** `path.join(__dirname, 'data', 'x.csv')` or of literals only: the literal parts joined. */
function joinedPath(call: TSESTree.CallExpression | TSESTree.NewExpression): LiteralInput | undefined {
  const args = call.arguments;
  const first = args[0];
  const rest = (first?.type === 'Identifier' && first.name === '__dirname') || (first && isImportMeta(first, 'dirname')) ? args.slice(1) : args;
  const parts = rest.map((a) => literalString(a)?.path);
  if (!parts.length || parts.some((p) => p === undefined)) return undefined;
  return { path: parts.join('/') as string };
}

function literalString(a: Node | undefined): LiteralInput | undefined {
  return a?.type === 'Literal' && typeof a.value === 'string' && a.value ? { path: a.value } : undefined;
}

/** `import.meta.<prop>` (`dirname`, `filename`, `url`). */
function isImportMeta(n: Node, prop: string): boolean {
  return n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && n.property.name === prop && n.object.type === 'MetaProperty' && n.object.meta.name === 'import' && n.object.property.name === 'meta';
}

/** The script's own file: `__filename` (not a local name) or `import.meta.filename`. */
function isOwnFile(facts: FileFacts, a: Node | undefined): boolean {
  if (!a) return false;
  return (a.type === 'Identifier' && a.name === '__filename' && !facts.binding(a)) || isImportMeta(a, 'filename');
}
