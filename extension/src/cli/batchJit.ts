// V8 tiering for `memwise lint` as a command: a batch run of a few seconds over many files, in lint worker
// threads. A perf profile of the cold CLI on the JS benchmark corpus (bench/jsLint.mjs) put 38% of all
// CPU time in TurboFan, compiling the parser bundle's hottest functions (TypeScript's scanner and parser,
// typescript-estree's converter, the scope manager's visitors) and our tree walks, in every worker again
// (isolates share no optimised code), and again after each deoptimisation as new node shapes turn up.
// Such a run never earns that back. A larger interrupt budget lets a function run longer in the
// interpreter and baseline code before it is optimised, so only what stays hot is compiled: the JS bench
// corpus then takes about a sixth less CPU, the same findings (flags change how code is compiled, never
// what it computes). The flags are process-wide and read when code tiers up, so they also reach the
// workers started afterwards. Only the CLI process sets them: the editor's extension host is VS Code's,
// and the tests' process is mocha's.
import * as v8 from 'v8';

/**
 * V8's default is 66 KiB of bytecode executed between tier-up checks; eight times that. On a quiet machine
 * (2026-12-07) 8× beat 4× on both cold benches: the Python stdlib CLI 1.58–1.61 s against 1.62–1.66 s (5
 * alternations; 6× and 12× alike with 8×), the JS corpus 1.39 s against 1.46 s (2.59 against 2.75 s of CPU).
 */
export const LINT_INTERRUPT_BUDGET = 8 * 67584;

export function tuneJitForBatchLint(): void {
  // Node documents that a flag set after start may do nothing on some V8; then the run is just as before.
  v8.setFlagsFromString(`--interrupt-budget=${LINT_INTERRUPT_BUDGET}`);
}
