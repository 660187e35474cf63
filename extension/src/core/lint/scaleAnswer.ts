// The answer both front ends' data-scale modules give (python/dataScale.ts, js/dataScale.ts): does a value
// or loop grow with the program's input, and what is the evidence? Kept free of parser types.
import type { LiteralInput } from './types';

export type ScaleAnswer =
  /** Grows with the input; `source` is evidence for messages ("rows from csv.reader over the file opened at line 12 from `sys.argv[1]`"). */
  /** `input`: the source is a file named by a string literal; the engine weighs it (literalInputSize.ts). */
  | { scale: 'data'; source: string; input?: LiteralInput }
  /** Fixed size whatever the input: literals, small ranges, fixed config, scalars. */
  | { scale: 'bounded'; why: string }
  /** Cannot tell; `why` says what is missing. */
  | { scale: 'unknown'; why: string };

/** The sentence a rule appends to an unknown-scale finding (the engine shows it at information severity). */
export function unknownScaleNote(a: { why: string }): string {
  return ` Shown as information: Memwise cannot tell whether this is data-scale (${a.why}).`;
}

/** The sentence a rule appends to a data-scale finding: where the data comes from. */
export function dataScaleNote(a: { source: string }): string {
  return ` Data: ${a.source}.`;
}

/**
 * Several nested loops (or several arguments) together: data-scale if any one is, bounded only if all are.
 * (`for f in files: for line in open(f)` is data-scale even though the outer list may be short.)
 */
export function combineScales(answers: readonly ScaleAnswer[]): ScaleAnswer {
  const data = answers.filter((a): a is Extract<ScaleAnswer, { scale: 'data' }> => a.scale === 'data');
  // Several data sources: the size of one literal file says nothing about the others (`merge(small, argv[1])`).
  if (data.length > 1 && data[0].input && data.some((a) => a.input?.path !== data[0].input!.path)) return withInput(data[0], undefined);
  return data[0] ?? answers.find((a) => a.scale === 'unknown') ?? answers[0] ?? { scale: 'unknown', why: 'it is not inside a loop' };
}

/** A data answer whose source is (or is not, with `undefined`) a file named by a string literal. */
export function withInput(a: Extract<ScaleAnswer, { scale: 'data' }>, input: LiteralInput | undefined): ScaleAnswer {
  if (input) return { ...a, input };
  if (!a.input) return a;
  return { scale: 'data', source: a.source };
}

/** The literal-path file behind a data answer, for the finding (`ctx.report({ …, input: inputOf(scale) })`). */
export function inputOf(a: ScaleAnswer): LiteralInput | undefined {
  return a.scale === 'data' ? a.input : undefined;
}
