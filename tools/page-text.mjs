// Dumps the visible text of saved corpus pages (`document.body.innerText` in headless Chromium, the
// pages' own scripts blocked, drop-down lists left out) for labelling: `node tools/page-text.mjs OUT_DIR aeb/ID [aeb/ID ...]`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const [out, ...ids] = process.argv.slice(2);
const corpus = resolve(process.env.TIELINE_CORPUS ?? '../shared/corpus');
mkdirSync(out, { recursive: true });
const server = await serve({ '/': corpus }, { blockScripts: true });
const browser = await chromium.launch({
  executablePath: '/usr/lib/chromium/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.route('**/*', (r) => (r.request().url().startsWith(`http://127.0.0.1:${server.port}/`) ? r.continue() : r.abort()));
for (const id of ids) {
  await page.goto(`http://127.0.0.1:${server.port}/${id}.html`, { waitUntil: 'load' });
  // A closed <select> shows one option, but innerText reads them all: not visible text.
  const text = await page.evaluate(() => {
    for (const s of document.querySelectorAll('select')) s.remove();
    return document.body.innerText;
  });
  writeFileSync(join(out, `${id.replace(/^aeb\//, '').slice(0, 12)}.txt`), text.replace(/\n{3,}/g, '\n\n'));
  console.log(id, text.length);
}
await browser.close();
await server.close();
