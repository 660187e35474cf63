// Which literal input a finding carries, shared by both front ends (their report() calls it). Rules whose
// cost grows with the data carry one out of their data-scale answer (MW4xx: `input: inputOf(scale)`); the
// rules that report the reading or parsing call itself (MW2xx tables parsed as text, MW3xx whole-file
// loads) get the file that call reads. MW1xx and MW9xx findings are not about size and carry none
// (literalInputSize.ts says why).
import type { LiteralInput } from './types';

export function reportedInput<N>(family: number, carried: LiteralInput | undefined, node: N | undefined, readOf: (node: N) => LiteralInput | undefined): LiteralInput | undefined {
  if (carried) return family >= 2 && family <= 4 ? carried : undefined;
  if ((family !== 2 && family !== 3) || node === undefined) return undefined;
  try {
    return readOf(node);
  } catch {
    return undefined; // no evidence: the finding is shown as it is
  }
}
