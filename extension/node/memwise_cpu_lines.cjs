// Which line was running when, for Node scripts: V8's sampling CPU profiler through node:inspector
// (Profiler.start), read in chunks (every second when the event loop runs, and at exit). Each CPU sample is
// given its innermost user frame and a line, and written as the Python helper's F/S records, so Memwise
// charges RSS growth to lines the same way for both languages.
//
// Why lines come from positionTicks: a profile node is a function (per call path), and only its
// positionTicks say which of its lines the samples hit. Within one chunk a node's samples are given its
// ticked lines in source order, in proportion to their ticks: exact for a function that runs one line at a
// time (top-level phases, one loop after another), an even spread for lines that alternate inside a loop.
// Samples in library or native code (Array.prototype.push, JSON.parse) take the line of the nearest own
// sample of the user function that called them. Comments and blank lines never appear: V8 ticks code.
// GC samples ("(garbage collector)") carry no stack and are not written; a pause between two user samples goes to the
// one after it, or to the one before when only that line is known to allocate (memwise_gc_pauses.cjs). Samples V8
// gave the caller's line instead of the running function's are put back inside the call (memwise_lost_frames.cjs).
//
// The CPU is sampled every 1 ms whatever the memory poll's interval: a function that allocates what it keeps spends
// most of its time in GC (every scavenge copies its survivors), and at 10 ms grow_lines.js's makeRows(400000) got
// 0-1 samples outside GC in 400 ms on a loaded machine, so its growth went to whatever was sampled next. The pause
// rule also needs the samples between pauses to see which line allocates.
'use strict';
const { resolveLostFrames, frameKey } = require('./memwise_lost_frames.cjs');
const { ownPauses } = require('./memwise_gc_pauses.cjs');

/** V8 CPU sampling interval (µs): V8's own default, finer than Memwise's 10 ms memory poll. */
const SAMPLE_US = 1000;

/**
 * @param {import('inspector').Session} session  connected to this thread
 * @param {{write:(t:string)=>void, toFile:(u:string)=>string, isUser:(f:string)=>boolean,
 *   sourceLine:(file:string, line:number)=>string}} io
 */
exports.startCpuLines = function startCpuLines(session, io) {
  let on = true;
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: SAMPLE_US });
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
  const pauses = new Map(); // pairs of consecutive samples per location and the GC pauses between them (memwise_gc_pauses.cjs)

  const emit = (profile, final, heap) => {
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
    let pause; // GC samples since the last user sample: how many, and the time of the last
    for (let i = 0; i < profile.samples.length; i++) {
      const owner = ownerOf(profile.samples[i]);
      // (program), (idle), (garbage collector) and internals stay unnamed; GC samples are remembered as a pause
      // before the next user sample.
      if (owner === null || owner === undefined) {
        if (nodes.get(profile.samples[i])?.callFrame.functionName === '(garbage collector)') pause = { n: (pause ? pause.n : 0) + 1, end: times[i] };
        continue;
      }
      let line = lineAt[i];
      if (line === undefined) line = lastLine.get(owner) ?? nextOwnLine(profile.samples, lineAt, i, owner);
      else lastLine.set(owner, line);
      if (!(line >= 1)) continue;
      const cf = nodes.get(owner).callFrame;
      const self = profile.samples[i] === owner;
      recs.push({ t: times[i], file: io.toFile(cf.url), fn: cf.functionName, sid: cf.scriptId, line, path: pathOf(owner), self, pause });
      pause = undefined;
    }
    const resolved = resolveLostFrames(recs, final, io.sourceLine, before);
    held = resolved.held;
    const ready = ownPauses(resolved.ready, pauses, before, heap && allocatedBy(heap.head));
    if (ready.length) before = ready[ready.length - 1];
    const out = ready.map((rec) => `S\t${(rec.t / 1e6).toFixed(6)}\t${idOf(rec.file, rec.fn)}\t${rec.line}\n`);
    if (out.length) io.write(out.join(''));
  };

  return {
    /**
     * Send the samples so far; `again`: keep profiling (periodic), else stop (exit). `heap`: V8's sampling heap
     * profile at this moment, when the preload has one (which functions allocated: memwise_gc_pauses.cjs).
     */
    chunk(again, heap) {
      if (!on) return;
      session.post('Profiler.stop', (err, res) => {
        if (!err && res && res.profile) emit(res.profile, !again, heap);
      });
      if (again) session.post('Profiler.start');
      else on = false;
    },
  };
};

/**
 * Sampled bytes allocated per function ("scriptId\0name": at exit V8 gives the script's functions no url or line),
 * library code below a function included; `total` the whole profile's.
 */
function allocatedBy(head) {
  const bytes = new Map();
  let total = 0;
  const walk = (node, owner) => {
    const cf = node.callFrame;
    const own = cf.scriptId && cf.scriptId !== '0' ? `${cf.scriptId}\0${cf.functionName}` : owner;
    total += node.selfSize || 0;
    if (own !== undefined && node.selfSize > 0) bytes.set(own, (bytes.get(own) || 0) + node.selfSize);
    for (const c of node.children || []) walk(c, own);
  };
  if (head) walk(head, undefined);
  return { bytes, total };
}

function nextOwnLine(samples, lineAt, from, owner) {
  for (let j = from + 1; j < samples.length; j++) if (samples[j] === owner && lineAt[j] !== undefined) return lineAt[j];
  return undefined;
}
