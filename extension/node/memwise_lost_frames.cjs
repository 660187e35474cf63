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
// A run of the caller's own samples at a line that calls C, between two samples inside calls of C, is taken
// to be a lost frame, and so is a short run before the first sample inside C; they get the location of the
// next sample. "Short": no more than MAX_LOST own samples in a row (V8 loses one sample at a time, two back
// to back were seen; GC samples, skipped by memwise_cpu_lines.cjs, stand between them on a loaded machine); between two samples in C the run may be longer
// (three in a row were seen under load, where a slow runtime call or page faults keep the pc frameless).
// Samples in library frames (a function V8 names, such as fs.readFileSync) are never lost frames. The
// price: a loop whose line calls C and also does its own work between the calls (`n += count(JSON.parse(s))`,
// the builtin's samples being the caller's own) has that work charged to where C was next sampled.
'use strict';

/** Own samples in a row a lost-frame run may have. */
const MAX_LOST = 2;
/** Any call on a line: only such a line can be a caller's, so only its run waits for the next chunk. */
const CALL = /[\w$)\]]\s*(\?\.\s*)?\(/;

/**
 * @typedef {{t:number, file:string, fn:string, line:number, path:string[], self:boolean, held?:boolean, pause?:object}} Rec
 *   one user sample: `path` the keys of its user frames from the outermost down, `self` when its own frame
 *   was the leaf (not a library frame below it).
 */

/**
 * Give lost-frame runs in `recs` (time order) the location of the sample inside the call that follows them.
 * @param {Rec[]} recs
 * @param {boolean} final  no samples will follow (else a run at the end waits for the next chunk)
 * @param {(file:string, line:number)=>string} sourceLine
 * @param {Rec} [before]  the last sample already written (the one before recs[0])
 * @returns {{ready: Rec[], held: Rec[]}}  `ready` to write now; `held` to put before the next chunk's samples
 */
function resolveLostFrames(recs, final, sourceLine, before) {
  for (let r = 0; r < recs.length; ) {
    const rec = recs[r];
    let end = r + 1;
    if (rec.self) while (end < recs.length && sameRun(recs[end], rec)) end++;
    const longest = end - r; // own samples in a row at this line
    const prev = r > 0 ? recs[r - 1] : before;
    const inCall = prev && callsInto(prev, rec) ? prev.path[rec.path.length] : undefined; // the call it was in
    if (rec.self && (inCall || longest <= MAX_LOST)) {
      const next = recs[end];
      if (!next && !final && !rec.held && CALL.test(sourceLine(rec.file, rec.line))) {
        for (let k = r; k < end; k++) recs[k].held = true; // waits one chunk at most
        return { ready: recs.slice(0, r), held: recs.slice(r) };
      }
      const callee = next && callsInto(next, rec) ? next.path[rec.path.length] : undefined;
      if (callee && (callee === inCall || longest <= MAX_LOST) && lineCalls(rec, callee, sourceLine)) {
        for (let k = r; k < end; k++) recs[k] = { ...next, t: recs[k].t, pause: recs[k].pause }; // its own time and GC pause
      }
    }
    r = end;
  }
  return { ready: recs, held: [] };
}

/** Same frame, same line, and its own sample or a GC pause begun there. */
function sameRun(a, b) {
  return a.line === b.line && a.self && a.path.length === b.path.length && a.path.every((k, i) => b.path[i] === k);
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
