// Whose a GC pause is, for Node scripts' line samples (used by memwise_cpu_lines.cjs).
//
// Most of a Node script's RSS growth arrives inside GC pauses: the scavenger copies survivors into old-space pages,
// and a full GC grows and compacts them. V8's CPU profiler marks those samples "(garbage collector)" with no
// stack, so the pause is known in time but not by line. Memwise charges each interval's growth to the line
// sample that follows it, which is right for a pause inside a line's own run (a loop that allocates, paused,
// then sampled again) and at the start of an allocating phase (its first allocations start the pause). It is
// wrong when the pause ENDS a phase: the last GCs of `makeRows(400000)` were followed by the first sample after
// the call (console.log, or a CPU-only loop), which collected up to 100 MiB of makeRows' growth (grow_lines.js,
// a few runs in a hundred). Giving every pause to the line sampled before it was measured worse (a CPU-only
// loop then took the pause that the next phase's first allocations started: 4 runs in 12).
//
// The evidence used here is the pauses themselves: V8 collects garbage because code allocated, so a line with
// pauses between two of its own consecutive samples (two or more: MIN_PAUSES) allocates. A pause between two different lines goes to the
// line before it only when that line is known to allocate and the line after it is not; otherwise it stays with
// the line after it, as before. V8's sampled allocation (the heap profile) cannot decide this: it counts bytes
// per function, and a CPU-only loop at the top level shares its function with the allocating loop before it.
'use strict';

/** @typedef {import('./memwise_lost_frames.cjs').Rec} Rec */

/**
 * Pauses inside a line's own run that show it allocates. One is not enough: V8 sometimes pauses once inside a
 * CPU-only loop (a GC task finishing), and a sample the tick-share split put at the wrong line can stand before a
 * pause as if it were the next line's own.
 */
const MIN_PAUSES = 2;

/** The location a sample is charged to by Memwise (its code record and line). */
function keyOf(rec) {
  return `${rec.file}\0${rec.fn}\0${rec.line}`;
}

/** Pause placement over a run: GC sample times go in as they are read, user samples as they are written. */
function createGcPauses() {
  /** GC sample times (µs) not yet placed between two written samples, ascending. */
  let pending = [];
  /** Per location, the pauses seen between two of its own consecutive samples (kept across chunks). */
  const pausesIn = new Map();
  /** Locations with at least MIN_PAUSES of them. */
  const allocating = new Set();
  return {
    /** @param {number} t  the time of a "(garbage collector)" sample */
    addGc(t) {
      pending.push(t);
    },
    /**
     * The samples to write: `ready` (time order) with, before a sample that follows a pause it did not cause,
     * a copy of the sample before the pause at the pause's last GC sample (so that line covers the pause).
     * @param {Rec[]} ready
     * @param {Rec} [before]  the last sample already written
     * @returns {Rec[]}
     */
    place(ready, before) {
      if (!ready.length) return ready;
      pending.sort((a, b) => a - b);
      const seq = before ? [before, ...ready] : ready;
      let g = 0;
      while (g < pending.length && pending[g] <= seq[0].t) g++; // before the first sample: nobody's to move
      const lastGc = new Array(seq.length); // the last GC sample between seq[i-1] and seq[i], if any
      for (let i = 1; i < seq.length; i++) {
        while (g < pending.length && pending[g] < seq[i].t) lastGc[i] = pending[g++];
        if (lastGc[i] === undefined || keyOf(seq[i - 1]) !== keyOf(seq[i])) continue;
        const key = keyOf(seq[i]);
        pausesIn.set(key, (pausesIn.get(key) ?? 0) + 1);
        if (pausesIn.get(key) >= MIN_PAUSES) allocating.add(key);
      }
      pending = pending.slice(g);
      const out = [];
      for (let i = before ? 1 : 0; i < seq.length; i++) {
        const prev = seq[i - 1];
        if (lastGc[i] !== undefined && allocating.has(keyOf(prev)) && !allocating.has(keyOf(seq[i]))) out.push({ ...prev, t: lastGc[i] });
        out.push(seq[i]);
      }
      return out;
    },
  };
}

module.exports = { createGcPauses };
