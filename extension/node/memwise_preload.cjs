// Memwise preload for Node scripts (`node --require memwise_preload.cjs script.js`).
// Memory over time is measured from outside by Memwise's /proc poller; this preload adds "which code":
// V8's sampling heap profiler (HeapProfiler.startSampling via node:inspector, ~1 sample per 32 KiB
// allocated, cheap enough to leave on) reports the sampled bytes allocated per user function.
// It also runs V8's sampling CPU profiler (Profiler.start) to say which LINE was running when: each CPU
// sample's user frame and line (from the profile's positionTicks) becomes an `S` record, and Memwise charges
// RSS growth to those lines exactly as for Python. The heap profile stays a separate figure (bytes allocated,
// freed ones included, so it can exceed the peak).
// Records go to fd MEMWISE_FD in the format of extension/python/memwise_sampler.py:
//   F id file function / S t id line             code locations and timed line samples (CPU profile chunks)
//   H <json [{file,line,function,sizeBytes}]>   sampled bytes allocated per user function (every second and at exit)
//   E <json {message,type,frames}>              an uncaught exception
'use strict';
const fs = require('fs');
const { isMainThread } = require('worker_threads');

const fd = Number(process.env.MEMWISE_FD || -1);
// Only the profiled process itself: forked children inherit --require (execArgv) and the env, not the pipe.
if (isMainThread && fd >= 0 && !process.env.MEMWISE_PRELOAD_ACTIVE) {
  process.env.MEMWISE_PRELOAD_ACTIVE = String(process.pid);
  // Join the run's cgroup before the script's first line, so everything it starts is born in it (Memwise also
  // moves this process from outside; a no-op when this already did).
  const cgroupProcs = process.env.MEMWISE_CGROUP_PROCS;
  delete process.env.MEMWISE_CGROUP_PROCS;
  if (cgroupProcs) {
    try {
      fs.writeFileSync(cgroupProcs, String(process.pid));
    } catch {
      /* Memwise's own move decides, and the run says so when neither worked */
    }
  }
  const inspector = require('inspector');
  const { fileURLToPath } = require('url');
  const session = new inspector.Session();
  session.connect();
  const write = (text) => {
    try {
      fs.writeSync(fd, text);
    } catch {
      /* Memwise went away; keep the script running */
    }
  };
  const toFile = (url) => {
    if (!url) return '';
    if (url.startsWith('file://')) {
      try {
        return fileURLToPath(url);
      } catch {
        return url;
      }
    }
    return url;
  };
  const isUser = (file) => file.startsWith('/') && !file.includes('/node_modules/') && file !== __filename;
  // Dispatched synchronously (the callbacks may come later), so sampling is on before the script's first line.
  let started = true;
  session.post('HeapProfiler.enable');
  // Collected objects are included: a synchronous script's data is often garbage by the time 'exit' runs
  // (and timers never fire during a synchronous body), so live-only samples would show nothing. The
  // figure is therefore bytes ALLOCATED per function (sampled), which ranks the growth sites first.
  session.post('HeapProfiler.startSampling', { samplingInterval: 32768, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }, (err) => {
    if (err) started = false;
  });
  // Functions whose script was collected by exit come back with url "" and line -1, so scriptId → url is
  // recorded as scripts load (Debugger 'scriptParsed'; no breakpoints, measured at no visible cost), and
  // the line is found by the function's name in the source.
  const urls = new Map();
  session.on('Debugger.scriptParsed', (m) => {
    if (m.params && m.params.url) urls.set(m.params.scriptId, m.params.url);
  });
  session.post('Debugger.enable');
  const sources = new Map();
  // A script's text (read once; '' when unreadable) and, when asked for, its lines.
  const sourceOf = (file) => {
    let src = sources.get(file);
    if (!src) {
      let text = '';
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        /* gone or unreadable: no names or calls are found in it */
      }
      sources.set(file, (src = { text, lines: undefined }));
    }
    return src;
  };
  const sourceLine = (file, line) => {
    const src = sourceOf(file);
    if (!src.lines) src.lines = src.text.split('\n');
    return src.lines[line - 1] || '';
  };
  const lineOf = (file, name) => {
    if (!name) return 1;
    const text = sourceOf(file).text;
    const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp('(\\bfunction\\s*\\*?\\s*' + esc + '\\b)|(\\b' + esc + '\\s*[:=]\\s*(async\\s*)?(function\\b|\\(|[A-Za-z_$][\\w$]*\\s*=>))|(^\\s*(async\\s+)?(static\\s+)?' + esc + '\\s*\\()', 'm');
    const m = re.exec(text);
    return m ? text.slice(0, m.index).split('\n').length : 1;
  };
  // Sends the sampled allocation per user function and hands the heap profile to `then` (undefined without one).
  const report = (then = () => {}) => {
    if (!started) return then(undefined);
    session.post('HeapProfiler.getSamplingProfile', (err, res) => {
      if (err || !res) return then(undefined);
      const sites = new Map();
      const walk = (node, userParent) => {
        const cf = node.callFrame;
        let url = cf.url;
        let lineNo = cf.lineNumber + 1;
        if (!url && cf.scriptId && cf.scriptId !== '0') {
          url = urls.get(cf.scriptId) || '';
          if (url) lineNo = lineOf(toFile(url), cf.functionName);
        }
        const file = toFile(url);
        // Bytes allocated inside library/internal code are charged to the nearest user function above it.
        const owner = isUser(file) ? { file, line: lineNo, function: cf.functionName || '(module)' } : userParent;
        if (owner && node.selfSize > 0) {
          const key = owner.file + '\0' + owner.line + '\0' + owner.function;
          const s = sites.get(key) || { ...owner, sizeBytes: 0 };
          s.sizeBytes += node.selfSize;
          sites.set(key, s);
        }
        for (const c of node.children || []) walk(c, owner);
      };
      walk(res.profile.head, undefined);
      const top = [...sites.values()].sort((a, b) => b.sizeBytes - a.sizeBytes).slice(0, 50);
      if (top.length) write('H\t' + JSON.stringify(top) + '\n');
      then(res.profile);
    });
  };
  const cpu = require('./memwise_cpu_lines.cjs').startCpuLines(session, { write, toFile, isUser, sourceLine });
  // Periodic reports too, so a run stopped at the memory cap still has attribution.
  // The heap profile goes with the CPU samples (which functions allocated); a same-thread session answers at once,
  // and the samples are sent even if it did not.
  const chunk = (again) => {
    let heap;
    report((h) => (heap = h));
    cpu.chunk(again, heap);
  };
  setInterval(() => chunk(true), 1000).unref();
  process.on('exit', () => chunk(false));
  process.on('uncaughtExceptionMonitor', (error) => {
    const frames = [];
    for (const line of String((error && error.stack) || '').split('\n').slice(1)) {
      const m = /^\s+at (?:(.*?) \()?(?:file:\/\/)?(\/[^:]+):(\d+):\d+\)?$/.exec(line);
      if (m && isUser(m[2])) frames.push({ file: m[2], line: Number(m[3]), function: m[1] || '<anonymous>' });
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    write('E\t' + JSON.stringify({ message, type: error && error.name, frames }) + '\n');
    report();
  });
}
