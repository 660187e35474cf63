// The exit code of `memwise profile`, decided from the finished run. CI gates on it, so a script that failed
// must never pass as "profiled fine" (issue 16: `--budget 500MB` exited 0 when the script crashed).
import type { RunFile } from '../core/profile/runFileTypes';
import { formatBytes } from '../core/profile/sizes';
import { EXIT } from './io';

export interface ProfileVerdict {
  code: number;
  /** Why the code is not 0, one line per reason (printed on stderr); empty when the code is 0. */
  reasons: string[];
}

/**
 * 3 when memory went over the line (stopped at the cap, or the peak above `budgetBytes`); otherwise 4 when the
 * script itself failed (non-zero exit, uncaught exception, killed by a signal, cancelled); otherwise 0.
 * Memory wins because it is what the gate is for; both reasons are printed either way.
 */
export function profileVerdict(run: RunFile, budgetBytes?: number, budgetText?: string): ProfileVerdict {
  const reasons: string[] = [];
  let memory = false;
  if (run.stoppedAtCap) {
    memory = true;
    reasons.push(`the script was stopped at the memory cap ${formatBytes(run.memoryCapBytes ?? 0)}; results so far are saved.`);
  } else if (budgetBytes !== undefined && run.peakBytes > budgetBytes) {
    memory = true;
    reasons.push(`peak ${formatBytes(run.peakBytes)} exceeds the budget ${formatBytes(budgetBytes)} (--budget ${budgetText ?? budgetBytes}).`);
  }
  const failure = scriptFailure(run);
  if (failure) reasons.push(`the script failed: ${failure}. Its own output is above; the run file keeps it.`);
  const code = memory ? EXIT.budgetExceeded : failure ? EXIT.scriptFailed : EXIT.ok;
  return { code, reasons };
}

/** How the script failed, in words, or undefined when it exited 0. A stop at the cap is not the script's fault. */
function scriptFailure(run: RunFile): string | undefined {
  if (run.stoppedAtCap) return undefined;
  if (run.cancelled) return 'the run was cancelled before it finished';
  if (run.signal) return `killed by ${run.signal}`;
  if (run.error) return `${run.exitCode !== null && run.exitCode !== undefined ? `exit code ${run.exitCode}, ` : ''}${run.error.message.split('\n').at(-1)}`;
  if (run.exitCode === null || run.exitCode === undefined) return 'it ended without an exit code';
  if (run.exitCode !== 0) return `exit code ${run.exitCode}`;
  return undefined;
}
