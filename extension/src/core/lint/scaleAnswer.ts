// The answer both front ends' data-scale modules give (python/dataScale.ts, js/dataScale.ts): does a value
// or loop grow with the program's input, and what is the evidence? Kept free of parser types.

export type ScaleAnswer =
  /** Grows with the input; `source` is evidence for messages ("rows from csv.reader over the file opened at line 12 from `sys.argv[1]`"). */
  | { scale: 'data'; source: string }
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
  return answers.find((a) => a.scale === 'data') ?? answers.find((a) => a.scale === 'unknown') ?? answers[0] ?? { scale: 'unknown', why: 'it is not inside a loop' };
}
