// Loading a large CommonJS bundle with V8's code cache. Compiling dist/jsParser.js (typescript-estree and
// the TypeScript compiler, ~4 MB) costs each fresh process or worker thread ~0.25 s of CPU before the first
// JS/TS file is parsed; with the code cache V8 saved after an earlier load, the same load costs about a
// third of that. The cache sits beside the bundle, named after the bundle's size and modification time and
// the V8 version (V8 checks its own version and the source length, not the source text, so a rebuilt
// bundle must never meet an old cache) and V8's cached-data tag, which also covers the V8 flags: V8 rejects
// a cache made under other flags, so the CLI (which tunes tier-up, cli/batchJit.ts) and the editor keep one
// cache each instead of overwriting each other's. Everything here is best effort: an unreadable, rejected or
// unwritable cache just means a normal compile, exactly what `require` would do.
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';

interface Loaded {
  exports: unknown;
  /** True when V8 accepted a cache saved by an earlier load. */
  fromCache: boolean;
  /** Call after the module has done representative work: saves the cache (with the functions compiled so far) if there was none. */
  saveCache(): void;
}

/** Where the cache of `file` lives (exported for tests). */
export function cacheFileFor(file: string): string | undefined {
  try {
    const st = fs.statSync(file);
    return `${file}.${st.size}-${Math.floor(st.mtimeMs)}-v8-${process.versions.v8.replace(/[^\w.-]/g, '_')}-${v8.cachedDataVersionTag()}.cache`;
  } catch {
    return undefined;
  }
}

export function loadWithCodeCache(file: string): Loaded {
  const cacheFile = cacheFileFor(file);
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile) cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
  const source = fs.readFileSync(file, 'utf8');
  // The same wrapper Node's CommonJS loader uses, so the bundle sees exports, require, module, __filename, __dirname.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const mod = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(mod.exports, createRequire(file), mod, file, path.dirname(file));
  const needsCache = !!cacheFile && (!cachedData || script.cachedDataRejected === true);
  return {
    exports: mod.exports,
    fromCache: !!cachedData && script.cachedDataRejected === false,
    saveCache() {
      if (!needsCache || !cacheFile) return;
      const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile); // atomic: a concurrent reader sees the old file or the whole new one
        // Caches of earlier builds of the same bundle are dead weight; another V8's or other flags' cache of
        // this build (the CLI's Node and the editor's Electron) is not.
        const base = path.basename(file);
        const build = path.basename(cacheFile).split('-v8-')[0];
        for (const f of fs.readdirSync(path.dirname(file))) {
          if (f.startsWith(`${base}.`) && f.endsWith('.cache') && !f.startsWith(`${build}-v8-`)) fs.rmSync(path.join(path.dirname(file), f), { force: true });
        }
      } catch {
        // a read-only install: every load compiles, as without a cache
        try {
          fs.rmSync(tmp, { force: true });
        } catch {
          // nothing was written
        }
      }
    },
  };
}
