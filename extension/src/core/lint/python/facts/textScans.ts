// Whole-text questions the facts ask about one name (its calls, references and method calls, whether it can be
// bound at all, the `global`/`nonlocal` statements naming it) and whole-text regex tests, each cached per file.
// A question names the regex its answer reads (editor sessions note it, readLog.ts); the search itself is an
// indexOf walk (nameSearch.ts) for plain names, and that regex only for other names.
import type { Node } from 'web-tree-sitter';
import type { Chunk } from './readUnits';
import { NAMESPACE_CALL, NAMESPACE_METHODS } from '../library/derived';
import { DECLARES } from './declaredNames';
import { classBaseSpans } from './definitionLines';
import { anyMethodCall, callPositions, declarationStarts, isPlainName, mayBeBound, mayBeBoundInTargets, methodCallPositions, referencePositions, TextWords } from './nameSearch';
import { ReadLog, testProbe } from './readLog';

export abstract class TextScans extends ReadLog {
  constructor(readonly rootNode: Node, readonly text: string) {
    super();
  }

  abstract chunkAt(pos: number): Chunk | null;

  private wordList: TextWords | undefined;

  /** Where each name asked about occurs as a whole word: every name search of the file filters these (nameSearch.ts). */
  protected get textWords(): TextWords {
    return (this.wordList ??= new TextWords(this.text));
  }

  /** A whole-text test for rules (recorded like the facts' own). */
  textTest(re: RegExp): boolean {
    return this.textTestAs(re, () => this.searchedTest(re));
  }

  /**
   * textTest of `re`, whose answer `answer` gives without running it (undefined: it cannot, and the regex runs):
   * noted and kept per regex alike.
   */
  private textTestAs(re: RegExp, answer: () => boolean | undefined): boolean {
    if (this.tracking) this.noteProbe(testProbe(re));
    // The text never changes within a lint: one search per regex (rules and bindings ask the same ones often).
    let b = this.textTests.get(re);
    if (b === undefined) {
      b = answer();
      if (b === undefined) {
        re.lastIndex = 0;
        b = re.test(this.text);
      }
      this.textTests.set(re, b);
    }
    return b;
  }
  private textTests = new Map<RegExp, boolean>();

  /**
   * The answer of a test asked of most files, by indexOf (undefined: run the regex). Both regexes start with a
   * character class or `\b` and an alternation, which V8 tries at every position of a file that lacks them.
   */
  private searchedTest(re: RegExp): boolean | undefined {
    if (re === DECLARES) return this.declarationMatches().length > 0;
    if (re === NAMESPACE_CALL) return anyMethodCall(this.textWords, [...NAMESPACE_METHODS]) ?? undefined;
    return undefined;
  }

  private declarationStartList: number[] | undefined;

  /** Where the matches of DECLARES' global form start (`global x`, `nonlocal x`), found once. */
  private declarationMatches(): number[] {
    return (this.declarationStartList ??= declarationStarts(this.text));
  }

  private regexes = new Map<string, RegExp>();

  /** One compiled regex per (kind, name): they are noted for reuse and compiling is the costly part. */
  regexFor(kind: string, name: string, make: () => RegExp): RegExp {
    const key = kind + ':' + name;
    let re = this.regexes.get(key);
    if (!re) this.regexes.set(key, (re = make()));
    return re;
  }

  /** Does some class header of the file name `name` among its bases (`class Child(Base):`)? A text test. */
  namedAmongBases(name: string): boolean {
    const re = this.regexFor('subclass', name, () => new RegExp(`^class[ \\t]+\\w+[ \\t]*\\([^)]*\\b${name}\\b`, 'm'));
    return this.textTestAs(re, () => {
      // the name as a whole word inside some header's `[^)]*` (definitionLines.ts), from its occurrences
      if (!isPlainName(name)) return undefined;
      const spans = classBaseSpans(this.text);
      let found = false;
      for (let i = 0; i < spans.length && !found; i += 2) this.textWords.each(name, spans[i], spans[i + 1], () => ((found = true), false));
      return found;
    });
  }

  private boundMemo = new Map<string, boolean>();

  /** Could `name` be bound by an assignment, loop or `as` anywhere in the file? (text test, cached) */
  maybeBound(name: string): boolean {
    // (a target in parentheses too: `for i, (k, v) in …`, `(a, b) = …`)
    const re = () => this.regexFor('bound', name, () => new RegExp(`\\b${name}\\b[^\\n=()]*(?:=(?!=)|\\bin\\b)|\\bas\\s+${name}\\b|(?:\\bfor\\s|^[ \\t]*[([])[\\w \\t,()[\\]*]{0,120}\\b${name}\\b[\\w \\t,()[\\]*]{0,120}(?:\\bin\\b|=(?!=))`, 'm'));
    if (this.tracking) this.noteProbe(testProbe(re()));
    let b = this.boundMemo.get(name);
    if (b === undefined) {
      // By indexOf (nameSearch.ts): the first two alternatives, then the last; the regex only for other names.
      const plain = mayBeBound(this.textWords, name);
      b = plain === null ? re().test(this.text) : plain || mayBeBoundInTargets(this.textWords, name) === true;
      this.boundMemo.set(name, b);
    }
    return b;
  }

  /**
   * The smallest node at `pos`, descending from the definition holding it when inside one: from the root, the
   * descent steps over every earlier top-level statement (an index strictly inside a top-level node has the same
   * descendant from either).
   */
  protected nodeAt(pos: number): Node | null {
    const chunk = this.chunkAt(pos);
    return (chunk && chunk.isDef && pos > chunk.start && pos < chunk.end ? chunk.node : this.rootNode).descendantForIndex(pos);
  }

  private scans = new Map<string, Node[]>();

  /**
   * Nodes found by text: the positions `search` gives (false: `name` is not a plain name, and the matches of
   * `make()` at `offset(m)` are used), turned into nodes by `pick` from the identifier there; at most `max + 1`
   * are collected (more means "too many"). The regex is noted for reuse either way (one per kind and name).
   */
  private scanNodes(kind: string, name: string, make: () => RegExp, search: (visit: (at: number) => boolean) => boolean, offset: (m: RegExpExecArray) => number, pick: (id: Node) => Node | null, max: number): Node[] {
    const key = kind + ':' + name;
    if (this.tracking) this.noteRegex(this.regexFor(kind, name, make));
    let list = this.scans.get(key);
    if (!list) {
      const found: Node[] = (list = []);
      const visit = (at: number): boolean => {
        const id = this.nodeAt(at);
        const n = id?.type === 'identifier' ? pick(id) : null;
        if (n) found.push(n);
        return found.length <= max;
      };
      if (!search(visit)) {
        const re = this.regexFor(kind, name, make);
        re.lastIndex = 0;
        for (let m = re.exec(this.text); m && visit(m.index + offset(m)); m = re.exec(this.text));
      }
      this.scans.set(key, list);
    }
    return list;
  }

  /** Calls `name(...)` of a module-level function, found by text (at most 11 are needed). */
  callsOf(name: string): Node[] {
    const pick = (id: Node) => {
      const call = id.parent;
      // The function is a call's first child and starts it (its arguments are never a bare name): comparing starts
      // spares a wasm call per hit over childForFieldName('function').
      return call?.type === 'call' && call.startIndex === id.startIndex ? call : null;
    };
    return this.scanNodes('call', name, () => new RegExp(`(?<![\\w.])${name}\\s*\\(`, 'g'), (visit) => callPositions(this.textWords, name, visit), () => 0, pick, 10);
  }

  /** Mentions of `name` that are not calls, definitions or attributes (`map(parse, xs)`, `key=price_of`): at most 11. */
  referencesOf(name: string): Node[] {
    const pick = (id: Node) => (id.parent?.type !== 'function_definition' ? id : null);
    return this.scanNodes('ref', name, () => new RegExp(`(?<![\\w.])${name}\\b(?!\\s*[(=\\w.])`, 'g'), (visit) => referencePositions(this.textWords, name, visit), () => 0, pick, 10);
  }

  /** Method calls `<receiver>.name(...)`, found by text (at most 21 are needed). */
  methodCallsOf(name: string): Node[] {
    const pick = (id: Node) => {
      const attr = id.parent;
      const call = attr?.parent;
      // (the function, as in callsOf: an attribute is never a call's arguments)
      return attr?.type === 'attribute' && call?.type === 'call' && call.startIndex === attr.startIndex ? call : null;
    };
    return this.scanNodes('mcall', name, () => new RegExp(`\\.\\s*${name}\\s*\\(`, 'g'), (visit) => methodCallPositions(this.textWords, name, visit), (m) => m[0].indexOf(name), pick, 20);
  }

  /** `global name` / `nonlocal name` statements (declaredNames.ts), found by text (at most 11 are needed). */
  declarationsOf(name: string): Node[] {
    // The answer reads the lines that declare `name` (noted for reuse); the statements come from one pass over
    // the file's declarations, not one text search per name asked.
    if (this.tracking) this.noteRegex(this.regexFor('decl', name, () => new RegExp(`\\b(?:global|nonlocal)[ \\t]+(?:\\w+[ \\t]*,[ \\t]*)*${name}\\b`, 'g')));
    if (!this.declarations) {
      const byName = (this.declarations = new Map<string, Node[]>());
      for (const at of this.declarationMatches()) {
        const st = this.nodeAt(at)?.parent;
        if (st?.type !== 'global_statement' && st?.type !== 'nonlocal_statement') continue;
        for (const id of st.namedChildren) if (id?.type === 'identifier') byName.get(id.text)?.push(st) ?? byName.set(id.text, [st]);
      }
    }
    return this.declarations.get(name) ?? [];
  }
  /** Every `global` / `nonlocal` statement by the names it declares, found on the first question. */
  private declarations: Map<string, Node[]> | undefined;
}
