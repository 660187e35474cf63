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
// What tells the two apart is allocation evidence. A pause happens because the running code allocated. A line
// allocates nothing when V8's sampling heap profiler saw its function allocate next to nothing, or when its samples
// had no pause between them, or almost none (one pair of consecutive samples in sixteen at most: a CPU-only function
// can have a pause or two, V8 finishing a major GC the previous phase started, 28-30 ms each in gc_phases.js's
// spin()). A line that is not so found allocates when its function allocated more than that, or, without a heap
// profile, when pauses came between one pair of its samples in eight or more. A pause between a sample of an
// allocating line and one of a line that allocates nothing goes to the allocating line; otherwise (both allocate,
// or the evidence is thin either way) the sample after it keeps it, as before. The heap profile alone cannot decide
// grow_lines.js: its CPU-only loop shares the top-level function with the loop that allocated 150 MiB before it;
// the pauses between the loop's own samples (none) do.
'use strict';

/** A location allocates when pauses came between at least this share of its pairs of consecutive samples... */
const ALLOCATING_SHARE = 1 / 8;
/** ...and allocates nothing when at most this share (or none, or its function allocated next to nothing)... */
const QUIET_SHARE = 1 / 16;
/** ...next to nothing: this share of all sampled bytes (spin() in gc_phases.js: one 32 KiB sample of ~200 MiB). */
const QUIET_BYTES = 1 / 100;

/**
 * @typedef {{t:number, fn:string, sid:string, line:number, path:string[], self:boolean, pause?:{n:number, end:number}}} Rec
 *   one user sample: `fn`, `sid` its function's name and script id, `path` its user frames' keys, outermost first;
 *   `pause`: the GC samples taken since the previous user sample (how many, time of the last).
 */

/** The location pauses are counted for: the user frames and the line (library samples below it included). */
function placeOf(rec) {
  return `${rec.path.join('\u0001')}\u0002${rec.line}`;
}

/**
 * Count the pairs of consecutive samples of one location in `recs` (time order), and the pauses between them, into
 * `seen`; then give each pause between an allocating location and one that allocates nothing to the allocating
 * one: a copy of its sample at the pause's last GC sample, so that it covers the pause and the sample after covers
 * only what followed.
 * @param {Rec[]} recs
 * @param {Map<string, {pairs:number, pauses:number}>} seen  per location, kept across chunks
 * @param {Rec} [before]  the last sample already written
 * @param {{bytes: Map<string, number>, total: number}} [allocated]  sampled bytes allocated per function
 *   ("scriptId\0name", library code below it included) and in all, from V8's sampling heap profiler; absent
 *   when it did not answer
 * @returns {Rec[]}  recs with the copies inserted
 */
function ownPauses(recs, seen, before, allocated) {
  let prev = before;
  for (const rec of recs) {
    if (prev && placeOf(prev) === placeOf(rec)) {
      let s = seen.get(placeOf(rec));
      if (!s) seen.set(placeOf(rec), (s = { pairs: 0, pauses: 0 }));
      s.pairs++;
      if (rec.pause) s.pauses++;
    }
    prev = rec;
  }
  const count = (rec) => seen.get(placeOf(rec)) || { pairs: 0, pauses: 0 };
  // The function's share of all sampled bytes (undefined without a heap profile).
  const share = (rec) => (allocated && allocated.total > 0 ? (allocated.bytes.get(`${rec.sid}\0${rec.fn}`) || 0) / allocated.total : undefined);
  const quiet = (rec) => share(rec) < QUIET_BYTES || count(rec).pauses <= QUIET_SHARE * count(rec).pairs;
  const allocates = (rec) => !quiet(rec) && (share(rec) >= QUIET_BYTES || count(rec).pauses >= ALLOCATING_SHARE * count(rec).pairs);
  const out = [];
  prev = before;
  for (const rec of recs) {
    if (prev && rec.pause && rec.pause.end > prev.t && allocates(prev) && quiet(rec)) out.push({ ...prev, t: rec.pause.end, pause: undefined });
    out.push(rec);
    prev = rec;
  }
  return out;
}

module.exports = { ownPauses };
