// The contract shared by the lint engine, the language front ends (Python via tree-sitter, JS/TS via
// typescript-estree), the reporters, the CLI and the VS Code adapters. Keep it free of parser types so
// that reporters and adapters never load a parser.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Which front end parses a file. `js` covers .js/.mjs/.cjs/.jsx/.ts/.tsx. */
export type LintLanguage = 'python' | 'js';

/**
 * A span in the source, 0-based lines and 0-based columns in UTF-16 code units (the unit VS Code and
 * JavaScript strings use). Reporters convert to 1-based where a format wants it.
 */
export interface TextRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface TextEdit {
  range: TextRange;
  newText: string;
}

/** A quick fix. `safe` fixes keep behaviour; `unsafe` ones may change it and are never applied in bulk. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  safety: 'safe' | 'unsafe';
}

/**
 * The file a finding's data comes from when the program names it with a string literal (`open("words.txt")`,
 * `fs.readFileSync('requests.csv')`): the path as written. The engine weighs that file (literalInputSize.ts);
 * the front ends only find the literal, they never touch the disk. No position: a finding reused after an
 * edit keeps what it carries, and the path's text is all the engine needs.
 */
export interface LiteralInput {
  path: string;
  /** Set instead of a path when the input is program source (python/sourceCodeInput.ts): what it is, for the message. */
  sourceCode?: string;
}

export interface Finding {
  /** Stable code, e.g. `MW101`. The hundreds digit is the family. Codes are never reused. */
  rule: string;
  /** Kebab-case name of the pattern (Ruff style: read as "allow <name>"), e.g. `repeated-numeric-text`. */
  name: string;
  severity: Severity;
  /** What happens, in memory terms, and the fix. */
  message: string;
  /** JS/TS rules: which of the rule's messages this is (typescript-eslint's messageId), for tests and tools. */
  messageId?: string;
  range: TextRange;
  fixes: Fix[];
  /**
   * Data-scale rules (MW4xx): 'unknown' when the rule could not tell whether the data is large; the engine
   * then shows the finding at information severity whatever the configured level (the message says why).
   */
  scale?: 'data' | 'unknown';
  /** Rules whose cost grows with the data (MW2xx–MW4xx): the literal-path file that data comes from, if any. */
  input?: LiteralInput;
  /**
   * Notebooks only: the 0-based index of the cell (among all the notebook's cells) that `range` and the
   * fixes are relative to. Reporters print it 1-based (`cell 5`), as Jupyter and VS Code count.
   */
  cell?: number;
  /** Notebooks only: where the finding sits in the .ipynb JSON text itself (SARIF and GitHub annotations). */
  fileRange?: TextRange;
}

/** Ruff-style rule documentation; one text feeds docs/rules.md, hovers and `memwise rule CODE`. */
export interface RuleDoc {
  whatItDoes: string;
  whyIsThisBad: string;
  /** Code that must trigger the rule (a test lints it). */
  example: string;
  /** Code that must not trigger the rule (a test lints it). */
  useInstead: string;
  knownProblems?: string;
  /** Data-scale rules (MW4xx): what "data-scale" means for this rule, i.e. when it warns and when it stays quiet. */
  dataScale?: string;
  /** The Ruff rule that reports the same pattern, if any: Memwise stays quiet when the project's Ruff config selects it. */
  ruffTwin?: string;
  fixSafety?: string;
  references?: string[];
}

export interface RuleMeta {
  code: string;
  name: string;
  language: LintLanguage;
  /** 1 string-typed numerics, 2 untyped tabular parsing, 3 whole-file loading, 4 other antipatterns, 9 meta (e.g. unused suppression). */
  family: number;
  defaultSeverity: Severity;
  /** Why the rule has its default severity (from severities.ts; filled in by the catalog). */
  severityWhy?: string;
  /** One sentence; the short description in SARIF and lists. */
  summary: string;
  docs: RuleDoc;
  fixable: boolean;
  /** Opt-in rules (e.g. unused-suppression) are off unless selected. */
  defaultEnabled: boolean;
  /**
   * Rules this one takes precedence over where both report the same range (one finding per expression): their
   * finding there is dropped, and its fixes pass to this one when it has none (overlap.ts).
   */
  supersedes?: readonly string[];
}

/** A non-finding message about a file: skipped as binary/too large/not UTF-8, parse trouble, config problems. */
export interface Notice {
  kind: 'skipped' | 'parse-error' | 'config' | 'internal';
  message: string;
  /** A mistake in the configuration that makes the CLI exit 2 (e.g. an unknown rule code in `select`). */
  usageError?: boolean;
}

/** Incremental edit in the shape tree-sitter wants; offsets in UTF-16 code units like TextRange. */
export interface IncrementalEdit {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
  startPosition: { row: number; column: number };
  oldEndPosition: { row: number; column: number };
  newEndPosition: { row: number; column: number };
}

export interface LanguageLintRequest {
  path: string;
  text: string;
  /** Rules the caller wants; a front end may skip work for the others. */
  isEnabled(code: string): boolean;
  /** Opaque parse state from the previous result for the same document, for incremental re-parse. */
  previous?: unknown;
  /** Edits applied to `previous`'s text to get `text`. */
  edits?: IncrementalEdit[];
  /** Rethrow exceptions inside rules instead of reporting them as `internal` notices (tests). */
  strict?: boolean;
}

export interface LanguageLintResult {
  findings: Finding[];
  notices: Notice[];
  /** Opaque state to pass back as `previous` (e.g. the tree-sitter tree). Caller must call `dispose` on it when done, if present. */
  state?: { dispose?(): void };
}

/** A language front end. Loaded lazily: nothing parser-related is required until a file of that language is linted. */
export interface LanguageLinter {
  language: LintLanguage;
  rules: readonly RuleMeta[];
  lint(request: LanguageLintRequest): Promise<LanguageLintResult>;
}
