import type { Node } from 'web-tree-sitter';
import { METHOD_EVALUATIONS, lastWords, methodsEvaluatedAs, moduleDotBefore, moduleWords, wholeReaders } from '../library/derived';
import type { PythonRule } from '../ruleContext';
import { dataScaleFrom } from '../dataScale';
import { calleeOf, positionalArgs, stringValue, unwrap } from '../syntax';
import { dataScaleNote, inputOf } from '../../scaleAnswer';

/** `d.get(` (library model: dict reads), as a regex alternation. */
const GETS = methodsEvaluatedAs('dict-get').join('|');
/** `json.load` (library model: whole-document reads). */
const DOCUMENT_READERS = wholeReaders('document');

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `data["events"]` / `data.get("events")` → "events". */
function keyOf(node: Node | null): string | null {
  const n = unwrap(node);
  if (!n) return null;
  if (n.type === 'subscript') {
    const subs = n.childrenForFieldName('subscript').filter((c): c is Node => !!c);
    return subs.length === 1 ? stringValue(subs[0]) : null;
  }
  if (n.type === 'call') {
    const c = calleeOf(n);
    const args = positionalArgs(n);
    return c && METHOD_EVALUATIONS.get(c.last) === 'dict-get' && args.length >= 1 ? stringValue(args[0]) : null;
  }
  return null;
}

/** Is `node` the iterable of a `for` loop or comprehension? */
function isIterated(node: Node): boolean {
  let p = node.parent;
  while (p && p.type === 'parenthesized_expression') p = p.parent;
  return !!p && (p.type === 'for_statement' || p.type === 'for_in_clause') && unwrap(p.childForFieldName('right'))?.id === node.id;
}

// A key as written in `data["user-events"]`: any text without quotes or backslashes.
const KEY = String.raw`([^'"\\\n]+)`;

/**
 * The one key every use of `name` in `rest` (the code that can see it) reads, when at least one use iterates it;
 * else null.
 */
function onlyKeyIterated(rest: string, name: string): string | null {
  const n = esc(name);
  const uses = rest.match(new RegExp(`(?<![\\w.])${n}\\b`, 'g'))?.length ?? 0;
  if (!uses) return null;
  const keyed = [...rest.matchAll(new RegExp(`(?<![\\w.])${n}\\s*(?:\\[\\s*(['"])${KEY}\\1\\s*\\]|\\.(?:${GETS})\\(\\s*(['"])${KEY}\\3\\s*[,)])`, 'g'))];
  if (keyed.length !== uses) return null; // used whole somewhere (printed, passed on, reassigned, other access)
  const keys = new Set(keyed.map((m) => m[2] ?? m[4]));
  if (keys.size !== 1) return null;
  const key = [...keys][0];
  const iterated = new RegExp(`\\bin\\s+${n}\\s*(?:\\[\\s*['"]${esc(key)}['"]\\s*\\]|\\.(?:${GETS})\\(\\s*['"]${esc(key)}['"])`).test(rest);
  return iterated || aliasIterated(rest, n, key) ? key : null;
}

/**
 * The key is kept in a name first and only that name is iterated (`items = doc["records"]` then `for item in items:`):
 * the one assignment of the name is the key, and every later mention of the name is the iterable of a `for` or a
 * comprehension. A name also measured, indexed, printed or passed on is used whole, and stays silent.
 */
function aliasIterated(rest: string, n: string, key: string): boolean {
  const k = esc(key);
  const kept = new RegExp(`(?:^|\\n)[ \\t]*(\\w+)[ \\t]*=[ \\t]*${n}\\s*(?:\\[\\s*['"]${k}['"]\\s*\\]|\\.(?:${GETS})\\(\\s*['"]${k}['"]\\s*\\))[ \\t]*(?=#|\\n|$)`).exec(rest);
  if (!kept) return false;
  const alias = esc(kept[1]);
  const after = rest.slice(kept.index + kept[0].length);
  const uses = after.match(new RegExp(`(?<![\\w.])${alias}\\b`, 'g'))?.length ?? 0;
  // `for x in items:` / `[… for x in items]`, not a membership test (`if x in items:`).
  const walks = after.match(new RegExp(`\\bfor\\s+[^\\n=]*?\\bin\\s+${alias}\\s*[:)\\]]`, 'g'))?.length ?? 0;
  return uses > 0 && uses === walks;
}

/** The enclosing node of one of `types`, or null. */
function enclosing(node: Node, types: readonly string[]): Node | null {
  let s: Node | null = node.parent;
  for (let i = 0; s && i < 200 && !types.includes(s.type); i++) s = s.parent;
  return s && types.includes(s.type) ? s : null;
}

/** The one key iterated of the document a call returns: `call["events"]` iterated, or `name = call` then one key. */
function keyOfResult(call: Node, text: string, depth: number): string | null {
  const parent = call.parent;
  if (parent && (parent.type === 'subscript' || parent.type === 'attribute')) {
    // json.load(f)["events"] / json.load(f).get("events"), iterated directly
    const use = parent.type === 'attribute' ? parent.parent : parent;
    return use && isIterated(use) && unwrap(use.type === 'call' ? calleeOf(use)?.object ?? null : use.childForFieldName('value'))?.id === call.id ? keyOf(use) : null;
  }
  const left = parent?.type === 'assignment' ? parent.childForFieldName('left') : null;
  if (left?.type === 'identifier') {
    const scope = enclosing(parent!, ['function_definition', 'module']);
    return onlyKeyIterated(text.slice(parent!.endIndex, scope ? scope.endIndex : text.length), left.text);
  }
  if (left?.type === 'attribute' && left.childForFieldName('object')?.text === 'self') {
    // `self.data = json.load(f)`: every method of the class can read it.
    const cls = enclosing(parent!, ['class_definition']);
    // Read from outside the class too (`export.data`): not only through one key, as far as this can tell.
    const attr = new RegExp(`\\.\\s*${esc(left.childForFieldName('attribute')?.text ?? '')}\\b`, 'g');
    if (!cls || (text.match(attr)?.length ?? 0) !== (cls.text.match(attr)?.length ?? 0)) return null;
    return cls ? onlyKeyIterated(text.slice(cls.startIndex, parent!.startIndex) + '\n' + text.slice(parent!.endIndex, cls.endIndex), left.text) : null;
  }
  if (parent?.type === 'return_statement' && depth === 0) return keyOfCallers(parent, text);
  return null;
}

/** `return json.load(f)` in a module-level function: the key when every use of the function iterates that one key. */
function keyOfCallers(ret: Node, text: string): string | null {
  const fn = enclosing(ret, ['function_definition']);
  const name = fn?.childForFieldName('name')?.text;
  if (!fn || !name || fn.parent?.type !== 'module') return null;
  const calls = fn.tree.rootNode.descendantsOfType('call').filter((c): c is Node => !!c && c.childForFieldName('function')?.text === name);
  // Every mention is a call (not passed on as a value), and there is at least one.
  const mentions = text.match(new RegExp(`(?<![\\w.])${esc(name)}\\b`, 'g'))?.length ?? 0;
  if (!calls.length || mentions !== calls.length + 1) return null;
  const keys = new Set(calls.map((c) => keyOfResult(c, text, 1)));
  return keys.size === 1 ? [...keys][0] : null;
}

export const jsonLoadOneKey: PythonRule = {
  meta: {
    code: 'MW406',
    name: 'json-load-one-key',
    language: 'python',
    family: 4,
    defaultSeverity: 'info',
    summary: 'json.load builds the whole document in memory, then only one key is iterated.',
    fixable: false,
    defaultEnabled: true,
    docs: {
      whatItDoes: 'Reports `json.load(f)` whose result is only used through one key, which is iterated (`for e in data["events"]`), and `for e in json.load(f)["events"]`. The key may be kept in a name first (`events = data["events"]`) when that name is only ever the iterable of a `for` or a comprehension; a name that is also measured, indexed, tested for membership, returned or passed on is used whole and not reported.',
      whyIsThisBad:
        'json.load turns the whole file into Python objects at once, typically 5–10× the file size in memory (every number, string, dict and list is a separate object), and all of it stays alive while the loop walks one array. A streaming parser yields one item at a time, so memory stays at the size of one record.',
      example: 'import json\n\nwith open("export.json") as f:\n    data = json.load(f)\nfor event in data["events"]:\n    print(event["user"])\n',
      useInstead: 'import json\n\n# one JSON document per line (JSON Lines): one record in memory at a time\nwith open("events.jsonl") as f:\n    for line in f:\n        event = json.loads(line)\n        print(event["user"])\n',
      dataScale: 'The document is read from a file, which is data unless it is a fixed configuration file (`config.json`, `settings.json`, .ini/.toml/.yaml), named where it is opened or through a parameter that every call in the file gives such a path, by argument or by its default (`def load(path="config.json")` called as `load()`): those are not reported.',
      knownProblems: 'Streaming a single JSON document needs a third-party parser such as ijson (`ijson.items(f, "events.item")`); when you control the format, JSON Lines needs nothing extra.',
    },
  },
  triggers: [{ tokens: lastWords(DOCUMENT_READERS), before: moduleDotBefore(DOCUMENT_READERS), after: /^\s*\(/, type: 'call' }],
  appliesTo: moduleWords(DOCUMENT_READERS),
  create(ctx) {
    return {
      call(node) {
        const c = calleeOf(node);
        if (!c || !DOCUMENT_READERS.includes(c.full ?? '') || positionalArgs(node).length !== 1) return;
        const key = keyOfResult(node, ctx.text, 0);
        if (!key) return;
        const scale = dataScaleFrom(ctx.facts).ofValue(positionalArgs(node)[0]);
        if (scale.scale === 'bounded') return;
        ctx.report({
          node,
          input: inputOf(scale),
          message: `\`json.load\` builds the whole document as Python objects (often 5–10× the file size) to iterate only "${key}". Stream that array with an incremental parser (e.g. ijson.items(f, "${key}.item")) or store the records as JSON Lines and read one per line.${scale.scale === 'data' ? dataScaleNote({ source: scale.source.replace(/^lines of /, '') }) : ''}`,
        });
      },
    };
  },
};
