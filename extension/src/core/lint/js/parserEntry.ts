// Entry of the separate `dist/jsParser.js` bundle: typescript-estree plus the `typescript` compiler it drives
// (several MB). Keeping it out of dist/extension.js means activation never pays for it; `parser.ts`
// requires this bundle at run time, on the first JS/TS file linted.
export { parse } from '@typescript-eslint/typescript-estree';
