// MW351's analysis: a whole-file read (readFileSync, fs.promises.readFile, readFile callbacks, promisified
// reads) whose content is split into lines or parsed into records and then walked exactly once — which
// streaming would do in constant memory. Counts walks through variables, method chains, index loops and
// small loader helpers; any use that needs the array whole makes the answer "no".
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { FILE_TEXT_SAME, FN_TYPES, LIST_SAME, TEXT_METHODS, propName } from './factTypes';
import type { Binding, Call, Fn, Node } from './factTypes';
import type { Analysis } from './analysis';
import type { FileFacts } from './ruleContext';

export class WholeFileWalks {
  /** The split/parse whose result is being followed: a walk in a loop that also re-creates it is still one walk. */
  private origin?: Node;
  /** How the followed array was made: only split lines can be turned into something else by a `map`. */
  private how = '';

  constructor(private readonly f: Analysis & Pick<FileFacts, 'enclosingLoop'>) {}

  compute(): Map<Call, { how: string; split: Node }> {
    const out = new Map<Call, { how: string; split: Node }>();
    for (const n of this.f.nodes) {
      if (n.type !== 'CallExpression') continue;
      // Cheap pre-filter: `*.readFile*(…)`, or a call of an imported/const alias (`read`, `readAsync`).
      const callee = n.callee.type === 'MemberExpression' ? n.callee.property : n.callee;
      if (callee.type !== 'Identifier') continue;
      const alias = n.callee.type === 'Identifier' && ['import', 'const'].includes(this.f.refBinding.get(n.callee)?.kind ?? '');
      if (!callee.name.startsWith('readFile') && !alias) continue;
      const f = this.f.factOf(n, 0);
      let consumer: { node: Node; how: string } | undefined;
      if (f?.t === 'file' && f.read === n) consumer = this.fileConsumer(n, 0);
      else {
        // fs.readFile(path, enc, (err, data) => …): follow `data`.
        const cb = n.arguments[n.arguments.length - 1];
        if (!cb || (cb.type !== 'ArrowFunctionExpression' && cb.type !== 'FunctionExpression') || cb.params[1]?.type !== 'Identifier') continue;
        const data = this.f.declBinding.get(cb.params[1]);
        if (!data || data.refs.length !== 1) continue;
        const pf = this.f.bindingFact(data, 0);
        if (pf?.t !== 'file' || pf.read !== n) continue;
        consumer = this.fileConsumer(data.refs[0], 0);
      }
      if (!consumer || this.namesConfigFile(n.arguments[0])) continue;
      this.origin = consumer.node;
      this.how = consumer.how;
      const declared = consumer.node.type === 'Identifier' && this.f.declBinding.get(consumer.node)?.id === consumer.node;
      const walks = declared ? this.bindingWalks(consumer.node as TSESTree.Identifier, 0) : this.walks(consumer.node, 0);
      if (walks === 1) out.set(n, { how: consumer.how, split: consumer.node });
    }
    return out;
  }

  /** `.env`, `config.json`, `settings.yaml`, `.gitignore`…: small files read whole on purpose (like JSON.parse of a config). */
  private namesConfigFile(arg: Node | undefined): boolean {
    const CONFIG = /(^|[/\\.])(env|json|ya?ml|toml|ini|conf|cfg|properties|gitignore|npmrc|nvmrc|editorconfig)$|(^|[/\\])\.[a-z]+rc$|config|settings|requirements\.txt$/i;
    let cur = arg;
    for (let i = 0; cur && i < 4; i++) {
      if (cur.type === 'Literal') return typeof cur.value === 'string' && CONFIG.test(cur.value);
      if (cur.type === 'TemplateLiteral') return CONFIG.test(cur.quasis.map((q) => q.value.cooked ?? '').join('*'));
      if (cur.type === 'CallExpression') cur = cur.arguments[cur.arguments.length - 1]; // path.join(dir, '.env')
      else if (cur.type === 'Identifier') {
        const b = this.f.refBinding.get(cur);
        cur = b && b.kind === 'const' ? b.init : undefined;
        if (!cur && arg?.type === 'Identifier') return /config|settings|env/i.test(arg.name);
      } else return false;
    }
    return false;
  }

  /** Follows the file text to the one expression that splits/parses it into lines or records. */
  private fileConsumer(node: Node, depth: number): { node: Node; how: string } | undefined {
    if (depth > 8) return undefined;
    let cur = node;
    for (let i = 0; i < 10; i++) {
      const p = this.f.parents.get(cur);
      if (!p) return undefined;
      if (p.type === 'AwaitExpression' || p.type === 'TSAsExpression' || p.type === 'TSNonNullExpression' || p.type === 'ChainExpression') {
        cur = p;
        continue;
      }
      if (p.type === 'MemberExpression' && p.object === cur) {
        const m = propName(p);
        const call = this.f.parents.get(p);
        if (call?.type !== 'CallExpression' || call.callee !== p) return undefined;
        if (m && FILE_TEXT_SAME.has(m)) {
          cur = call;
          continue;
        }
        if (m === 'split') return { node: call, how: splitsOnOtherThanNewline(call) ? 'split into pieces' : 'split into lines' };
        return undefined;
      }
      if (p.type === 'CallExpression' && p.arguments[0] === cur && p.callee.type === 'Identifier' && p.callee.name === 'String') {
        cur = p;
        continue;
      }
      if (p.type === 'CallExpression' && p.arguments[0] === cur) {
        this.f.factOf(p, 0);
        // csv-parse's callback API, parse(input, opts, (err, records) => …): the records are the callback's second parameter.
        const cb = p.arguments[p.arguments.length - 1];
        const cbRecords = p.arguments.length >= 2 && cb && (cb.type === 'ArrowFunctionExpression' || cb.type === 'FunctionExpression') && cb.params[1]?.type === 'Identifier' ? cb.params[1] : undefined;
        const recordsBinding = cbRecords && this.f.declBinding.get(cbRecords);
        if (recordsBinding) this.f.bindingFact(recordsBinding, 0);
        const library = this.f.parseCalls.get(p);
        if (library) {
          if (library === 'papaparse') {
            const up = this.f.parents.get(p);
            if (up?.type === 'MemberExpression' && propName(up) === 'data') return { node: up, how: 'parsed into records' };
            if (up?.type === 'VariableDeclarator' && up.id.type === 'ObjectPattern') {
              const dataProp = up.id.properties.find((pp) => pp.type === 'Property' && pp.key.type === 'Identifier' && pp.key.name === 'data');
              if (dataProp?.type === 'Property' && dataProp.value.type === 'Identifier') return { node: dataProp.value, how: 'parsed into records' };
            }
            const data = this.papaCompleteData(p.arguments[1]);
            return data ? { node: data, how: 'parsed into records' } : undefined;
          }
          if (cbRecords && recordsBinding?.kind === 'param') return { node: cbRecords, how: 'parsed into records' };
          return { node: p, how: 'parsed into records' };
        }
        return undefined;
      }
      // `function readText(p) { return fs.readFileSync(p, 'utf8'); }`: follow the text to the helper's one call.
      if (p.type === 'ReturnStatement' || (p.type === 'ArrowFunctionExpression' && p.body === cur)) {
        const calls = this.helperCalls(p);
        if (calls?.length !== 1) return undefined;
        return this.fileConsumer(calls[0], depth + 1);
      }
      if (p.type === 'VariableDeclarator' && p.init === cur && p.id.type === 'Identifier') {
        const b = this.f.declBinding.get(p.id);
        if (!b || b.refs.length !== 1 || b.defs.length !== 1) return undefined;
        return this.fileConsumer(b.refs[0], depth + 1);
      }
      // `let text; try { text = fs.readFileSync(p) } catch …`: a declaration without a value, one assignment of
      // the read, and one read of the name after it.
      if (p.type === 'AssignmentExpression' && p.operator === '=' && p.right === cur && p.left.type === 'Identifier') {
        const b = this.f.refBinding.get(p.left);
        if (!b || (b.kind !== 'let' && b.kind !== 'var') || b.init || b.assignments.length !== 1) return undefined;
        const reads = b.refs.filter((r) => r !== p.left);
        if (reads.length !== 1 || reads[0].range[0] < p.range[1]) return undefined;
        return this.fileConsumer(reads[0], depth + 1);
      }
      return undefined;
    }
    return undefined;
  }

  /** `Papa.parse(text, { complete: (results) => … results.data … })`: the one `results.data` (or `({ data })`) of the callback. */
  private papaCompleteData(config: Node | undefined): Node | undefined {
    if (config?.type !== 'ObjectExpression') return undefined;
    const prop = config.properties.find((pp) => pp.type === 'Property' && pp.key.type === 'Identifier' && pp.key.name === 'complete');
    const fn = prop?.type === 'Property' ? prop.value : undefined;
    if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression')) return undefined;
    const param = fn.params[0];
    if (param?.type === 'ObjectPattern') {
      const dataProp = param.properties.find((pp) => pp.type === 'Property' && pp.key.type === 'Identifier' && pp.key.name === 'data');
      return dataProp?.type === 'Property' && dataProp.value.type === 'Identifier' ? dataProp.value : undefined;
    }
    const b = param?.type === 'Identifier' ? this.f.declBinding.get(param) : undefined;
    if (!b || b.refs.length !== 1) return undefined;
    const m = this.f.parents.get(b.refs[0]);
    return m?.type === 'MemberExpression' && m.object === b.refs[0] && propName(m) === 'data' ? m : undefined;
  }

  /** How many times the array produced by `node` is walked; -1 when it is used in a way that needs it whole. */
  private walks(node: Node, depth: number): number {
    if (depth > 8) return -1;
    let cur = node;
    let p = this.f.parents.get(cur);
    while (p && (p.type === 'AwaitExpression' || p.type === 'TSAsExpression' || p.type === 'TSNonNullExpression')) {
      cur = p;
      p = this.f.parents.get(cur);
    }
    if (!p) return -1;
    // A walk that sits inside another loop runs once per iteration of that loop: a second walk and more.
    if (p.type === 'ForOfStatement' && p.right === cur) return this.repeated(p) ? -1 : 1;
    // A loader helper: `return text.split('\n').map(…)` — follow the helper's call sites.
    if (p.type === 'ReturnStatement' || (p.type === 'ArrowFunctionExpression' && p.body === cur)) return this.helperResultWalks(p, depth);
    if (p.type === 'MemberExpression' && p.object === cur) {
      const m = propName(p);
      const call = this.f.parents.get(p);
      // A count (`rows.length` printed at the end) is kept by a stream as it goes: not a second walk.
      if (m === 'length') return 0;
      if (call?.type !== 'CallExpression' || call.callee !== p) return -1;
      if (m === 'forEach' || m === 'reduce' || m === 'some' || m === 'every' || m === 'find' || m === 'findIndex') return this.repeated(call) ? -1 : 1;
      if (m === 'map' || m === 'filter' || m === 'flatMap' || m === 'slice') {
        const rest = this.walks(call, depth + 1);
        // The derived array walked again and again is needed whole anyway: not a one-pass stream.
        if (rest < 0 || rest > 1) return this.linesMappedAndKept(call, m) ? 1 : -1;
        return m === 'slice' ? rest : 1;
      }
      return -1;
    }
    if (p.type === 'CallExpression' && p.callee !== cur) return this.argumentWalks(p, cur, depth);
    if (p.type === 'VariableDeclarator' && p.init === cur) {
      if (p.id.type === 'Identifier') return this.bindingWalks(p.id, depth);
      if (p.id.type === 'ArrayPattern') {
        const last = p.id.elements[p.id.elements.length - 1];
        if (last?.type === 'RestElement' && last.argument.type === 'Identifier') return this.bindingWalks(last.argument, depth);
      }
      return -1;
    }
    return -1;
  }

  /**
   * `this.entries = text.split('\n').filter(…).map((l) => ({ … }))`: the chain turns each line into something
   * else (a record, a number, its fields), so the text and the line array are dropped once it ends and streaming
   * them would leave only the result, however often that result is walked later (the writers' reading in
   * holdouts 5, 6 and 13: a map result is a different array). Not when the map only re-cases or trims the lines
   * (its result is the lines again), not for parsed records (their copies are as big as they are), not inside a
   * loop that walks the lines again, and only when the result is kept in a name, a field or a helper's return:
   * straight into `Promise.all` is MW455's case, and `.join`/an argument rebuilds or hands the whole thing on.
   */
  private linesMappedAndKept(call: Call, m: string | undefined): boolean {
    if (this.how !== 'split into lines' || (m !== 'map' && m !== 'flatMap') || this.repeated(call)) return false;
    if (!this.transformsLine(call.arguments[0])) return false;
    let end: Node = call;
    for (let i = 0; i < 20; i++) {
      const p = this.f.parents.get(end);
      if (p && (p.type === 'AwaitExpression' || p.type === 'TSAsExpression' || p.type === 'TSNonNullExpression')) {
        end = p;
        continue;
      }
      const next: Node | undefined = p?.type === 'MemberExpression' && p.object === end ? this.f.parents.get(p) : undefined;
      const step = p?.type === 'MemberExpression' ? propName(p) : undefined;
      if (next?.type === 'CallExpression' && next.callee === p && step && (LIST_SAME.has(step) || step === 'map' || step === 'flatMap')) {
        end = next;
        continue;
      }
      break;
    }
    const p = this.f.parents.get(end);
    if (p?.type === 'VariableDeclarator' && p.init === end) return true;
    if (p?.type === 'AssignmentExpression' && p.right === end) return true;
    return p?.type === 'ReturnStatement' || (p?.type === 'ArrowFunctionExpression' && p.body === end);
  }

  /** Whether a map callback returns something other than the line itself, trimmed or re-cased (`(l) => l.trim()`, `String`). */
  private transformsLine(cb: Node | undefined): boolean {
    if (cb?.type === 'ArrowFunctionExpression' || cb?.type === 'FunctionExpression') return this.returnsOtherThanParam(cb);
    if (cb?.type === 'MemberExpression') return true; // `.map(JSON.parse)`, `.map(Number.parseFloat)`
    if (cb?.type !== 'Identifier') return false;
    // `.map(parseLine)`: the file's own function decides; otherwise anything but `String` (`Number`, `JSON.parse`…).
    const local = this.f.factOf(cb, 0);
    return local?.t === 'fn' ? this.returnsOtherThanParam(local.fn) : cb.name !== 'String';
  }

  /** Whether some return of a callback is not its first parameter, possibly through string methods (`l.trim()`). */
  private returnsOtherThanParam(cb: Fn): boolean {
    const param = cb.params[0];
    if (param?.type !== 'Identifier') return true; // `([a, b]) => …` destructures the line: not the line itself
    const results = this.f.returns.get(cb) ?? [];
    return results.some((r) => {
      let cur: Node = r;
      while (cur?.type === 'CallExpression' && cur.callee.type === 'MemberExpression' && TEXT_METHODS.has(propName(cur.callee) ?? '')) cur = cur.callee.object;
      return !(cur.type === 'Identifier' && cur.name === param.name);
    });
  }

  /**
   * The array passed to a local function or generator (`records(lines)`): walked as often as that parameter
   * is walked. Any other call may keep it; `Promise.all(lines.map(…))` keeps a task per line alive at once,
   * so streaming the read alone would not help (MW455 reports that).
   */
  private argumentWalks(call: Call, arg: Node, depth: number): number {
    const target = call.callee.type === 'Identifier' ? this.f.factOf(call.callee, 0) : undefined;
    const param = target?.t === 'fn' ? target.fn.params[call.arguments.indexOf(arg as TSESTree.Expression)] : undefined;
    if (param?.type !== 'Identifier' || this.repeated(call)) return -1;
    return this.bindingWalks(param, depth + 1);
  }

  /**
   * A walk inside a loop runs again on every iteration, unless that loop also re-creates the array
   * (`for (const f of files) { const lines = read(f).split('\n'); for (const l of lines) … }`).
   */
  private repeated(walk: Node): boolean {
    const loop = this.f.enclosingLoop(walk);
    if (!loop) return false;
    for (let cur = this.origin, i = 0; cur && i < 10000; cur = this.f.parents.get(cur), i++) if (cur === loop) return false;
    return true;
  }

  /** Walks of a helper function's result summed over its call sites; -1 if it is used any other way. */
  private helperResultWalks(from: Node, depth: number): number {
    const calls = this.helperCalls(from);
    if (!calls) return -1;
    let total = 0;
    for (const call of calls) {
      const w = this.walks(call, depth + 1);
      if (w < 0) return -1;
      total += w;
    }
    return total;
  }

  /** The calls of the helper that `from` (its only return, or an arrow's body) returns from; undefined if it escapes. */
  private helperCalls(from: Node): Call[] | undefined {
    let fn: Node | undefined = from.type === 'ArrowFunctionExpression' ? from : this.f.parents.get(from);
    while (fn && !FN_TYPES.has(fn.type)) fn = this.f.parents.get(fn);
    if (!fn) return undefined;
    if ((this.f.returns.get(fn as Fn)?.length ?? 0) !== 1) return undefined;
    let id: TSESTree.Identifier | undefined;
    if (fn.type === 'FunctionDeclaration' && fn.id) id = fn.id;
    else {
      const decl = this.f.parents.get(fn);
      if (decl?.type === 'VariableDeclarator' && decl.init === fn && decl.id.type === 'Identifier') id = decl.id;
    }
    const b = id && this.f.declBinding.get(id);
    if (!b || !b.refs.length) return undefined;
    const calls: Call[] = [];
    for (const ref of b.refs) {
      const call = this.f.parents.get(ref);
      if (call?.type !== 'CallExpression' || call.callee !== ref) return undefined;
      calls.push(call);
    }
    return calls;
  }

  private bindingWalks(id: TSESTree.Identifier, depth: number): number {
    const b = this.f.declBinding.get(id);
    if (!b || b.defs.length !== 1) return -1;
    let total = 0;
    const indexLoops = new Set<Node>();
    // A count read before the walk (`const skipped = rows.length - kept.length; for (const r of kept) …`) needs
    // the array whole before its one pass starts; a stream only knows it at the end.
    const counts: Node[] = [];
    const walked: Node[] = [];
    for (const ref of b.refs) {
      const p = this.f.parents.get(ref);
      if (p?.type === 'MemberExpression' && p.object === ref && p.computed) {
        if (p.property.type === 'Literal' && p.property.value === 0) continue; // lines[0]: the header, which a stream reads first
        const loop = this.indexLoopOver(p, b);
        if (!loop) return -1; // any other index (the last line, a random one) needs the whole array
        indexLoops.add(loop);
        continue;
      }
      // `i < lines.length` of an index walk over this array is part of that walk.
      if (p?.type === 'MemberExpression' && p.object === ref && propName(p) === 'length' && this.isIndexLoopBound(p)) continue;
      if (p?.type === 'MemberExpression' && p.object === ref && (propName(p) === 'shift' || propName(p) === 'pop')) continue;
      const w = this.walks(ref, depth + 1);
      if (w < 0) return -1;
      if (w === 0 && p?.type === 'MemberExpression' && propName(p) === 'length' && !this.isEmptinessTest(p)) counts.push(p);
      if (w > 0) walked.push(ref);
      total += w;
    }
    if (counts.some((c) => walked.some((w) => c.range[0] < w.range[0] && this.enclosingFn(c) === this.enclosingFn(w)))) return -1;
    return total + indexLoops.size;
  }

  /** `!lines.length`, `if (lines.length)`, `lines.length === 0`: whether there is anything, which a stream knows at its first line. */
  private isEmptinessTest(len: Node): boolean {
    const p = this.f.parents.get(len);
    if (!p) return false;
    if (p.type === 'UnaryExpression' && p.operator === '!') return true;
    if ((p.type === 'IfStatement' || p.type === 'ConditionalExpression') && p.test === len) return true;
    if (p.type === 'LogicalExpression' && p.left === len) return true;
    if (p.type !== 'BinaryExpression') return false;
    const other = p.left === len ? p.right : p.left;
    return other.type === 'Literal' && (other.value === 0 || other.value === 1);
  }

  /** The function a node sits in (undefined at module level). */
  private enclosingFn(n: Node): Node | undefined {
    let cur = this.f.parents.get(n);
    while (cur && !FN_TYPES.has(cur.type)) cur = this.f.parents.get(cur);
    return cur;
  }

  /** `lines.length` as the bound of a `for (let i = …; i < lines.length; i++)` loop (or `const n = lines.length` used as one). */
  private isIndexLoopBound(len: TSESTree.MemberExpression): boolean {
    const p = this.f.parents.get(len);
    if (p?.type === 'BinaryExpression' && p.right === len && this.f.parents.get(p)?.type === 'ForStatement') return true;
    if (p?.type !== 'VariableDeclarator' || p.id.type !== 'Identifier') return false;
    const n = this.f.declBinding.get(p.id);
    return !!n && n.kind === 'const' && n.refs.length > 0 && n.refs.every((r) => {
      const cmp = this.f.parents.get(r);
      return cmp?.type === 'BinaryExpression' && cmp.right === r && this.f.parents.get(cmp)?.type === 'ForStatement';
    });
  }

  /** `for (let i = …; i < lines.length; i++) … lines[i]`: an index walk. */
  private indexLoopOver(member: TSESTree.MemberExpression, b: Binding): Node | undefined {
    if (member.property.type !== 'Identifier') return undefined;
    const idx = member.property.name;
    let cur = this.f.parents.get(member);
    while (cur && !FN_TYPES.has(cur.type)) {
      if (cur.type === 'ForStatement' && cur.test?.type === 'BinaryExpression' && cur.test.left.type === 'Identifier' && cur.test.left.name === idx) {
        const r = cur.test.right;
        if (r.type === 'MemberExpression' && r.object.type === 'Identifier' && this.f.refBinding.get(r.object) === b && propName(r) === 'length') return cur;
        // `const n = lines.length; for (let i = 0; i < n; i++)`
        const bound = r.type === 'Identifier' ? this.f.refBinding.get(r) : undefined;
        const init = bound?.kind === 'const' ? bound.init : undefined;
        if (init?.type === 'MemberExpression' && init.object.type === 'Identifier' && this.f.refBinding.get(init.object) === b && propName(init) === 'length') return cur;
        return undefined;
      }
      cur = this.f.parents.get(cur);
    }
    return undefined;
  }
}

/**
 * `text.split(',')`, `text.split(' ')`: a literal separator without a line break cuts the text into pieces, not lines
 * (a one-line list of numbers), so reading line by line would not help. A separator that is not a literal is
 * taken as a line break, as before.
 */
function splitsOnOtherThanNewline(call: TSESTree.CallExpression): boolean {
  const sep = call.arguments[0];
  if (sep?.type !== 'Literal') return false;
  if (typeof sep.value === 'string') return sep.value !== '' && !/[\r\n]/.test(sep.value);
  const pattern = 'regex' in sep ? sep.regex?.pattern : undefined;
  return pattern !== undefined && !/\\[rnsR]|[\r\n]|\[\^?[^\]]*\\[rns]/.test(pattern);
}
