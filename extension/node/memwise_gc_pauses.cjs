// Which line a V8 GC pause belongs to, for Node scripts (used by memwise_cpu_lines.cjs).
//
// A Node script's RSS grows mostly inside GC pauses: a scavenge promotes the survivors into old-space pages, a
// full GC grows and compacts them. A pause carries no stack ("(garbage collector)" samples), so the user sample
// after it covered it, and with it the growth. That is wrong when a phase ENDS in a pause: grow_lines.js's
// makeRows(400000) ended in a 20-400 ms run of GC samples and the next user sample, console.log's (written at the
// CPU-only loop's line, the top level's last own line), took the growth; in a run where makeRows got no sample
// outside GC at all (10 ms sampling), the CPU-only loop got all of its 130 MiB. Giving every pause to the line
// before was tried and taken back: when a phase STARTS in a pause (makeRows' first allocations right after the
// CPU-only loop), the loop got makeRows' growth.
//
// What tells the two apart is allocation evidence from the profile itself: a pause happens because the running
// code allocated, so a line that has had pauses between two of its own consecutive samples allocates. A pause
// between a sample of such a line and a sample of a line that never showed it belongs to the allocating line;
// otherwise (both allocate, or neither is known to) the sample after it keeps it, as before. Two pauses at least:
// a single one between two samples of a CPU-only loop can be V8 finishing earlier work. V8's sampled allocation
// (bytes per function) cannot decide this: the CPU-only loop shares the top-level function with the loop that
// allocated 150 MiB before it.
'use strict';

/** Pauses seen between two consecutive samples of one location before it counts as allocating. */
const MIN_PAUSES = 2;

/**
 * @typedef {{t:number, line:number, path:string[], self:boolean, pause?:{n:number, end:number}}} Rec
 *   one user sample; `pause`: the GC samples taken since the previous user sample (how many, time of the last).
 */

/** The location a pause count is kept for: the user frames, the line, and whether the sample was in the frame itself. */
function placeOf(rec) {
  return `${rec.path.join('\u0001')}\u0002${rec.line}\u0002${rec.self ? 1 : 0}`;
}

/**
 * Count the pauses between consecutive samples of one location in `recs` (time order) into `pauses`, then give
 * each pause between an allocating location and one that is not to the allocating one: a copy of its sample at
 * the pause's last GC sample, so that it covers the pause and the sample after covers only what followed.
 * @param {Rec[]} recs
 * @param {Map<string, number>} pauses  pause counts per location, kept across chunks
 * @param {Rec} [before]  the last sample already written
 * @returns {Rec[]}  recs with the copies inserted
 */
function ownPauses(recs, pauses, before) {
  let prev = before;
  for (const rec of recs) {
    if (prev && rec.pause && placeOf(prev) === placeOf(rec)) pauses.set(placeOf(rec), (pauses.get(placeOf(rec)) || 0) + 1);
    prev = rec;
  }
  const allocates = (rec) => (pauses.get(placeOf(rec)) || 0) >= MIN_PAUSES;
  const out = [];
  prev = before;
  for (const rec of recs) {
    if (prev && rec.pause && rec.pause.end > prev.t && allocates(prev) && !allocates(rec)) out.push({ ...prev, t: rec.pause.end, pause: undefined });
    out.push(rec);
    prev = rec;
  }
  return out;
}

module.exports = { ownPauses };
