// `memwise rule [CODE]`: one rule's documentation (the same text as docs/rules.md and the editor hover),
// or the list of all rules.
import { EXIT, UsageError, type CliIO, parseCommandArgs } from './io';

export async function runRule(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs('rule', argv, { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' } });
  if (parsed.values.help) {
    io.out('Usage: memwise rule [CODE] [--json]\n\nWith CODE (e.g. MW101 or its name), print that rule\'s documentation; without, list all rules.');
    return EXIT.ok;
  }
  const { allRules, findRule } = (require('../core/lint/catalog') as typeof import('../core/lint/catalog'));
  const { ruleText } = (require('../core/lint/ruleText') as typeof import('../core/lint/ruleText'));
  const [code, ...extra] = parsed.positionals;
  if (extra.length) throw new UsageError(`expected one rule code, got ${parsed.positionals.length}.`);
  if (!code) {
    const rules = allRules();
    if (parsed.values.json) io.out(JSON.stringify(rules, null, 2));
    else {
      const width = Math.max(0, ...rules.map((r) => r.name.length));
      for (const r of rules) io.out(`${r.code}  ${r.name.padEnd(width)}  ${r.language === 'python' ? 'py' : 'js'}  ${r.defaultEnabled ? '  ' : '* '}${r.summary}`);
      io.out(`\n${rules.length} rules. * = opt-in (enable with select). "memwise rule CODE" shows one.`);
    }
    return EXIT.ok;
  }
  const meta = findRule(code);
  if (!meta) throw new UsageError(`unknown rule "${code}". Run "memwise rule" to list the rules.`);
  io.out(parsed.values.json ? JSON.stringify(meta, null, 2) : ruleText(meta));
  return EXIT.ok;
}
