// Builds dist/chrome and dist/firefox (unpacked extensions) and their store zips from one source.
// `node build.mjs` builds once; `--watch` rebuilds on change. Other scripts import the helpers below.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { readDatasetFiles } from './tools/dataset-files.mjs';

const ROOT = dirname(fileURLToPath(import.meta.url));
const DIST = join(ROOT, 'dist');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** TypeScript modules of src/, bundled for Node and imported: `lines` are the bundle's exports. */
export async function bundleForNode(lines, out) {
  await esbuild.build({
    stdin: { contents: lines.join('\n'), resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'silent',
  });
  return import(`${pathToFileURL(out).href}?t=${Date.now()}`);
}

/** The pure core, bundled for Node, so that build, data checks and benchmarks share one matcher. */
export function loadCore() {
  return bundleForNode(
    [
      "export * from './src/core/dataset-load';",
      "export * from './src/core/matcher';",
      "export * from './src/core/validate-dataset';",
      "export * from './src/core/model';",
      "export * from './src/core/export-format';",
    ],
    join(ROOT, 'node_modules/.cache/tieline/core.mjs'),
  );
}

/** The bundled dataset from src/data, validated, with its content-hash version. */
export async function readBundledDataset(core, dataDir) {
  const files = readDatasetFiles(dataDir);
  const version = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 12);
  return core.loadBundledDataset(files, version);
}

/**
 * Content hash of the code that folds text and compiles matchers: a compiled matcher kept in
 * IndexedDB is only valid for the code that built it (the page folds its text with the same tables).
 */
function matcherCodeVersion() {
  const dir = join(ROOT, 'src/core/matcher');
  const files = ['src/core/normalize.ts', ...readdirSync(dir).sort().map((f) => `src/core/matcher/${f}`)];
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(readFileSync(join(ROOT, f)));
  return hash.digest('hex').slice(0, 12);
}

function manifestFor(target) {
  const m = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
  m.version = pkg.version;
  if (target === 'chrome') {
    delete m.background.scripts;
    delete m.browser_specific_settings;
  } else {
    delete m.background.service_worker;
    delete m.minimum_chrome_version;
    // Firefox has no dynamic URLs; its moz-extension:// origin is already random per install.
    for (const war of m.web_accessible_resources) delete war.use_dynamic_url;
  }
  return m;
}

/** The extension's pages are one shell each: a stylesheet, a mount point, a script (no inline code: MV3 CSP). */
const PAGE_TITLES = { popup: 'Tieline', card: 'Tieline', options: 'Tieline settings' };
function pageHtml(page) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${PAGE_TITLES[page]}</title>
<link rel="stylesheet" href="${page}.css">
</head>
<body>
<div id="app"></div>
<script src="${page}.js"></script>
</body>
</html>
`;
}

/** A store-ready zip (deflate), written without extra dependencies. */
function zipDir(dir, outFile) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(dir);
  const chunks = [];
  const central = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(relative(dir, file).split('\\').join('/'));
    const data = readFileSync(file);
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01: reproducible zips
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, name, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(0x00210000, 12);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + packed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(outFile, Buffer.concat([...chunks, ...central, end]));
}

export async function build({ quiet = false } = {}) {
  const t0 = performance.now();
  const core = await loadCore();
  const { dataset, problems } = await readBundledDataset(core);
  if (problems.length > 0) {
    throw new Error(`The bundled dataset has ${problems.length} problem(s):\n${core.describeProblems(problems, 20)}\n(run npm run data:check)`);
  }
  // The background's matcher for the bundled companies, compiled here rather than on the user's machine.
  const matcherBytes = core.serializeMatcher(core.buildMatcher(dataset.companies));

  rmSync(DIST, { recursive: true, force: true });
  const staging = join(DIST, '.bundle');
  await esbuild.build({
    entryPoints: {
      background: 'src/background/index.ts',
      content: 'src/content/index.ts',
      popup: 'src/popup/index.tsx',
      options: 'src/options/index.tsx',
      card: 'src/card/index.tsx',
      'popup-style': 'src/popup/popup.css',
      'options-style': 'src/options/options.css',
      'card-style': 'src/card/card.css',
    },
    absWorkingDir: ROOT,
    outdir: staging,
    bundle: true,
    format: 'iife',
    target: ['chrome120', 'firefox128'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    define: {
      __DATASET_VERSION__: JSON.stringify(dataset.version),
      __MATCHER_CODE_VERSION__: JSON.stringify(matcherCodeVersion()),
    },
    logLevel: 'warning',
  });

  const zips = [];
  for (const target of ['chrome', 'firefox']) {
    const out = join(DIST, target);
    mkdirSync(join(out, 'data'), { recursive: true });
    mkdirSync(join(out, 'icons'), { recursive: true });
    for (const f of ['background.js', 'content.js', 'popup.js', 'options.js', 'card.js']) cpSync(join(staging, f), join(out, f));
    for (const page of ['popup', 'options', 'card']) {
      cpSync(join(staging, `${page}-style.css`), join(out, `${page}.css`));
      writeFileSync(join(out, `${page}.html`), pageHtml(page));
    }
    for (const f of readdirSync(join(ROOT, 'icons')).filter((f) => f.endsWith('.png'))) cpSync(join(ROOT, 'icons', f), join(out, 'icons', f));
    cpSync(join(ROOT, 'src/content/marks.css'), join(out, 'marks.css'));
    cpSync(join(ROOT, 'src/_locales'), join(out, '_locales'), { recursive: true });
    writeFileSync(join(out, 'data/dataset.json'), JSON.stringify(dataset));
    writeFileSync(join(out, 'data/matcher.bin'), matcherBytes);
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifestFor(target), null, 2));
    const zip = join(DIST, `tieline-${target}-${pkg.version}.zip`);
    zipDir(out, zip);
    zips.push(zip);
  }
  rmSync(staging, { recursive: true, force: true });
  if (!quiet) {
    console.log(
      `Built dist/chrome and dist/firefox in ${Math.round(performance.now() - t0)} ms: ` +
        `${dataset.companies.length} companies, ${dataset.ties.length} ties, dataset ${dataset.version}, ` +
        `matcher ${(matcherBytes.length / 1024).toFixed(0)} KiB`,
    );
    for (const z of zips) console.log(`  ${relative(ROOT, z)} (${(statSync(z).size / 1024).toFixed(0)} KiB)`);
  }
  return { dataset };
}

async function watchAndRebuild() {
  await build().catch((e) => console.error(e.message));
  let timer;
  const rebuild = () => {
    clearTimeout(timer);
    timer = setTimeout(() => build().catch((e) => console.error(e.message)), 150);
  };
  for (const p of ['src', 'icons', 'manifest.json']) if (existsSync(join(ROOT, p))) watch(join(ROOT, p), { recursive: true }, rebuild);
  console.log('Watching src/, icons/ and manifest.json: Ctrl-C to stop.');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--watch')) await watchAndRebuild();
  else
    await build().catch((e) => {
      console.error(e.message);
      process.exit(1);
    });
}
