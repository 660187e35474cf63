// Which line was running when, for Node scripts: V8's sampling CPU profiler through node:inspector
// (Profiler.start), read in chunks (every second when the event loop runs, and at exit). Each CPU sample is
// given its innermost user frame and a line, and written as the Python helper's F/S records, so Memwise
// charges RSS growth to lines the same way for both languages.
//
// Why lines come from positionTicks: a profile node is a function (per call path), and only its
// positionTicks say which of its lines the samples hit. Within one chunk a node's samples are given its
// ticked lines in source order, in proportion to their ticks: exact for a function that runs one line at a
// time (top-level phases, one loop after another), an even spread for lines that alternate inside a loop.
// Samples in library or native code (console.log, JSON.parse) take the line of the user function that calls
// them by name, near its own samples (calledLine), else its nearest own sample. Comments and blank lines never
// appear: V8 ticks code.
// GC samples ("(garbage collector)") carry no stack: they are not written, but their times decide which line a
// pause's growth goes to (memwise_gc_pauses.cjs). Samples V8 gave the caller's line instead of the running
// function's are put back inside the call (memwise_lost_frames.cjs).
'use strict';
const { resolveLostFrames, frameKey, callsName } = require('./memwise_lost_frames.cjs');
const { createGcPauses } = require('./memwise_gc_pauses.cjs');

/** How many lines past the owner's last own line a library call is looked for (when no own line follows). */
const MAX_SCAN = 200;
/** How many library frames below the user's own are tried by name (calledLine). */
const MAX_CALLEES = 4;

/**
 * @param {import('inspector').Session} session  connected to this thread
 * @param {{write:(t:string)=>void, toFile:(u:string)=>string, isUser:(f:string)=>boolean,
 *   sourceLine:(file:string, line:number)=>string, intervalMs:number}} io
 */
exports.startCpuLines = function startCpuLines(session, io) {
  let on = true;
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: Math.max(1000, Math.round(io.intervalMs * 1000)) });
  session.post('Profiler.start', (err) => {
    if (err) on = false;
  });
  const ids = new Map();
  const idOf = (file, fn) => {
    const key = file + '\0' + fn;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
      io.write(`F\t${id}\t${file.replace(/\t/g, ' ')}\t${fn || '(top level)'}\n`);
    }
    return id;
  };

  // Samples not yet written: a possible lost-frame run at a chunk's end waits for the next chunk's samples.
  let held = [];
  let before; // the last sample written
  const pauses = createGcPauses();

  const emit = (profile, final) => {
    const nodes = new Map();
    const parent = new Map();
    for (const n of profile.nodes) {
      nodes.set(n.id, n);
      for (const c of n.children || []) parent.set(c, n.id);
    }
    const userNode = new Map(); // node id → nearest user node id (itself or an ancestor), or null
    const ownerOf = (id) => {
      if (userNode.has(id)) return userNode.get(id);
      const n = nodes.get(id);
      const file = n ? io.toFile(n.callFrame.url) : '';
      const own = n && file && io.isUser(file) ? id : parent.has(id) ? ownerOf(parent.get(id)) : null;
      userNode.set(id, own);
      return own;
    };
    const paths = new Map(); // user node id → the keys of the user frames from the root down to it
    const pathOf = (id) => {
      let p = paths.get(id);
      if (p) return p;
      const up = parent.has(id) ? ownerOf(parent.get(id)) : null;
      p = [...(up === null || up === undefined ? [] : pathOf(up)), frameKey(nodes.get(id).callFrame)];
      paths.set(id, p);
      return p;
    };
    // Time of each sample (µs on V8's monotonic clock, the same CLOCK_MONOTONIC as Memwise's poller).
    const times = new Array(profile.samples.length);
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) times[i] = t += profile.timeDeltas[i] || 0;
    // Self samples of each user node, in time order, get its ticked lines in source order by tick share.
    const selfIdx = new Map();
    profile.samples.forEach((id, i) => {
      if (ownerOf(id) !== id) return;
      let list = selfIdx.get(id);
      if (!list) selfIdx.set(id, (list = []));
      list.push(i);
    });
    const lineAt = new Array(profile.samples.length);
    for (const [id, list] of selfIdx) {
      const ticks = (nodes.get(id).positionTicks || []).slice().sort((a, b) => a.line - b.line);
      const total = ticks.reduce((s, x) => s + x.ticks, 0);
      const fallback = nodes.get(id).callFrame.lineNumber + 1;
      let k = 0;
      let used = 0;
      list.forEach((i, n) => {
        while (k < ticks.length - 1 && n >= ((used + ticks[k].ticks) * list.length) / Math.max(1, total)) used += ticks[k++].ticks;
        lineAt[i] = ticks.length ? ticks[k].line : fallback;
      });
    }
    const recs = held;
    const lastLine = new Map(); // user node id → its line at its latest self sample
    const called = new Map(); // sample node, last and next own line → the line given (calledLine, once each)
    const nextOwn = new Array(profile.samples.length); // sample → the line of its owner's next self sample
    const seen = new Map();
    for (let i = profile.samples.length - 1; i >= 0; i--) {
      const owner = ownerOf(profile.samples[i]);
      if (owner === null || owner === undefined) continue;
      nextOwn[i] = seen.get(owner);
      if (lineAt[i] !== undefined) seen.set(owner, lineAt[i]);
    }
    for (let i = 0; i < profile.samples.length; i++) {
      const owner = ownerOf(profile.samples[i]);
      // (program), (idle), (garbage collector) and internals stay unnamed; a GC sample's time is kept for the pauses.
      if (owner === null || owner === undefined) {
        if (nodes.get(profile.samples[i])?.callFrame.functionName === '(garbage collector)') pauses.addGc(times[i]);
        continue;
      }
      let line = lineAt[i];
      if (line === undefined) {
        const next = nextOwn[i];
        const key = `${profile.samples[i]}\0${lastLine.get(owner)}\0${next}`;
        line = called.get(key);
        if (!called.has(key)) {
          const callees = calleesBelow(profile.samples[i], owner, parent, nodes);
          called.set(key, (line = calledLine(io.toFile(nodes.get(owner).callFrame.url), callees, lastLine.get(owner), next, io.sourceLine)));
        }
      } else lastLine.set(owner, line);
      if (!(line >= 1)) continue;
      const cf = nodes.get(owner).callFrame;
      const self = profile.samples[i] === owner;
      recs.push({ t: times[i], file: io.toFile(cf.url), fn: cf.functionName, line, path: pathOf(owner), self });
    }
    const { ready, held: wait } = resolveLostFrames(recs, final, io.sourceLine, before);
    held = wait;
    const placed = pauses.place(ready, before);
    if (ready.length) before = ready[ready.length - 1];
    const out = placed.map((rec) => `S\t${(rec.t / 1e6).toFixed(6)}\t${idOf(rec.file, rec.fn)}\t${rec.line}\n`);
    if (out.length) io.write(out.join(''));
  };

  return {
    /** Send the samples so far; `again`: keep profiling (periodic), else stop (exit). */
    chunk(again) {
      if (!on) return;
      session.post('Profiler.stop', (err, res) => {
        if (!err && res && res.profile) emit(res.profile, !again);
      });
      if (again) session.post('Profiler.start');
      else on = false;
    },
  };
};

/**
 * The names of the library functions the owner called on the way to sample node `id`: the one it called, then
 * what that one called (level by level, at most MAX_CALLEES names). Samples inside a wrapper still find the
 * user's call: with the inspector on, console.log runs as a native consoleCall, then log, value, formatWithOptions.
 */
function calleesBelow(id, owner, parent, nodes) {
  while (parent.has(id) && parent.get(id) !== owner) id = parent.get(id);
  const names = [];
  for (let level = [id]; level.length && names.length < MAX_CALLEES; ) {
    const below = [];
    for (const n of level) {
      const node = nodes.get(n);
      if (!node) continue;
      const name = node.callFrame.functionName;
      if (/^[\w$]+$/.test(name) && !names.includes(name)) names.push(name);
      below.push(...(node.children || []));
    }
    level = below;
  }
  return names.slice(0, MAX_CALLEES);
}

/**
 * The owner's line for a sample inside library functions it called: its nearest own line when that line calls
 * one of them by name (a loop's `JSON.parse(s)`), else the next own line if it does, else the first line after
 * the last own one that does (`console.log(...)` after a phase that ended in a call: its samples used to take
 * the line sampled before the call, a CPU-only loop there), else the nearest own line as before. Names are
 * tried outermost first, so a wrapper's inner helpers (`get`, `value`) match only when nothing nearer does.
 */
function calledLine(file, names, last, next, sourceLine) {
  for (const name of names) {
    const calls = (n) => callsName(sourceLine(file, n), name);
    if (last !== undefined && calls(last)) return last;
    if (next !== undefined && calls(next)) return next;
    if (last !== undefined) {
      const end = next !== undefined && next > last ? next : last + MAX_SCAN;
      for (let n = last + 1; n < end; n++) if (calls(n)) return n;
    }
  }
  return last ?? next;
}
