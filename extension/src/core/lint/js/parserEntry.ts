// Entry of the separate `dist/jsParser.js` bundle: typescript-estree plus the `typescript` compiler it drives
// (several MB), @typescript-eslint/scope-manager for scopes and references, and the visitor-keys table both
// walk by. Keeping them out of
// dist/extension.js means activation never pays for them; `parser.ts` requires this bundle at run time, on
// the first JS/TS file linted.
export { parse } from '@typescript-eslint/typescript-estree';
export { analyze } from '@typescript-eslint/scope-manager';
export { visitorKeys } from '@typescript-eslint/visitor-keys';
