// Samples whose innermost frame V8 lost, for Node scripts (used by memwise_cpu_lines.cjs).
//
// V8's CPU sampler walks the stack from the interrupted pc. When that pc is in frameless code (an allocation
// stub, a builtin's prologue, the moment a GC returns into the allocating code), the walk can miss the
// running function and name its CALLER, at the line of the call. In a script whose memory is made by one long
// call (`makeRows(200000)` at the top level), such samples come one at a time between samples inside the
// call, most often right after a GC pause; measured on grow.js: 2-3 of ~30 user samples at 1 ms with the
// optimizing JITs on, 16% with --no-opt. Each charged the caller's line with the growth of its span, so
// the call line could outrank the line inside the call that made the memory.
//
// A short run of the caller's own samples at a line that calls C, followed by a sample inside that very call
// of C, is taken to be a lost frame and given the location of that next sample. "Short" is at most
// MAX_LOST own samples (V8 loses one sample at a time; two back to back were seen): a caller that really
// works on that line for longer keeps its samples. Samples in library frames (a function V8 names, such as
// fs.readFileSync) are never lost frames. The price: a caller line that runs its own code for under two
// sample intervals between calls of C (a builtin such as JSON.parse evaluating the argument) is charged to
// where C was next sampled.
'use strict';

/** Own (non-GC) samples a lost-frame run may have. */
const MAX_LOST = 2;
/** Any call on a line: only such a line can be a caller's, so only its run waits for the next chunk. */
const CALL = /[\w$)\]]\s*(\?\.\s*)?\(/;

/**
 * @typedef {{t:number, file:string, fn:string, line:number, path:string[], self:boolean, gc?:boolean}} Rec
 *   one user sample: `path` the keys of its user frames from the outermost down, `self` when its own frame
 *   was the leaf (not a library frame below it), `gc` when it stands for a GC pause begun there.
 */

/**
 * Give lost-frame runs in `recs` (time order) the location of the sample inside the call that follows them.
 * @param {Rec[]} recs
 * @param {boolean} final  no samples will follow (else a run at the end waits for the next chunk)
 * @param {(file:string, line:number)=>string} sourceLine
 * @returns {{ready: Rec[], held: Rec[]}}  `ready` to write now; `held` to put before the next chunk's samples
 */
function resolveLostFrames(recs, final, sourceLine) {
  for (let r = 0; r < recs.length; ) {
    const rec = recs[r];
    let end = r + 1;
    let own = rec.gc ? 0 : 1;
    if (rec.self) {
      for (; end < recs.length && sameRun(recs[end], rec); end++) if (!recs[end].gc) own++;
    }
    if (rec.self && own <= MAX_LOST) {
      const next = recs[end];
      if (!next && !final && CALL.test(sourceLine(rec.file, rec.line))) return { ready: recs.slice(0, r), held: recs.slice(r) };
      if (next && callsInto(next, rec) && lineCalls(rec, next.path[rec.path.length], sourceLine)) {
        for (let k = r; k < end; k++) recs[k] = { ...next, t: recs[k].t, gc: recs[k].gc };
      }
    }
    r = end;
  }
  return { ready: recs, held: [] };
}

/** Same frame, same line, and its own sample or a GC pause begun there. */
function sameRun(a, b) {
  return a.line === b.line && (a.self || a.gc) && a.path.length === b.path.length && a.path.every((k, i) => b.path[i] === k);
}

/** Whether `inner` was sampled inside a call made by `outer`'s frame (outer's user stack is a prefix of inner's). */
function callsInto(inner, outer) {
  return inner.path.length > outer.path.length && outer.path.every((k, i) => inner.path[i] === k);
}

/** Whether the source line of `rec` calls the function of frame key `callee`: `name(`, `.name(`, `new Name(`, `name?.(`. */
function lineCalls(rec, callee, sourceLine) {
  const name = callee.split('\0')[1];
  if (!name) return false; // an anonymous callee: nothing on the line to check against
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp('(^|[^\\w$])' + esc + '\\s*(\\?\\.\\s*)?\\(').test(sourceLine(rec.file, rec.line));
}

/** The key a user frame keeps across chunks (each Profiler.start numbers its nodes afresh); field 1 is its name. */
function frameKey(cf) {
  return `${cf.url}\0${cf.functionName}\0${cf.lineNumber}\0${cf.columnNumber}`;
}

module.exports = { resolveLostFrames, frameKey };
