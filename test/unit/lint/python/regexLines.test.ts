// MW305's question of a pattern: can it be applied line by line with the same matches? Read from the pattern's
// source in a real tree; anything that may match a newline or anchor to the whole text says no.
import * as assert from 'assert';
import { matchesWithinLines } from '../../../../extension/src/core/lint/python/regexLines';
import { loadPython, parsePython } from '../../../../extension/src/core/lint/python/parser';
import { positionalArgs } from '../../../../extension/src/core/lint/python/syntax';

async function within(args: string): Promise<boolean> {
  const loaded = await loadPython();
  const tree = parsePython(loaded, `re.findall(${args})\n`);
  try {
    const call = tree.rootNode.descendantsOfType('call')[0]!;
    const [pattern, , flags] = positionalArgs(call);
    return matchesWithinLines(pattern ?? null, flags ?? null);
  } finally {
    tree.delete();
  }
}

describe('regexLines: patterns that cannot match across lines', () => {
  it('accepts patterns made of line-bound pieces', async () => {
    for (const a of [String.raw`r"\d+\.\d+", t`, String.raw`r"(?P<ip>\d+)-(?P=ip)", t`, String.raw`r"[$0-9]+", t`, String.raw`r"\\s", t`, String.raw`"ERROR (\\w+)", t`, String.raw`r"^\w+$", t, re.M | re.I`, String.raw`r"(?:a|b)(?=c)(?<!d)", t`, String.raw`r"[ -~]+", t`, String.raw`r"[\w-]+", t`, String.raw`r"[a-z0-9_-]+@[a-z.-]+", t`]) {
      assert.strictEqual(await within(a), true, a);
    }
  });

  it('refuses what may match a newline (a class range from an escape or a control character too: `[\\t-\\r]`, round 18), spell one, anchor to the whole text or set flags', async () => {
    for (const a of [String.raw`r"\s+", t`, String.raw`r"[^,]+", t`, String.raw`r"\W", t`, String.raw`r"\D", t`, String.raw`"a\nb", t`, String.raw`r"a\nb", t`, String.raw`r"\x0a", t`, String.raw`r"\012", t`, String.raw`r"^x", t`, String.raw`r"x$", t`, String.raw`r"\Ax", t`, String.raw`r"(?s).", t`, String.raw`r"(?i)x", t`, String.raw`r"a.b", t, re.S`, String.raw`r"a", t, re.VERBOSE`, String.raw`r"a", t, flags`, String.raw`f"{x}", t`, String.raw`b"x", t`, String.raw`pat, t`, String.raw`"a" "b", t`, String.raw`r"\w+[\t-\r]\w+", t`, String.raw`r"[\t-~]+", t`, String.raw`r"[\a-z]", t`, String.raw`"[\b-z]", t`, '"[\t-~]", t', String.raw`r"a\z", t`]) {
      assert.strictEqual(await within(a), false, a);
    }
  });
});
