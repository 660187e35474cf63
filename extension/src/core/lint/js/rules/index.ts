// Every JS/TS rule, sorted by code. Rule modules import no parser at run time, so the catalog can list
// their metas without loading typescript-estree.
import type { JsRule } from '../ruleContext';
import { bufferConcatInLoop } from './buffer-concat-in-loop';
import { concatenatedNumericText } from './concatenated-numeric-text';
import { lexicalNumericComparison } from './lexical-numeric-comparison';
import { materializedRange } from './materialized-range';
import { promiseAllMap } from './promise-all-map';
import { stringConcatInLoop } from './string-concat-in-loop';
import { textReduceAccumulator } from './text-reduce-accumulator';
import { unboundedModuleCache } from './unbounded-module-cache';
import { untypedTabularParse } from './untyped-tabular-parse';
import { wholeFileSplit } from './whole-file-split';

export const jsRules: readonly JsRule[] = [
  concatenatedNumericText,
  lexicalNumericComparison,
  textReduceAccumulator,
  untypedTabularParse,
  wholeFileSplit,
  stringConcatInLoop,
  bufferConcatInLoop,
  materializedRange,
  unboundedModuleCache,
  promiseAllMap,
].sort((a, b) => Number(a.meta.code.slice(2)) - Number(b.meta.code.slice(2)));
