#!/usr/bin/env node
// Regenerate the Tieline toolbar/store PNG icons from the SVG sources in icons/.
//
//   node tools/make-icons.mjs                      # writes icons/icon-*.png
//   node tools/make-icons.mjs --preview out.png    # also writes a light/dark preview sheet
//
// Sources:
//   icons/tieline.svg        full design   -> 48, 128
//   icons/tieline-small.svg  pixel-tuned   -> 16, 32 (and the greyed "-off" variants)
// The "-off" variants ("disabled on this site") are produced by swapping the brand
// colours for neutral greys in the SVG text and rasterising at reduced opacity, so the
// greyed badge recedes on both light and dark toolbars.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ICONS = join(ROOT, 'icons');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium';

/** Brand colour -> greyed colour, for the "off" variants. */
const OFF_COLOURS = {
  '#0f766e': '#7c8187', // badge fill
  '#0b5e58': '#676c71', // badge rim
  '#5eead4': '#d7dadd', // accent node
};

/** Whole-icon opacity of the "off" variants (kept in the PNG alpha channel). */
const OFF_OPACITY = 0.7;

const TARGETS = [
  { out: 'icon-16.png', src: 'tieline-small.svg', size: 16 },
  { out: 'icon-32.png', src: 'tieline-small.svg', size: 32 },
  { out: 'icon-48.png', src: 'tieline.svg', size: 48 },
  { out: 'icon-128.png', src: 'tieline.svg', size: 128 },
  { out: 'icon-16-off.png', src: 'tieline-small.svg', size: 16, off: true },
  { out: 'icon-32-off.png', src: 'tieline-small.svg', size: 32, off: true },
];

function toOff(svg) {
  let s = svg;
  for (const [from, to] of Object.entries(OFF_COLOURS)) s = s.replaceAll(new RegExp(from, 'gi'), to);
  return s;
}

const dataUrl = (buf, mime) => `data:${mime};base64,${Buffer.from(buf).toString('base64')}`;

async function rasterise(page, svgText, size, opacity = 1) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<!doctype html><html><head><style>
       html,body{margin:0;padding:0;background:transparent;overflow:hidden}
       img{display:block;width:${size}px;height:${size}px;opacity:${opacity}}
     </style></head><body><img id="i" src="${dataUrl(svgText, 'image/svg+xml')}"></body></html>`,
  );
  await page.waitForFunction(() => {
    const img = document.getElementById('i');
    return img.complete && img.naturalWidth > 0;
  });
  return page.screenshot({ clip: { x: 0, y: 0, width: size, height: size }, omitBackground: true });
}

async function renderPreview(page, pngs, outPath) {
  const img = (name, px, extra = '') =>
    `<img src="${dataUrl(pngs[name], 'image/png')}" style="width:${px}px;height:${px}px;${extra}">`;
  const pix = 'image-rendering:pixelated';
  const strip = (bg, fg, label) => `
    <div class="strip" style="background:${bg};color:${fg}">
      <div class="lbl">${label}</div>
      <div class="row">
        <span class="tb">${img('icon-16.png', 16)} ${img('icon-16-off.png', 16)} <i>16 on/off (toolbar, 1x)</i></span>
        ${img('icon-32.png', 32)} ${img('icon-32-off.png', 32)} ${img('icon-48.png', 48)} ${img('icon-128.png', 128)}
      </div>
      <div class="row">
        ${img('icon-16.png', 128, pix)} ${img('icon-16-off.png', 128, pix)} ${img('icon-32.png', 128, pix)}
        <i>16 on / 16 off at 8x, 32 at 4x</i>
      </div>
    </div>`;
  const html = `<!doctype html><html><head><style>
      body{margin:0;font:12px system-ui,sans-serif}
      .strip{padding:12px 16px}
      .lbl{font-weight:600;margin-bottom:8px}
      .row{display:flex;align-items:center;gap:16px;margin:8px 0}
      .tb{display:inline-flex;align-items:center;gap:8px}
      img{display:block}
    </style></head><body>
    ${strip('#ffffff', '#202124', 'Light toolbar (#ffffff)')}
    ${strip('#f1f3f4', '#202124', 'Chrome light frame (#f1f3f4)')}
    ${strip('#202124', '#e8eaed', 'Chrome dark (#202124)')}
    ${strip('#2b2a33', '#fbfbfe', 'Firefox dark (#2b2a33)')}
    </body></html>`;
  await page.setViewportSize({ width: 760, height: 400 });
  await page.setContent(html);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await page.screenshot({ path: outPath, fullPage: true });
}

async function main() {
  const args = process.argv.slice(2);
  const pi = args.indexOf('--preview');
  const previewPath = pi >= 0 ? resolve(args[pi + 1] || '/tmp/icon-preview.png') : null;

  await mkdir(ICONS, { recursive: true });
  const sources = {};
  for (const t of TARGETS) sources[t.src] ??= await readFile(join(ICONS, t.src), 'utf8');

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext({ deviceScaleFactor: 1 });
    const page = await context.newPage();
    const pngs = {};
    for (const t of TARGETS) {
      const svg = t.off ? toOff(sources[t.src]) : sources[t.src];
      const png = await rasterise(page, svg, t.size, t.off ? OFF_OPACITY : 1);
      pngs[t.out] = png;
      await writeFile(join(ICONS, t.out), png);
      console.log(`wrote icons/${t.out} (${t.size}x${t.size}, ${png.length} bytes)`);
    }
    if (previewPath) {
      await renderPreview(page, pngs, previewPath);
      console.log(`wrote ${previewPath}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
