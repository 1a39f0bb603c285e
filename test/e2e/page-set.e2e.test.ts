import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { painted } from './harness/painted';
import { scorePage, totals, type LabelledPage, type PageScore } from './harness/score-pages';
import { describeInBrowsers, ROOT } from './harness/setup';

/**
 * Detection quality on real news pages: the built extension in each browser, on 44 saved pages of
 * ../shared/corpus/aeb/ whose visible text was labelled by hand (two independent counters and a third
 * who settled their differences; test/fixtures/pages/). The whole visible text was labelled, so the
 * extension reads the whole page (scope "page"). Figures go to test-output/page-set-<browser>.json.
 *
 * The floors are the detection issue's targets: precision 0.97, recall 0.92, recall on tech companies
 * 0.95, and no trap word highlighted.
 */
const FLOORS = { precision: 0.97, recall: 0.92, techRecall: 0.95 };

const LABELS = join(ROOT, 'test/fixtures/pages/labels');
const pages: LabelledPage[] = readdirSync(LABELS)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(LABELS, f), 'utf8')) as LabelledPage);

const paintedBy = new Map<string, Map<string, [string, string][]>>();

describeInBrowsers('the labelled page set', (ctx) => {
  it(`scores ${pages.length} real pages against their labels`, async () => {
    const { browser, port } = ctx();
    const options = await browser.openExtensionPage('options.html');
    await options.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const { settings } = await api.storage.local.get('settings');
      await api.storage.local.set({ settings: { ...(settings as object), scope: 'page' } });
    });
    await options.close();
    const page = await browser.newPage();
    const scores: PageScore[] = [];
    const mine = new Map<string, [string, string][]>();
    for (const label of pages) {
      await page.goto(`http://techcrunch.com:${port}/corpus/${label.id}.html`);
      await page.waitUntil(() => document.readyState === 'complete' && performance.getEntriesByName('tieline:scan').length > 0, undefined, 20_000);
      // Hidden text is looked at again a second after load (Firefox styles late without network).
      await new Promise((r) => setTimeout(r, 1500));
      const got = await painted(page);
      mine.set(label.id, got);
      scores.push(scorePage(label, got));
    }
    await page.close();
    paintedBy.set(browser.name, mine);
    const t = totals(scores);
    writeFileSync(join(ROOT, `test-output/page-set-${browser.name}.json`), JSON.stringify({ totals: t, pages: scores }, null, 2));
    console.log(
      `[${browser.name}] page set: ${t.pages} pages, precision ${t.precision.toFixed(3)}, recall ${t.recall.toFixed(3)}, ` +
        `tech recall ${t.techRecall.toFixed(3)}, trap words highlighted ${t.trapHits} (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`,
    );
    expect(t.precision).toBeGreaterThanOrEqual(FLOORS.precision);
    expect(t.recall).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(t.techRecall).toBeGreaterThanOrEqual(FLOORS.techRecall);
    expect(scores.filter((s) => s.trapHits.length > 0).map((s) => `${s.id}: ${s.trapHits.join(", ")}`)).toEqual([]);
    // The browser that runs second compares: the same mentions on every page.
    const other = paintedBy.get(browser.name === 'firefox' ? 'chromium' : 'firefox');
    if (other) {
      const differing = pages.filter((p) => JSON.stringify(mine.get(p.id)) !== JSON.stringify(other.get(p.id))).map((p) => p.id);
      expect(differing).toEqual([]);
    }
  }, 300_000);
});
