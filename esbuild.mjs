// One build for everything Memwise ships:
//   dist/extension.js  the VS Code extension (CommonJS, `vscode` external)
//   dist/cli.js        the `memwise` command line (node, with a shebang): a launcher of dist/cliMain.js
//   dist/webview.js    the chart/report UI (browser IIFE), shared by the webview panel and the HTML report
//   dist/*.wasm, dist/python/, dist/node/   runtime assets the bundles load from beside themselves
// Flags: --watch (rebuild on change), --production (minified, with sourcemaps), --tests (also transpile
// extension/src and test/ into out/ for mocha; tests import the core modules directly).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');
const dist = path.join(root, 'dist');

/** Runtime files the bundles read from disk at run time (they cannot be inlined). */
const assets = [
  { from: 'node_modules/web-tree-sitter/tree-sitter.wasm', to: 'tree-sitter.wasm' },
  { from: 'node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm', to: 'tree-sitter-python.wasm' },
  { dir: 'extension/python', to: 'python', filter: (f) => f.endsWith('.py') },
  { dir: 'extension/node', to: 'node', filter: (f) => f.endsWith('.js') || f.endsWith('.cjs') },
];

function copyAssets() {
  fs.mkdirSync(dist, { recursive: true });
  for (const a of assets) {
    if (a.from) {
      fs.copyFileSync(path.join(root, a.from), path.join(dist, a.to));
      continue;
    }
    const src = path.join(root, a.dir);
    if (!fs.existsSync(src)) continue;
    const out = path.join(dist, a.to);
    fs.mkdirSync(out, { recursive: true });
    for (const f of fs.readdirSync(src)) {
      if (a.filter(f)) fs.copyFileSync(path.join(src, f), path.join(out, f));
    }
  }
}

const common = {
  bundle: true,
  sourcemap: production ? 'linked' : 'inline',
  minify: production,
  logLevel: 'warning',
  // Keep the bundled libraries' license notices (typescript, typescript-estree, uPlot…) beside each bundle.
  legalComments: 'external',
  // jsonc-parser's default (UMD) build hides its modules behind a dynamic require that bundles cannot follow;
  // bundles take its ESM build (tests run unbundled on the UMD build, which Node loads fine).
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

const bundles = [
  {
    ...common,
    entryPoints: [path.join(root, 'extension/src/extension.ts')],
    outfile: path.join(dist, 'extension.js'),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    // The `memwise` bin: a small launcher that loads dist/cliMain.js through V8's code cache (cliLauncher.ts).
    ...common,
    entryPoints: [path.join(root, 'extension/src/cliLauncher.ts')],
    outfile: path.join(dist, 'cli.js'),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: false,
  },
  {
    ...common,
    entryPoints: [path.join(root, 'extension/src/cli.ts')],
    outfile: path.join(dist, 'cliMain.js'),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Linked even in development: the CLI starts once per `memwise profile` run, and an inline map (~1.5 MB of
    // base64 in a comment) costs ~5 ms of reading and scanning at every start; --enable-source-maps reads the
    // linked file only when a stack trace needs it.
    sourcemap: 'linked',
  },
  {
    // typescript-estree + typescript, required at run time on the first JS/TS file (lint/js/parser.ts), so
    // activation does not load several MB. No source map: it would be tens of MB of someone else's code.
    ...common,
    entryPoints: [path.join(root, 'extension/src/core/lint/js/parserEntry.ts')],
    outfile: path.join(dist, 'jsParser.js'),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: false,
    minify: true,
  },
  {
    ...common,
    entryPoints: [path.join(root, 'webview/src/main.ts')],
    outfile: path.join(dist, 'webview.js'),
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    // The report inlines this bundle into one HTML file, so a linked map would dangle there.
    sourcemap: production ? false : 'inline',
    loader: { '.css': 'text' },
  },
];

/** Every .ts under a folder, for the test transpile. */
function tsFiles(dir) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    // Fixtures are inputs to lint, not code to run (some are deliberately broken).
    if (e.isDirectory()) {
      if (e.name !== 'fixtures') out.push(...tsFiles(p));
    }
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function testBuild() {
  // Transpile only (no bundling): tests import the same core modules the bundles contain.
  return {
    entryPoints: [...tsFiles(path.join(root, 'extension/src')), ...tsFiles(path.join(root, 'test')), ...tsFiles(path.join(root, 'bench'))],
    outdir: path.join(root, 'out'),
    outbase: root,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  };
}

/**
 * The launcher runs the CLI bundle as a vm.Script (for its code cache, extension/src/cliLauncher.ts), where Node 20
 * cannot run `import()`: it fails at run time with "A dynamic import callback was not specified". Our own code
 * must use require(); a library's import() on a path we never take (web-tree-sitter's Language.load of a file
 * name: we hand it bytes) is left alone. esbuild heads each module with a `// path` comment (not when minified).
 */
function checkNoDynamicImport(file) {
  if (production) return;
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(?<![\w$.])import\(/g)) {
    const module = [...text.slice(0, m.index).matchAll(/^\/\/ (\S+\.[cm]?[jt]s)$/gm)].at(-1)?.[1] ?? '?';
    if (module.startsWith('node_modules/')) continue;
    console.error(`[memwise-build] ${module}: a dynamic import() cannot run in the CLI bundle under its launcher; use require().`);
    process.exit(1);
  }
}

const started = Date.now();
copyAssets();
if (watch) {
  const contexts = await Promise.all([...bundles, ...(tests ? [testBuild()] : [])].map((o) => esbuild.context(o)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[memwise-build] watching for changes…');
} else {
  await Promise.all([...bundles, ...(tests ? [testBuild()] : [])].map((o) => esbuild.build(o)));
  fs.chmodSync(path.join(dist, 'cli.js'), 0o755);
  checkNoDynamicImport(path.join(dist, 'cliMain.js'));
  console.log(`[memwise-build] ${production ? 'production ' : ''}build done in ${Date.now() - started} ms`);
}
