// Node scripts' results that come from V8 and stderr rather than from the helper's samples: the fallback line
// table from V8's sampled allocation, and the uncaught error parsed from the printed stack.
import type { HelperChannel } from './helperChannel';
import type { LogLine, RunFile, SourceLocation } from './runFileTypes';

/** Lines from V8's sampled allocation: only for an old preload that sends no CPU-profile line samples. */
export function nodeAttribution(channel: HelperChannel): { lines: RunFile['lines']; functions: NonNullable<RunFile['functions']> } {
  // V8's sampling heap profiler attributes live bytes to the allocating function; its line is the
  // function's first line (V8 keys nodes by function, not by statement).
  const sites = channel.heapSites ?? [];
  const lines = sites.map((s) => ({ file: s.file, line: s.line, function: s.function, growthBytes: s.sizeBytes, samples: 1 }));
  const functions = sites.map((s) => ({ file: s.file, function: s.function, growthBytes: s.sizeBytes, samples: 1 }));
  return { lines, functions };
}

/** A Node script's uncaught error, read back from its stderr (Node has no helper record for it). */
export function nodeErrorFromLogs(logs: LogLine[]): RunFile['error'] | undefined {
  const errs = logs.filter((l) => l.stream === 'stderr');
  const msgIdx = errs.findIndex((l) => /^\w*Error\b|^Uncaught/.test(l.text));
  if (msgIdx < 0) return undefined;
  const frames: SourceLocation[] = [];
  for (const l of errs.slice(msgIdx + 1)) {
    const m = /^\s+at (?:(.*?) \()?(?:file:\/\/)?(\/[^:]+):(\d+):\d+\)?$/.exec(l.text);
    if (m && !m[2].includes('node_modules') && !m[2].startsWith('node:')) frames.push({ file: m[2], line: Number(m[3]), function: m[1] ?? '<anonymous>' });
  }
  return { message: errs[msgIdx].text, frames };
}
