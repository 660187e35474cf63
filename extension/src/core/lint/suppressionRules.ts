// The engine's own opt-in rules: suppression comments that suppress nothing. They live here, not in a
// front end, because suppressions are applied by the engine for both languages.
import type { RuleMeta } from './types';

export const UNUSED_NOQA = 'MW901';
export const UNUSED_DISABLE = 'MW951';

export const suppressionRules: RuleMeta[] = [
  {
    code: UNUSED_NOQA,
    name: 'unused-noqa',
    language: 'python',
    family: 9,
    defaultSeverity: 'warning',
    summary: 'A `# noqa: MWxxx` or `# memwise: noqa` comment suppresses no Memwise finding.',
    fixable: true,
    defaultEnabled: false,
    docs: {
      whatItDoes:
        'Checks for Memwise codes in `# noqa` comments (and file-level `# memwise: noqa` comments) that do not suppress any finding. Codes of other tools (Ruff, flake8) in the same comment are left alone, and so is a bare `# noqa`, which other tools may rely on.',
      whyIsThisBad:
        'A stale suppression hides the next real memory problem on that line: once the code changes, a new `row[1] * 1000` would be silenced without anyone seeing it. Removing suppressions that no longer apply keeps them meaningful.',
      example: 'total = 0  # noqa: MW101\n',
      useInstead: 'total = 0\n',
      fixSafety: 'The fix removes the unused code from the comment (or the whole comment when nothing else is left). It is safe: comments do not change behaviour.',
    },
  },
  {
    code: UNUSED_DISABLE,
    name: 'unused-disable-directive',
    language: 'js',
    family: 9,
    defaultSeverity: 'warning',
    summary: 'A `memwise-disable` comment suppresses no Memwise finding.',
    fixable: true,
    defaultEnabled: false,
    docs: {
      whatItDoes:
        'Checks for `// memwise-disable-line`, `// memwise-disable-next-line` and `/* memwise-disable */` comments, or codes listed in them, that do not suppress any finding.',
      whyIsThisBad:
        'A stale directive silences whatever memory problem is introduced on that line later. Removing directives that no longer apply keeps them meaningful.',
      example: 'let total = 0; // memwise-disable-line MW151\n',
      useInstead: 'let total = 0;\n',
      fixSafety: 'The fix removes the unused code from the directive (or the whole directive). It is safe: comments do not change behaviour.',
    },
  },
];
