// `npm test`: every check in order, each one counted; the last line is `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'test-output');
mkdirSync(OUT, { recursive: true });
const bin = (name) => join(ROOT, 'node_modules/.bin', name);

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function run(title, cmd, args) {
  console.log(`\n▶ ${title}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${title} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return ok;
}

/** A step that is one check. */
function check(title, cmd, args) {
  if (run(title, cmd, args)) passed++;
  else {
    failed++;
    failures.push(title);
  }
}

/** A vitest run: its tests count one by one (from its JSON report). */
function vitest(title, config) {
  const report = join(OUT, `${title.replace(/\W+/g, '-')}.json`);
  rmSync(report, { force: true });
  const ok = run(title, bin('vitest'), ['run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (!existsSync(report)) {
    failed++;
    failures.push(`${title}: no report`);
    return;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  for (const file of r.testResults) {
    for (const a of file.assertionResults) if (a.status === 'pending' || a.status === 'skipped' || a.status === 'todo') console.log(`  skipped: ${a.fullName}`);
  }
  for (const file of r.testResults) {
    for (const a of file.assertionResults) if (a.status === 'failed') failures.push(`${title}: ${a.fullName}`);
  }
  // A file that failed to load counts, even with no test in it.
  const broken = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed'));
  failed += broken.length;
  for (const f of broken) failures.push(`${title}: ${f.name} (${(f.message || 'failed to run').split('\n')[0]})`);
  if (!ok && r.numFailedTests === 0 && broken.length === 0) {
    failed++;
    failures.push(`${title}: runner failed`);
  }
}

check('typecheck extension (tsc --noEmit, strict, DOM types only)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
check('typecheck tests and tools (Node types)', bin('tsc'), ['--noEmit', '-p', 'test/tsconfig.json']);
check('lint (ESLint: layers of src/ as import zones, type-aware rules)', bin('eslint'), ['--max-warnings=0', '.']);
vitest('unit tests', 'test/vitest.unit.config.ts');
const built = run('build', process.execPath, ['build.mjs']);
if (built) passed++;
else {
  failed++;
  failures.push('build');
}
if (built) {
  check('web-ext lint dist/firefox', process.execPath, ['tools/lint-firefox.mjs']);
  vitest('e2e tests (Chromium, Firefox)', 'test/vitest.e2e.config.ts');
}

if (failures.length > 0) {
  console.log('\nFailed:');
  for (const f of failures) console.log(`  - ${f}`);
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
