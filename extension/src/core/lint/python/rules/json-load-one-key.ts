import type { Node } from 'web-tree-sitter';
import type { PythonRule } from '../ruleContext';
import { dataScaleFrom } from '../dataScale';
import { calleeOf, positionalArgs, stringValue, unwrap } from '../syntax';
import { dataScaleNote } from '../../scaleAnswer';

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
    return c && c.last === 'get' && args.length >= 1 ? stringValue(args[0]) : null;
  }
  return null;
}

/** Is `node` the iterable of a `for` loop or comprehension? */
function isIterated(node: Node): boolean {
  let p = node.parent;
  while (p && p.type === 'parenthesized_expression') p = p.parent;
  return !!p && (p.type === 'for_statement' || p.type === 'for_in_clause') && unwrap(p.childForFieldName('right'))?.id === node.id;
}

/**
 * For `name = json.load(f)`: the one key every later use of `name` in the enclosing function (or module)
 * reads, when at least one use iterates it; else null.
 */
function onlyKeyIterated(assign: Node, name: string, text: string): string | null {
  let scope: Node | null = assign;
  for (let i = 0; scope && i < 200 && scope.type !== 'function_definition' && scope.type !== 'module'; i++) scope = scope.parent;
  const rest = text.slice(assign.endIndex, scope ? scope.endIndex : text.length);
  const n = esc(name);
  const uses = rest.match(new RegExp(`(?<![\\w.])${n}\\b`, 'g'))?.length ?? 0;
  if (!uses) return null;
  const keyed = [...rest.matchAll(new RegExp(`(?<![\\w.])${n}\\s*(?:\\[\\s*(['"])(\\w+)\\1\\s*\\]|\\.get\\(\\s*(['"])(\\w+)\\3\\s*[,)])`, 'g'))];
  if (keyed.length !== uses) return null; // used whole somewhere (printed, passed on, reassigned, other access)
  const keys = new Set(keyed.map((m) => m[2] ?? m[4]));
  if (keys.size !== 1) return null;
  const key = [...keys][0];
  const iterated = new RegExp(`\\bin\\s+${n}\\s*(?:\\[\\s*['"]${esc(key)}['"]\\s*\\]|\\.get\\(\\s*['"]${esc(key)}['"])`).test(rest);
  return iterated ? key : null;
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
      whatItDoes: 'Reports `json.load(f)` whose result is only used through one key, which is iterated (`for e in data["events"]`), and `for e in json.load(f)["events"]`.',
      whyIsThisBad:
        'json.load turns the whole file into Python objects at once, typically 5–10× the file size in memory (every number, string, dict and list is a separate object), and all of it stays alive while the loop walks one array. A streaming parser yields one item at a time, so memory stays at the size of one record.',
      example: 'import json\n\nwith open("export.json") as f:\n    data = json.load(f)\nfor event in data["events"]:\n    print(event["user"])\n',
      useInstead: 'import json\n\n# one JSON document per line (JSON Lines): one record in memory at a time\nwith open("events.jsonl") as f:\n    for line in f:\n        event = json.loads(line)\n        print(event["user"])\n',
      dataScale: 'The document is read from a file, which is data unless it is a fixed configuration file (`config.json`, `settings.json`, .ini/.toml/.yaml): those are not reported.',
      knownProblems: 'Streaming a single JSON document needs a third-party parser such as ijson (`ijson.items(f, "events.item")`); when you control the format, JSON Lines needs nothing extra.',
    },
  },
  triggers: [{ tokens: ['load'], before: /\bjson\s*\.\s*$/, after: /^\s*\(/, type: 'call' }],
  appliesTo: ['json'],
  create(ctx) {
    return {
      call(node) {
        const c = calleeOf(node);
        if (!c || c.full !== 'json.load' || positionalArgs(node).length !== 1) return;
        let key: string | null = null;
        const parent = node.parent;
        if (parent && (parent.type === 'subscript' || parent.type === 'attribute')) {
          // json.load(f)["events"] / json.load(f).get("events"), iterated directly
          const use = parent.type === 'attribute' ? parent.parent : parent;
          if (use && isIterated(use) && unwrap(use.type === 'call' ? calleeOf(use)?.object ?? null : use.childForFieldName('value'))?.id === node.id) key = keyOf(use);
        } else if (parent && parent.type === 'assignment' && parent.childForFieldName('left')?.type === 'identifier') {
          key = onlyKeyIterated(parent, parent.childForFieldName('left')!.text, ctx.text);
        }
        if (!key) return;
        const scale = dataScaleFrom(ctx.facts).ofValue(positionalArgs(node)[0]);
        if (scale.scale === 'bounded') return;
        ctx.report({
          node,
          message: `\`json.load\` builds the whole document as Python objects (often 5–10× the file size) to iterate only "${key}". Stream that array with an incremental parser (e.g. ijson.items(f, "${key}.item")) or store the records as JSON Lines and read one per line.${scale.scale === 'data' ? dataScaleNote({ source: scale.source.replace(/^lines of /, '') }) : ''}`,
        });
      },
    };
  },
};
