// Entry of the separate `dist/jsParser.js` bundle: typescript-estree plus the `typescript` compiler it drives
// (several MB), and @typescript-eslint/scope-manager for scopes and references. Keeping them out of
// dist/extension.js means activation never pays for them; `parser.ts` requires this bundle at run time, on
// the first JS/TS file linted.
export { parse } from '@typescript-eslint/typescript-estree';
export { analyze } from '@typescript-eslint/scope-manager';
