// `npm start [-- --browser firefox] [-- --headless]`: build, serve the demo article, open a browser.
import * as esbuild from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from '../build.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--browser');
const browserName = at >= 0 ? args[at + 1] : 'chromium';
if (browserName !== 'chromium' && browserName !== 'firefox') {
  console.error('Usage: npm start [-- --browser chromium|firefox] [-- --headless]');
  process.exit(2);
}
const headless = args.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

await build();
// The demo driver shares the e2e harness (TypeScript): bundle it for Node first.
const out = join(ROOT, 'node_modules/.cache/tieline/demo.mjs');
await esbuild.build({
  entryPoints: [join(ROOT, 'tools/demo.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: out,
  logLevel: 'warning',
});
const { runDemo } = await import(pathToFileURL(out).href);
try {
  await runDemo(ROOT, browserName, headless);
} catch (e) {
  console.error(`The demo failed: ${e instanceof Error ? e.message : e}`);
  console.error('Is the browser installed? Chromium: /usr/lib/chromium/chromium, Firefox: /usr/bin/firefox-esr (see README).');
  process.exit(1);
}
