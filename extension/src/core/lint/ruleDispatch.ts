// One place where rule code runs, for any language front end: an exception inside a rule (or inside the
// analysis a rule asked) becomes a visible `internal` notice naming the rule and the position, and the
// CLI exits 2 on it; it never reads as "no findings". In strict mode (tests) the exception is rethrown with
// the same words, so a rule bug fails the test that met it instead of hiding in a notice.
import type { LanguageLintRequest, Notice } from './types';

/** Strict when the request says so, or when MEMWISE_LINT_STRICT=1 (the unit test runner sets it, as for Python). */
export function strictRules(request: Pick<LanguageLintRequest, 'strict'>): boolean {
  return request.strict ?? (typeof process !== 'undefined' && process.env?.MEMWISE_LINT_STRICT === '1');
}

/** A 1-based line and 0-based column, as the notice prints them (`path:line:col`). */
export interface RulePosition {
  line: number;
  column: number;
}

export class RuleDispatcher {
  private readonly failed = new Set<string>();

  constructor(
    private readonly path: string,
    private readonly notices: Notice[],
    private readonly strict: boolean,
  ) {}

  /** False once `rule` has failed in this file: its later handlers are skipped (their findings would be partial anyway). */
  isLive(rule: string): boolean {
    return !this.failed.has(rule);
  }

  /**
   * Run one piece of rule work. `what` says which part (`'BinaryExpression'`, `'start'`, `'analysis'`).
   * Returns the result, or undefined after recording (or, when strict, rethrowing) the failure.
   */
  run<T>(rule: string, what: string, at: RulePosition | undefined, work: () => T): T | undefined {
    if (this.failed.has(rule)) return undefined;
    try {
      return work();
    } catch (e) {
      const where = at ? `${this.path}:${at.line}:${at.column + 1}` : this.path;
      const reason = e instanceof Error ? e.message : String(e);
      const message = `${where}: rule ${rule} failed in ${what} (${reason}); its findings for this file are incomplete. Please report this with the file.`;
      if (this.strict) throw new Error(message, { cause: e });
      this.failed.add(rule);
      this.notices.push({ kind: 'internal', message });
      return undefined;
    }
  }
}
