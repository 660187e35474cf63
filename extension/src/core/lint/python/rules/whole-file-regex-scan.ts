import type { Node } from 'web-tree-sitter';
import type { PythonRule } from '../ruleContext';
import { calleeOf, keywordArg, positionalArgs, snippet, unwrap } from '../syntax';
import { FUNCTION_EVALUATIONS, METHOD_EVALUATIONS, REGEX_COMPILERS, TEXT_SCAN_FUNCTIONS, TEXT_SCAN_METHODS, lastWords } from '../library/derived';
import { matchesWithinLines } from '../regexLines';
import { onlyLaterUse, WHOLE_READS, wholeRead } from '../wholeReads';
import { fixedValue } from '../fixedNames';

/** The callee words of the scans (`findall`, `finditer`), from the library model: the rule's trigger tokens. */
const SCAN_WORDS = [...new Set([...lastWords([...TEXT_SCAN_FUNCTIONS]), ...TEXT_SCAN_METHODS])];

interface Scan {
  pattern: Node | null;
  flags: Node | null;
  text: Node | null;
}

/** `re.compile(p, flags)` as a call: its pattern and flags. */
function compiled(call: Node | null): Omit<Scan, 'text'> | null {
  const n = unwrap(call);
  if (!n || n.type !== 'call' || !REGEX_COMPILERS.has(calleeOf(n)?.full ?? '')) return null;
  const args = positionalArgs(n);
  return { pattern: patternLiteral(args[0] ?? null), flags: args[1] ?? keywordArg(n, 'flags') };
}

/** The pattern as a literal: written there, or a name bound once in the file to one (`r_e = r'\d{1,3}…'`). */
function patternLiteral(node: Node | null): Node | null {
  const n = unwrap(node);
  return n?.type === 'identifier' ? fixedValue(n) : n;
}

/** The pattern object a method scan is called on: `re.compile(p).findall(text)`, or a name bound once to one. */
function patternObject(recv: Node): Omit<Scan, 'text'> | null {
  return compiled(recv.type === 'identifier' ? fixedValue(recv) : recv);
}

/** `re.findall(p, text, flags)` / `rx.finditer(text)`: what it scans with what; null for another call. */
function scanOf(call: Node): Scan | null {
  const c = calleeOf(call);
  if (!c) return null;
  const args = positionalArgs(call);
  if (c.full && TEXT_SCAN_FUNCTIONS.has(c.full)) return { pattern: patternLiteral(args[0] ?? null), text: args[1] ?? null, flags: args[2] ?? keywordArg(call, 'flags') };
  if (!c.object || !TEXT_SCAN_METHODS.includes(c.last)) return null;
  const recv = unwrap(c.object);
  const p = recv ? patternObject(recv) : null;
  return p ? { ...p, text: args[0] ?? null } : null;
}

export const wholeFileRegexScan: PythonRule = {
  meta: {
    code: 'MW305',
    name: 'whole-file-regex-scan',
    language: 'python',
    family: 3,
    defaultSeverity: 'warning',
    summary: 're.findall/finditer over a whole file\'s text, with a pattern that cannot match across lines.',
    fixable: false,
    defaultEnabled: true,
    docs: {
      whatItDoes:
        'Reports `re.findall(pattern, f.read())`, `re.finditer(…)` and a compiled pattern\'s `.findall(…)`/`.finditer(…)` (the pattern object written there, `re.compile(…).findall(…)`, or a name bound once in the file to it) over a whole file\'s text (`f.read()`, `p.read_text()`, or a name bound to one and used only there), when the pattern cannot match across lines: a plain string literal (written there, or a name bound once in the file to it and never rebound: `IP = r"\\d+…"`) with no escape that can match or spell a newline (`\\s`, `\\W`, `\\D`, `\\n`, `\\x…`), no negated class `[^…]` or class range starting at an escape or control character (`[\\t-\\r]` holds the newline), no inline flags, no `^`/`$` unless the flags include MULTILINE, and no DOTALL or VERBOSE flag. Reported at the read. A pattern that may cross lines, a text read in pieces (`f.read(65536)`) or used for anything else, and a file read by a helper are not reported.',
      whyIsThisBad:
        'The whole file is held as one string (its size, up to four times that for non-ASCII text) while the regex runs, and `findall` adds a list of every match on top. A pattern that cannot cross a line finds the same matches one line at a time, so the open file can be scanned line by line with one line in memory.',
      example: 'import re\nimport sys\nfrom collections import Counter\n\nwith open(sys.argv[1]) as f:\n    ips = re.findall(r"\\d+\\.\\d+\\.\\d+\\.\\d+", f.read())\nprint(Counter(ips).most_common(10))\n',
      useInstead: 'import re\nimport sys\nfrom collections import Counter\n\nIP = re.compile(r"\\d+\\.\\d+\\.\\d+\\.\\d+")\ncounts = Counter()\nwith open(sys.argv[1]) as f:\n    for line in f:\n        counts.update(IP.findall(line))\nprint(counts.most_common(10))\n',
    },
  },
  triggers: [{ tokens: SCAN_WORDS, after: /^\s*\(/, type: 'call' }],
  create(ctx) {
    return {
      call(node) {
        const scan = scanOf(node);
        if (!scan || !scan.text || !matchesWithinLines(scan.pattern, scan.flags)) return;
        // The text is a whole file's: a whole read right there, or kept in a name used only here (facts: its source).
        const t = ctx.facts.factOf(scan.text);
        if (!t || t.k !== 'text' || t.src.kind !== 'file') return;
        const read = t.src.node;
        const rc = read.type === 'call' ? calleeOf(read) : null;
        if (!rc?.object || !WHOLE_READS.includes(rc.last) || !wholeRead(read, rc.last)) return;
        const inline = unwrap(scan.text)?.id === read.id;
        if (!inline && onlyLaterUse(read, ctx.text)?.at !== scan.text.startIndex) return;
        const recv = ctx.facts.factOf(rc.object);
        if (!recv || recv.k !== (METHOD_EVALUATIONS.get(rc.last) === 'read-file' ? 'file' : 'path')) return;
        const c = calleeOf(node)!;
        // findall's list of every match (the model's `regex-texts`), beside finditer's one match at a time
        const listed = (c.full && TEXT_SCAN_FUNCTIONS.has(c.full) ? FUNCTION_EVALUATIONS.get(c.full) : METHOD_EVALUATIONS.get(c.last)) === 'regex-texts';
        ctx.report({
          node: read,
          message: `\`${snippet(read, 40)}\` holds the whole file as one string while \`${snippet(node, 50)}\` scans it${listed ? ', with a list of every match on top' : ''}. The pattern cannot match across lines: scan the open file line by line instead (\`for line in f:\` … \`.${c.last}(line)\`), with one line in memory.`,
        });
      },
    };
  },
};
