// profileScript: run a Python or Node script under the Memwise sampler and return its run file.
// Memory comes from an external /proc poller (whole process tree, exact per-interval peaks); "which code"
// comes from a helper inside the interpreter, joined to the timeline by timestamp (same monotonic clock).
import { spawn, type ChildProcess, type SpawnOptions } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { assetPath } from '../assets';
import { locationAt, locationsPerSample } from './attribution';
import { addSourceText } from './sourceText';
import { HelperChannel } from './helperChannel';
import { LineKeeper, LineSplitter, OutputLog } from './outputCapture';
import { closeCgroup, containmentWarnings, joinOrDrop, leftoverProcesses } from './containmentReport';
import { openRunCgroup, type CgroupBox, type OpenResult } from './cgroupBox';
import { TreeStopper } from './treeStopper';
import { attributeByProcess, processRole } from './processAttribution';
import { describeCap } from './capContext';
import { nodeAttribution, nodeErrorFromLogs } from './nodeResults';
import { resolvedInterpreter } from './runInterpreter';
import { candidateFailure, findInterpreter, interpreterCandidates, isLauncherScript, noInterpreterError, probePython, scriptKind, typeScriptLoaderArgs, type Interpreter } from './interpreter';
import { createProcessTreeSampler, type ProcessReading, type ProcessTreeSampler } from './processTreeSampler';
import { RUN_SCHEMA, type LogLine, type ProcessRecord, type ProfileEvent, type RunFile } from './runFileTypes';
import { formatBytes } from './sizes';

export interface ProfileOptions {
  script: string;
  args: string[];
  cwd: string;
  interpreter?: string; // executable; default: resolved by findInterpreter (python3/python on PATH, node for .js/.mjs/.cjs)
  intervalMs?: number; // default 10
  memoryCapBytes?: number; // default 80% of physical RAM
  trace?: boolean; // tracemalloc top sites at the peak
  env?: NodeJS.ProcessEnv;
  stdin?: 'ignore' | 'inherit' | 'pipe'; // default 'ignore' → a script waiting on input gets EOF, never hangs
  onEvent?: (e: ProfileEvent) => void;
  signal?: AbortSignal; // abort kills the whole process tree
  /** Text fed to the script's stdin (then EOF); implies stdin 'pipe'. */
  stdinText?: string;
  /** Where interpreter decisions etc. are logged (the VS Code output channel, or nothing). */
  log?: (message: string) => void;
  /** Reset VmHWM after each read for exact per-interval peaks (default true; see docs/run-file.md). */
  exactIntervalPeaks?: boolean;
  /** Where all of the script's output is written as it arrives (the run keeps a bounded selection of lines). */
  logFile?: string;
  /** Keep measuring descendants still running when the script ends, until they exit (default: stop them). */
  waitChildren?: boolean;
  /** The script's output as it arrives, byte for byte (the CLI echoes it; `log` events carry lines cut at 4 KB). */
  onOutput?: (stream: 'stdout' | 'stderr', chunk: Buffer) => void;
  /** Run the tree in its own memory cgroup where one is writable (default 'auto'; see cgroupBox.ts). */
  cgroup?: 'auto' | 'off';
}

/** Monotonic seconds on the clock the helpers use (CLOCK_MONOTONIC on Linux: Python's time.monotonic). */
export function monoSeconds(): number {
  return Number(process.hrtime.bigint()) / 1e9;
}

const DEFAULT_INTERVAL_MS = 10;
const STDIN_HINT = 'the script read from stdin, but Memwise closes stdin (EOF) so a script waiting for input never hangs; pass the input via a file or an argument, or set memwise.profile.stdin to "prompt" (VS Code) / use --stdin inherit (CLI)';

export async function profileScript(opts: ProfileOptions): Promise<RunFile> {
  const cg = openRunCgroup(opts.cgroup ?? 'auto', capOf(opts), { ...process.env, ...opts.env });
  if (cg.box) opts.log?.(`Containment: cgroup ${cg.box.version} ${cg.box.dir}, kernel limit ${formatBytes(cg.box.hardLimitBytes ?? 0)}`);
  else opts.log?.(`Containment: process tree (${cg.reason ?? 'no cgroup'})`);
  // The cgroup goes whatever happens: a failed start, a throw, or (last resort, synchronously) Memwise exiting.
  const onExit = () => cg.box?.removeSync();
  process.once('exit', onExit);
  try {
    return await profileInside(opts, cg);
  } finally {
    process.removeListener('exit', onExit);
    await cg.box?.remove();
  }
}

function capOf(opts: ProfileOptions): number {
  return opts.memoryCapBytes ?? Math.round(os.totalmem() * 0.8);
}

async function profileInside(opts: ProfileOptions, cg: OpenResult): Promise<RunFile> {
  const log = opts.log ?? (() => undefined);
  let box: CgroupBox | undefined = cg.box;
  const cgroupWarnings = cg.warning ? [cg.warning] : [];
  const script = path.resolve(opts.cwd, opts.script);
  const kind = scriptKind(script);
  // Python: no probe process. The helper reports sys.executable and its version as its first record, which
  // saves a whole interpreter start (~15-25 ms) per run; candidates are tried in order at spawn time instead.
  // Node: the version picks TypeScript loader flags before spawning, so it is still probed.
  const nodeInterp: Interpreter | undefined = kind === 'node' ? await findInterpreter(script, opts.interpreter, log) : undefined;
  const sampler: ProcessTreeSampler = createProcessTreeSampler({ exactIntervalPeaks: opts.exactIntervalPeaks, extraPids: () => box?.pids() ?? [] });
  const intervalMs = Math.max(1, opts.intervalMs ?? DEFAULT_INTERVAL_MS);
  const totalMem = os.totalmem();
  const cap = capOf(opts);
  const emit = (e: ProfileEvent) => {
    try {
      opts.onEvent?.(e);
    } catch (err) {
      log(`A profile event listener threw: ${String(err)}`);
    }
  };

  const helperArgs =
    kind === 'python'
      ? [assetPath('python', 'memwise_helper.py'), script, ...opts.args]
      : [...typeScriptLoaderArgs(script, opts.cwd, nodeInterp!.version), '--require', assetPath('node', 'memwise_preload.cjs'), script, ...opts.args];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...opts.env,
    MEMWISE_FD: '3',
    MEMWISE_INTERVAL: String(intervalMs / 1000),
    MEMWISE_TRACE: opts.trace ? '1' : '0',
    MEMWISE_WAIT_CHILDREN: opts.waitChildren ? '1' : '0',
    // Line-buffered output, so every log line is timestamped when it is printed, not when a buffer fills.
    PYTHONUNBUFFERED: '1',
  };
  // The helper (and the Node preload) join the cgroup themselves before the script's first line runs.
  if (box) env.MEMWISE_CGROUP_PROCS = box.procsFile;

  const ownGroup = process.platform !== 'win32' && !(opts.stdin === 'inherit' && opts.stdinText === undefined && process.stdin.isTTY);
  // Set again right before the spawn that works, so a launcher's probe is not counted in the run's time.
  let startedAt = new Date().toISOString();
  let mono0 = monoSeconds();
  const spawnOptions: SpawnOptions = {
    cwd: opts.cwd,
    env,
    stdio: [opts.stdinText !== undefined ? 'pipe' : (opts.stdin ?? 'ignore'), 'pipe', 'pipe', 'pipe'],
    // Its own process group, so stopping it stops every child it started too — except when it reads this
    // terminal: a background process group reading a TTY gets SIGTTIN and would stop (hang) instead.
    detached: ownGroup,
    windowsHide: true,
  };
  const candidates = nodeInterp ? [nodeInterp.path] : interpreterCandidates('python', opts.interpreter);
  const failures: string[] = [];
  let child: ChildProcess | undefined;
  let exe = '';
  for (let candidate of candidates) {
    if (!nodeInterp && isLauncherScript(candidate, env)) {
      // A shim (pyenv, asdf): resolve it to the real interpreter first, so the shim's processes are not profiled.
      try {
        const real = await probePython(candidate);
        log(`Interpreter: ${candidate} is a launcher script → ${real.path} (Python ${real.version})`);
        candidate = real.path;
      } catch (err) {
        failures.push(candidateFailure(candidate, err));
        log(`Interpreter candidate ${failures[failures.length - 1]}`);
        continue;
      }
    }
    log(`Profiling: ${[candidate, ...helperArgs].join(' ')} (cwd ${opts.cwd}, interval ${intervalMs} ms, cap ${formatBytes(cap)})`);
    startedAt = new Date().toISOString();
    mono0 = monoSeconds();
    const c = spawn(candidate, helperArgs, spawnOptions);
    // 'spawn' or 'error' (ENOENT, EACCES) arrive on the next tick, before any output or 'exit' can.
    const failed = await new Promise<Error | undefined>((resolve) => {
      c.once('spawn', () => resolve(undefined));
      c.once('error', resolve);
    });
    if (!failed) {
      // Also moved from outside at once, in case the helper cannot write there; a no-op when it already did.
      if (box && c.pid) box = joinOrDrop(box, c.pid, cgroupWarnings);
      child = c;
      exe = candidate;
      break;
    }
    failures.push(candidateFailure(candidate, failed));
    log(`Interpreter candidate ${candidate} rejected: ${failures[failures.length - 1].slice(candidate.length + 2)}`);
  }
  if (!child) throw noInterpreterError(kind, script, failures);
  const command = [exe, ...helperArgs];
  // Read while the script runs, not after it exits (os.cpus() parses /proc/cpuinfo): the end of a run is on
  // the user's critical path, its start is not.
  const platform = { os: process.platform, release: os.release(), arch: process.arch, totalMemBytes: totalMem, cpus: os.cpus().length };
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  if (opts.stdinText !== undefined && child.stdin) {
    child.stdin.on('error', () => undefined); // the script may exit without reading it all
    child.stdin.end(opts.stdinText);
  }
  // Attached now: 'close' (all stdio pipes closed) can fire before 'exit' is handled.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const channel = new HelperChannel(mono0);
  const keeper = new LineKeeper();
  const outputLog = new OutputLog(opts.logFile);
  const t: number[] = [];
  const rss: number[] = [];
  const hwm: number[] = [];
  const procs = new Map<number, ProcessRecord & { series: { t: number[]; rss: number[] } }>();
  const procPeaks = new Map<number, number[]>(); // per-process interval peaks, aligned with series.t
  let peakBytes = 0;
  let peakT = 0;
  let stoppedAtCap = false;
  let capContext: string | undefined;
  let capHit: { peak: number; at: number } | undefined;
  let cancelled = false;
  const pid = child.pid ?? -1;
  const stopper = new TreeStopper(pid, ownGroup, box);
  let stopping: Promise<void> | undefined;
  if (pid > 0) emit({ type: 'start', pid, command, startedAt });

  // ---- logs: every byte to the log file; every line timestamped and streamed; a bounded set kept ------------
  // A flood of output arrives as back-to-back 64 KB reads (libuv reads up to 32 per wakeup), which would starve
  // the poll timer for seconds: the output handler polls itself when a tick is overdue.
  const pollIfOverdue = () => {
    if (running && monoSeconds() - mono0 - lastPoll >= intervalMs / 1000) pollOnce();
  };
  const lineSplitter = (stream: 'stdout' | 'stderr') => {
    let chunkT = 0; // one timestamp per chunk: its lines arrived together
    const splitter = new LineSplitter((text, dropped) => pushLog(stream, dropped ? `${text}… [${dropped} more bytes in the log file]` : text, chunkT));
    return {
      data(chunk: Buffer) {
        chunkT = monoSeconds() - mono0;
        outputLog.write(chunk);
        opts.onOutput?.(stream, chunk);
        splitter.push(chunk);
        pollIfOverdue();
      },
      end() {
        chunkT = monoSeconds() - mono0;
        splitter.end();
      },
    };
  };
  let lineCount = 0;
  const pushLog = (stream: 'stdout' | 'stderr', text: string, tt: number) => {
    const line: LogLine = { t: round(tt, 4), stream, text };
    keeper.add(line);
    emit({ type: 'log', line });
    if ((++lineCount & 4095) === 0) pollIfOverdue(); // a 64 KB chunk of blank lines is 65,536 lines
  };
  const out = lineSplitter('stdout');
  const err = lineSplitter('stderr');
  child.stdout?.on('data', out.data);
  child.stderr?.on('data', err.data);
  const fd3 = child.stdio[3] as NodeJS.ReadableStream | null;
  fd3?.setEncoding?.('utf8');
  fd3?.on('data', (c: string | Buffer) => channel.push(String(c)));
  fd3?.on('error', () => undefined);

  // ---- stopping the tree: SIGTERM, then SIGKILL, awaited before the run ends -------------------------------
  const killTree = (graceMs: number) => (stopping = stopper.stop(graceMs));
  const onAbort = () => {
    cancelled = true;
    log('Profile cancelled: stopping the process tree.');
    void killTree(1000);
  };
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  // ---- the poller: drift-compensated so the average rate stays at the requested one ---------------
  let running = true;
  let tick = 0;
  let pending: NodeJS.Timeout | undefined;
  let lastPoll = -Infinity;
  const pollOnce = () => {
    if (pid <= 0) return;
    const now = monoSeconds() - mono0;
    lastPoll = now;
    let readings: ProcessReading[];
    try {
      readings = sampler.read(pid);
    } catch (e) {
      log(`Sampler error: ${String(e)}`);
      return;
    }
    if (readings.length === 0) return;
    let total = 0;
    let totalPeak = 0;
    for (const r of readings) {
      total += r.rssBytes;
      totalPeak += r.intervalPeakBytes;
      stopper.track(r.pid);
      let rec = procs.get(r.pid);
      if (!rec) procs.set(r.pid, (rec = { pid: r.pid, ppid: r.ppid, command: r.command, peakBytes: 0, series: { t: [], rss: [] } }));
      if (r.command) rec.command = r.command;
      rec.peakBytes = Math.max(rec.peakBytes, r.intervalPeakBytes);
      rec.series.t.push(round(now, 4));
      rec.series.rss.push(r.rssBytes);
      let pk = procPeaks.get(r.pid);
      if (!pk) procPeaks.set(r.pid, (pk = []));
      pk.push(r.intervalPeakBytes);
    }
    t.push(round(now, 4));
    rss.push(total);
    hwm.push(totalPeak);
    if (totalPeak > peakBytes) {
      peakBytes = totalPeak;
      peakT = now;
    }
    const location = locationAt(channel.rootSamples, channel.codes, now);
    emit({ type: 'sample', t: round(now, 4), rss: total, peak: peakBytes, location });
    if (!stoppedAtCap && totalPeak >= cap) {
      stoppedAtCap = true;
      capHit = { peak: totalPeak, at: now };
      log(`Memory cap reached: ${formatBytes(totalPeak)} ≥ ${formatBytes(cap)} at ${now.toFixed(2)} s; stopping the process tree.`);
      // Short grace: memory may still be climbing, and the point of the cap is to stop before swapping.
      void killTree(300);
    }
  };
  let stopTimer = () => undefined as void;
  const timerDone = new Promise<void>((resolve) => {
    const startMs = performance.now();
    // At exit the child is already reaped (nothing left to read): stop now rather than sleep up to one
    // interval for the next tick. The helper's exit record covers the last interval's peak.
    stopTimer = () => {
      running = false;
      if (pending) clearTimeout(pending);
      pending = undefined;
      resolve();
    };
    const loop = () => {
      pending = undefined;
      if (!running) return resolve();
      // Skipped when the output handler polled a moment ago (see pollIfOverdue).
      if (monoSeconds() - mono0 - lastPoll >= intervalMs / 2000) pollOnce();
      tick++;
      const due = startMs + tick * intervalMs;
      let delay = due - performance.now();
      if (delay < -intervalMs * 5) {
        // Far behind (event loop blocked): skip the missed ticks instead of bursting.
        tick = Math.ceil((performance.now() - startMs) / intervalMs);
        delay = startMs + tick * intervalMs - performance.now();
      }
      pending = setTimeout(loop, Math.max(0, delay));
    };
    loop();
  });

  // ---- wait for the end ---------------------------------------------------------------------------
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, sig) => resolve({ code, signal: sig })),
  );
  const first = await Promise.race([exited, spawnError.then((e) => ({ error: e }))]);
  if ('error' in first) {
    stopTimer();
    await timerDone;
    sampler.dispose();
    throw new Error(`Could not start ${exe}: ${first.error.message}`);
  }
  const { code: exitCode, signal } = first;
  const exitT = monoSeconds() - mono0;
  // The rest of the tree is still polled while it ends: a child that ignores SIGTERM keeps counting (and can
  // still hit the cap) until its SIGKILL. What still runs after the script is stopped, or waited for.
  const strays = cancelled || stoppedAtCap ? [] : stopper.survivors();
  if (strays.length && opts.waitChildren) {
    log(`Waiting for ${strays.length} process(es) of the tree still running after the script ended (--wait-children).`);
    while (stopper.survivors().length && !stopping) await delay(50);
  } else if (strays.length) {
    // Descendants the helper could not reach (Node scripts, or ones that escaped before the subreaper was set).
    log(`Stopping ${strays.length} process(es) of the tree still running after the script ended: ${strays.join(', ')}`);
    void killTree(500);
  }
  // The SIGKILL follow-up goes out before the run ends (and before a CLI that awaits the run can exit).
  if (stopping) await stopping;
  stopTimer();
  await timerDone;
  sampler.dispose();
  // Let the pipes drain (the helper's last records, the final log lines). Orphans that still hold them
  // open are stopped: the profile covers the tree, and a profiler must not leave processes behind.
  const drained = await Promise.race([closed.then(() => true), delay(1500).then(() => false)]);
  if (!drained) {
    log('Some processes of the tree outlived the script and kept its output open; stopping them.');
    await killTree(200);
    await Promise.race([closed, delay(1500)]);
  }
  const containment = await closeCgroup(box, cg.reason, cgroupWarnings);
  if (containment.oomKills && !stoppedAtCap) {
    stoppedAtCap = true;
    capContext = `the kernel's cgroup limit (${formatBytes(containment.hardLimitBytes ?? 0)}) killed ${containment.oomKills} process(es) before Memwise's own stop at the cap`;
  }
  const leftovers = leftoverProcesses(channel, strays, (p) => procs.get(p)?.command ?? '', opts.waitChildren ? 'waited' : 'stopped');
  out.end();
  err.end();
  channel.end();
  outputLog.close();
  const logs = keeper.lines();
  opts.signal?.removeEventListener('abort', onAbort);
  const durationS = monoSeconds() - mono0;
  const interp = resolvedInterpreter(kind, script, exe, nodeInterp, channel, { exitCode, signal, logs, stopped: cancelled || stoppedAtCap }, log);
  if (capHit) {
    // Described after the helper's last records arrived (it flushes on SIGTERM), with the timeline up to the cap.
    const n = t.findIndex((x) => x > capHit!.at);
    const upto = n < 0 ? t.length : n;
    capContext = describeCap(capHit.peak, cap, capHit.at, t.slice(0, upto), rss.slice(0, upto), hwm.slice(0, upto), channel, locationAt(channel.rootSamples, channel.codes, capHit.at));
    log(`Memory cap: ${capContext}`);
  }

  // The helper's own VmHWM at exit covers the last poll interval (a spike just before exiting).
  if (channel.exitPeak && channel.exitPeak.bytes > 0) {
    const candidate = channel.exitPeak.bytes;
    if (candidate > peakBytes) {
      peakBytes = candidate;
      peakT = channel.exitPeak.t;
    }
    const root = procs.get(pid);
    if (root) root.peakBytes = Math.max(root.peakBytes, channel.exitPeak.bytes);
  }

  // Killed by the kernel at the cgroup's limit between two polls: the /proc peak missed that climb. The cgroup's
  // peak is then the floor (page cache is reclaimed before an OOM kill, so it is mostly the tree's own memory).
  if (containment.oomKills && (containment.cgroupPeakBytes ?? 0) > peakBytes) {
    peakBytes = containment.cgroupPeakBytes!;
    peakT = exitT;
    cgroupWarnings.push("the peak is the cgroup's: the kernel killed the tree at the cgroup limit between two samples, so the timeline does not show the climb");
  }
  const perProcess = [...procs.values()].map((p) => ({ pid: p.pid, ppid: p.ppid, t: p.series.t, rss: p.series.rss, peak: procPeaks.get(p.pid) ?? [] }));
  // Node: RSS growth per line from the CPU profile's line samples, as for Python; V8's sampled allocation is a
  // separate figure (bytes allocated, freed ones included). Only an old preload without samples falls back to it.
  const { lines, functions } =
    kind === 'python' || channel.samples.length ? attributeByProcess(t, perProcess, pid, channel.samples, channel.codes) : nodeAttribution(channel);
  addSourceText(lines);
  for (const p of procs.values()) p.role = processRole(p, pid, channel.roles);
  const run: RunFile = {
    schema: RUN_SCHEMA,
    peakBytes,
    peakT: round(peakT, 4),
    samples: { t, rss },
    processes: [...procs.values()],
    lines,
    functions,
    logs,
    exitCode,
    signal,
    durationS: round(durationS, 4),
    stoppedAtCap,
    memoryCapBytes: cap,
    startedAt,
    script,
    cwd: opts.cwd,
    command,
    interpreter: interp,
    platform,
    sampling: {
      requestedIntervalMs: intervalMs,
      achievedHz: t.length > 1 ? round((t.length - 1) / Math.max(1e-9, t[t.length - 1] - t[0]), 1) : 0,
      sampleCount: t.length,
      peakMethod: sampler.peakMethod,
    },
  };
  run.samples.peak = hwm;
  if (kind === 'node' && channel.heapSites?.length) run.sampledAllocations = channel.heapSites;
  if (channel.samples.length) {
    const per = locationsPerSample(t, channel.rootSamples, channel.codes);
    run.samples.loc = per.loc;
    run.locations = per.locations;
  }
  run.sampling!.locationSamples = channel.samples.length;
  if (capContext) run.capContext = capContext;
  if (cancelled) run.cancelled = true;
  run.containment = containment;
  const warnings = [...channel.warnings, ...cgroupWarnings, ...containmentWarnings(kind, channel, { exitCode, stopped: cancelled || stoppedAtCap, processes: procs.size, cgroup: !!box })];
  if (outputLog.error) warnings.push(`the script's output could not be written to its log file (${outputLog.error}); the run keeps ${logs.length} of its lines`);
  if (warnings.length) run.warnings = warnings;
  if (keeper.omitted > 0) run.logsOmitted = keeper.omitted;
  if (opts.logFile && !outputLog.error) run.logFile = opts.logFile;
  if (leftovers.length) run.leftovers = leftovers;
  if (channel.trace) {
    const tr = channel.trace;
    run.trace = {
      overheadNote:
        `tracemalloc (1 frame) was on for the whole run: expect ~4x run time and ~2.7x peak memory compared with a normal profile. ` +
        `Top sites are from the last affordable snapshot at ${tr.t ? round(tr.t - mono0, 2) : '?'} s (${formatBytes(tr.tracedBytes)} traced); ` +
        `${tr.snapshots} snapshot(s) took ${tr.snapshotSeconds.toFixed(2)} s` +
        (tr.skipped ? `; ${tr.skipped} later chance(s) to snapshot a higher peak were skipped because a snapshot would have pushed the snapshot time over 10% of the run time` : ''),
      top: tr.top,
    };
  } else if (opts.trace && kind === 'python') {
    run.trace = { overheadNote: 'tracemalloc was on, but no snapshot was taken (traced memory never passed 1 MB).', top: [] };
  }
  if (channel.error) {
    let message = channel.error.message;
    if (channel.error.type === 'EOFError' && (opts.stdin ?? 'ignore') === 'ignore' && opts.stdinText === undefined) message += ` — ${STDIN_HINT}`;
    run.error = { message, frames: channel.error.frames };
  } else if (kind === 'node' && exitCode !== 0 && exitCode !== null) {
    const e = nodeErrorFromLogs(logs);
    if (e) run.error = e;
  }
  emit({ type: 'end', run });
  return run;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A timeout that doesn't keep the process alive (the CLI exits as soon as the run is done). */
function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}
