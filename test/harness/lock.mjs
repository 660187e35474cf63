// Machine-wide lock so concurrent integration runs (several engineers on one small
// machine) take turns instead of starving each other. mkdir is atomic; the dir
// holds the owner's pid so a crashed owner's lock can be recognised and broken.
import fs from 'node:fs';
import path from 'node:path';
import { cacheRoot } from './ensureCodeServer.mjs';

function ownerAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === 'EPERM'; // exists but belongs to someone else
  }
  // Guard against pid reuse: the owner must still be a node process.
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true;
  }
}

export async function acquireLock({ log, name = 'integration.lock', pollMs = 1000 } = {}) {
  fs.mkdirSync(cacheRoot(), { recursive: true });
  const dir = path.join(cacheRoot(), name);
  const pidFile = path.join(dir, 'pid');
  let announced = 0;
  const waitStart = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(dir);
      fs.writeFileSync(pidFile, `${process.pid}\n`);
      if (announced) log(`lock acquired after ${Math.round((Date.now() - waitStart) / 1000)} s`);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    let pid = NaN;
    try {
      pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    } catch {}
    // A lock dir without a pid yet may be mid-creation; only break it once it is old.
    const age = (() => {
      try {
        return Date.now() - fs.statSync(dir).mtimeMs;
      } catch {
        return 0;
      }
    })();
    if (Number.isNaN(pid) ? age > 10000 : !ownerAlive(pid)) {
      log(`breaking stale lock ${dir} (owner pid ${Number.isNaN(pid) ? 'unknown' : pid} is gone)`);
      // Rename first (atomic) so two waiters cannot both delete a freshly re-taken lock.
      const trash = `${dir}.stale-${process.pid}-${Date.now()}`;
      try {
        fs.renameSync(dir, trash);
        fs.rmSync(trash, { recursive: true, force: true });
      } catch {}
      continue;
    }
    if (Date.now() - announced > 30000) {
      log(`waiting for another integration run (pid ${pid}) to finish; lock ${dir}`);
      announced = Date.now();
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try {
      if (Number(fs.readFileSync(pidFile, 'utf8').trim()) === process.pid) fs.rmSync(dir, { recursive: true, force: true });
    } catch {}
  };
  process.on('exit', release); // last resort; signals are handled by the runner
  return release;
}
