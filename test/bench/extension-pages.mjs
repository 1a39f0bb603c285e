// Runs extension-pages.ts (it uses the e2e harness, which is TypeScript): bundled for Node first.
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from '../../build.mjs';
import { ROOT } from './extension.mjs';

await build({ quiet: true });
const out = join(ROOT, 'node_modules', '.cache', 'tieline', 'extension-pages.mjs');
await esbuild.build({ entryPoints: [join(ROOT, 'test/bench/extension-pages.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: out, logLevel: 'warning' });
process.env.TIELINE_ROOT = ROOT;
await import(pathToFileURL(out).href);
