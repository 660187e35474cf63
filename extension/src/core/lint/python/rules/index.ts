// Every Python rule, sorted by code. Importing this loads no parser (rule modules use type-only imports).
import type { PythonRule } from '../ruleContext';
import { repeatedNumericText } from './repeated-numeric-text';
import { textNumberArithmetic } from './text-number-arithmetic';
import { textNumberComparison } from './text-number-comparison';
import { aggregateOverTextRule } from './aggregate-over-text';
import { textColumnArithmetic } from './text-column-arithmetic';
import { csvRowsKeptAsText } from './csv-rows-kept-as-text';
import { readCsvTextDtype } from './read-csv-text-dtype';
import { readCsvAllColumns } from './read-csv-all-columns';
import { readlinesWholeFile } from './readlines-whole-file';
import { readThenSplitLines } from './read-then-split-lines';
import { wholeFileRegexScan } from './whole-file-regex-scan';
import { listOfFile } from './list-of-file';
import { readlinesLastLine } from './readlines-last-line';
import { listComprehensionInAggregate } from './list-comprehension-in-aggregate';
import { stringConcatInLoop } from './string-concat-in-loop';
import { cacheOnMethod } from './cache-on-method';
import { dataframeGrowInLoop } from './dataframe-grow-in-loop';
import { listCopyInFor } from './list-copy-in-for';
import { npLoadWithoutMmap } from './np-load-without-mmap';
import { jsonLoadOneKey } from './json-load-one-key';

export const pythonRules: readonly PythonRule[] = [
  repeatedNumericText,
  textNumberArithmetic,
  textNumberComparison,
  aggregateOverTextRule,
  textColumnArithmetic,
  csvRowsKeptAsText,
  readCsvTextDtype,
  readCsvAllColumns,
  readlinesWholeFile,
  readThenSplitLines,
  wholeFileRegexScan,
  listOfFile,
  readlinesLastLine,
  listComprehensionInAggregate,
  stringConcatInLoop,
  cacheOnMethod,
  dataframeGrowInLoop,
  listCopyInFor,
  npLoadWithoutMmap,
  jsonLoadOneKey,
].slice().sort((a, b) => a.meta.code.localeCompare(b.meta.code));
