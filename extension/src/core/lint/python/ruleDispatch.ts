// Every call into a rule (create, a visitor, onEnd) goes through here, so an exception inside a rule or inside
// the analysis it asks is never read as "no finding": it becomes a RuleFailure that the front end turns into an
// `internal` notice naming the rule and the position (the CLI then exits 2). The other rules, and the same rule
// at other nodes, still run. In strict mode (tests) the exception is rethrown instead, so a test fails loudly.
import type { Node } from 'web-tree-sitter';

/** One exception caught while running a rule. Lines/columns are 0-based. */
export interface RuleFailure {
  rule: string;
  /** Where the rule was asked: the candidate node, or null for `create`/`onEnd`. */
  line: number | null;
  column: number | null;
  phase: 'create' | 'visit' | 'end';
  message: string;
}

/** Thrown in strict mode: the original error, with the rule and position in its message. */
export class RuleError extends Error {
  constructor(
    readonly failure: RuleFailure,
    readonly original: unknown,
  ) {
    super(describeFailure(failure));
    this.name = 'RuleError';
  }
}

/** Strict mode by default when the environment says so (the unit test runner sets MEMWISE_LINT_STRICT=1). */
export function strictByDefault(): boolean {
  return typeof process !== 'undefined' && process.env?.MEMWISE_LINT_STRICT === '1';
}

export class RuleDispatcher {
  readonly failures: RuleFailure[] = [];

  constructor(private readonly strict: boolean) {}

  /** Runs `fn` on behalf of `rule`; returns undefined when it threw (non-strict). */
  run<T>(rule: string, phase: RuleFailure['phase'], node: Node | null, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      const failure: RuleFailure = {
        rule,
        phase,
        line: node ? node.startPosition.row : null,
        column: node ? node.startPosition.column : null,
        message: e instanceof Error ? e.message : String(e),
      };
      if (this.strict) throw new RuleError(failure, e);
      this.failures.push(failure);
      return undefined;
    }
  }
}

/** "rule MW101 failed at 12:5 (…)": the notice text, without the file. */
export function describeFailure(f: RuleFailure): string {
  const where = f.line !== null ? ` at ${f.line + 1}:${(f.column ?? 0) + 1}` : f.phase === 'create' ? ' while starting' : ' at the end of the file';
  return `rule ${f.rule} failed${where} (${f.message}); its findings for this file are incomplete`;
}
