import { expect, it } from 'vitest';
import { clickMention, painted, paintedCount, waitForPainted } from './harness/painted';
import { cardDocument, describeInBrowsers, tabIdOf } from './harness/setup';
import type { TestBrowser, TestPage } from './harness/types';

/**
 * Hostile pages (test/fixtures/hostile/), each checking itself: the page's own check passes and a
 * MutationObserver in the page's world sees no change by Tieline (its one element aside), in both
 * browsers. Tieline's longest slice on each page is printed, flagged when over 50 ms: a speed target
 * is a figure to read, not a timed assertion (it would fail on a busy machine, not on a regression).
 */
const results: string[] = [];

interface Slices {
  scans: number;
  longestMs: number;
  busyMs: number;
}

async function slices(page: TestPage): Promise<Slices> {
  return page.evaluate(() => {
    const scans = performance.getEntriesByName('tieline:scan') as PerformanceMeasure[];
    const shown = performance.getEntriesByName('tieline:paint-shown') as PerformanceMeasure[];
    const details = [...scans, ...shown].map((e) => e.detail as { longestSliceMs: number; busyMs: number });
    return {
      scans: scans.length,
      longestMs: Math.max(0, ...details.map((d) => d.longestSliceMs)),
      busyMs: details.reduce((n, d) => n + d.busyMs, 0),
    };
  });
}

async function open(browser: TestBrowser, url: string): Promise<TestPage> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitUntil(() => performance.getEntriesByName('tieline:scan').length > 0, undefined, 20_000);
  return page;
}

/** The checks every hostile page must pass, then its line in the results. */
async function finish(browser: TestBrowser, page: TestPage, name: string, note = ''): Promise<void> {
  const problems = await page.evaluate(() => (window as unknown as { __hostile: { check(): string[] } }).__hostile.check());
  const s = await slices(page);
  const count = await paintedCount(page);
  const slice = `${s.longestMs.toFixed(1).padStart(5)} ms${s.longestMs >= 50 ? ' (over 50 ms)' : ''}`;
  results.push(`${browser.name.padEnd(8)} ${name.padEnd(18)} ${problems.length === 0 ? 'pass' : 'FAIL'}  mentions ${String(count).padStart(6)}  longest slice ${slice}  ${note}`);
  expect(problems).toEqual([]);
  await page.close();
}

const only = (page: TestPage, within: string) => painted(page, within).then((m) => m.map(([id]) => id));

describeInBrowsers('hostile pages', (ctx) => {
  const url = (name: string) => ctx().article(`hostile/${name}.html`);

  it('5 MB of text: the lede at once, the end later, in short slices', async () => {
    const { browser } = ctx();
    const page = await open(browser, url('big-text'));
    await waitForPainted(page, 2, '#lede');
    await waitForPainted(page, 1, '#end', 30_000);
    expect(await only(page, '#lede')).toEqual(['openai', 'microsoft']);
    expect(await paintedCount(page, '#body')).toBe(10);
    await finish(browser, page, 'big-text');
  });

  it('200,000 text nodes', async () => {
    const { browser } = ctx();
    const page = await open(browser, url('many-nodes'));
    await waitForPainted(page, 1, '#lede');
    await waitForPainted(page, 1, '#end', 30_000);
    await finish(browser, page, 'many-nodes');
  });

  it('200,000 elements with a text each', async () => {
    const { browser } = ctx();
    const page = await open(browser, url('many-elements'));
    await waitForPainted(page, 1, '#lede');
    await waitForPainted(page, 1, '#end', 30_000);
    expect(await only(page, '#lede')).toEqual(['oracle-cloud']);
    expect(await only(page, '#end')).toEqual(['anthropic']);
    await finish(browser, page, 'many-elements');
  });

  it('5,000-deep nesting', async () => {
    const { browser } = ctx();
    const page = await open(browser, url('deep-nesting'));
    await waitForPainted(page, 1, '#bottom', 15_000);
    expect(await only(page, '#story')).toEqual(['google-cloud', 'anthropic']);
    await finish(browser, page, 'deep-nesting');
  });

  it('a page that rewrites its text every frame: Tieline keeps up within its budget', async () => {
    const { browser } = ctx();
    const page = await open(browser, url('restless'));
    await waitForPainted(page, 1, '#lede');
    const s0 = await slices(page);
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, 4000));
    const s1 = await slices(page);
    const perSecond = (s1.busyMs - s0.busyMs) / ((Date.now() - t0) / 1000);
    expect(await page.evaluate(() => (window as unknown as { __frames(): number }).__frames())).toBeGreaterThan(20);
    // At most 150 ms of work a second (one slice over the budget at most).
    expect(perSecond).toBeLessThan(200);
    // The feed's new items are painted as they come.
    expect(await paintedCount(page, '#feed')).toBeGreaterThan(0);
    await finish(browser, page, 'restless', `${perSecond.toFixed(0)} ms of work a second`);
  });

  it('an infinite-scroll feed of news items: new items are painted as they come', async () => {
    const { browser } = ctx();
    const page = await open(browser, url('infinite-scroll'));
    await waitForPainted(page, 10, '#feed');
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
      await new Promise((r) => setTimeout(r, 200));
    }
    await page.waitUntil(() => (window as unknown as { __items(): number }).__items() >= 30);
    await waitForPainted(page, 30, '#feed');
    await finish(browser, page, 'infinite-scroll');
  });

  it('pushState navigation: the new story is painted', async () => {
    const { browser } = ctx();
    const page = await open(browser, url('spa-navigation'));
    await waitForPainted(page, 1, '#first');
    await page.evaluate(() => (window as unknown as { __navigate(): void }).__navigate());
    await waitForPainted(page, 2, '#second');
    expect(await only(page, '#second')).toEqual(['xai', 'oracle-cloud']);
    await finish(browser, page, 'spa-navigation');
  });

  it('client-side hydration finds the server DOM as it was, and its later update is followed', async () => {
    const { browser } = ctx();
    const page = await open(browser, url('hydration'));
    await waitForPainted(page, 3, '#para');
    await page.evaluate(() => (window as unknown as { __hydrate(): boolean }).__hydrate());
    await page.evaluate(() => (window as unknown as { __update(): void }).__update());
    await page.waitUntil(() => !!CSS.highlights.get('tieline-microsoft-azure'));
    expect(await only(page, '#para')).toEqual(['anthropic', 'microsoft-azure']);
    await finish(browser, page, 'hydration');
  });

  it('React-style updates through kept text nodes: the page’s model and DOM agree, and no highlight sits inside a word', async () => {
    const { browser } = ctx();
    const page = await open(browser, url('react-updates'));
    await waitForPainted(page, 5, '#list');
    for (let i = 0; i < 40; i++) {
      await page.evaluate((n: number) => (window as unknown as { __step(i: number): void }).__step(n), i);
      if (i % 8 === 0) await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const texts = (await painted(page, '#list')).map(([, t]) => t);
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(['OpenAI', 'Nvidia', 'Oracle', 'Anthropic', 'Microsoft', 'CoreWeave', 'Google Cloud']).toContain(t);
    await finish(browser, page, 'react-updates');
  });

  it('editors and form fields are left alone', async () => {
    const { browser } = ctx();
    const page = await open(browser, url('editors'));
    await waitForPainted(page, 1, '#prose');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await only(page, '#story')).toEqual(['nvidia']);
    await finish(browser, page, 'editors');
  });

  it('script, style, template, pre, code, svg and hidden text are not read; text on screen but aria-hidden is', async () => {
    const { browser } = ctx();
    const page = await open(browser, url('skipped-regions'));
    await waitForPainted(page, 1, '#prose');
    await waitForPainted(page, 1, '#aria');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await painted(page, 'html')).toEqual([['nvidia', 'Nvidia'], ['microsoft', 'Microsoft']]);
    await finish(browser, page, 'skipped-regions');
  });

  it('DOM clobbering (form name="chrome", controls named parentNode...) breaks nothing; the card still opens', async () => {
    const { browser } = ctx();
    const page = await open(browser, url('clobbering'));
    await waitForPainted(page, 2, '#inside');
    await waitForPainted(page, 1, '#after');
    await clickMention(page, 'openai', '#inside');
    const card = await cardDocument(browser, page, 'openai');
    await card.waitUntil(() => document.querySelector('.company-name')?.textContent?.includes('OpenAI'));
    if (browser.name === 'firefox') await card.close();
    // Esc from the page: key presses into the card's extension frame stall in headless Chromium.
    await page.evaluate(() => (document.querySelector('tieline-ui') as HTMLElement).blur());
    await page.press('Escape');
    await finish(browser, page, 'clobbering');
  });

  it('page-made look-alikes (highlights under our names, <tieline-mark>, synthetic clicks) never reach the card or the popup', async () => {
    const { browser } = ctx();
    const page = await open(browser, url('fakes'));
    await waitForPainted(page, 1, '#prose');
    await new Promise((r) => setTimeout(r, 1200));
    await page.evaluate(() => (window as unknown as { __synthetic(): void }).__synthetic());
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.evaluate(() => !!document.querySelector('tieline-ui'))).toBe(false);
    const tabId = await tabIdOf(browser, url('fakes'));
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor('button[data-company="anthropic"]');
    const listed = await popup.evaluate(() => Array.from(document.querySelectorAll('[data-testid="company-list"] button'), (b) => (b as HTMLElement).dataset.company));
    expect(listed).not.toContain('evilcorp');
    expect(listed).not.toContain('evilcorp2');
    expect(listed).not.toContain('nvidia');
    await popup.close();
    await finish(browser, page, 'fakes');
  });

  it('* { all: unset !important }: painted, and the card shows', async () => {
    const { browser } = ctx();
    const page = await open(browser, url('all-unset'));
    await waitForPainted(page, 2, '#lede');
    await clickMention(page, 'anthropic', '#lede');
    await page.waitUntil(() => document.querySelector('tieline-ui')?.getAttribute('data-card') === 'ready');
    const shown = await page.evaluate(() => {
      const r = document.createRange();
      r.selectNodeContents(document.getElementById('lede')!);
      const b = r.getBoundingClientRect();
      return document.elementFromPoint(b.left + 20, b.bottom + 60)?.localName;
    });
    expect(shown).toBe('tieline-ui');
    await page.evaluate(() => (document.querySelector('tieline-ui') as HTMLElement).blur());
    await page.press('Escape');
    await finish(browser, page, 'all-unset');
  });

  it('RTL, bidi controls, combining marks, soft hyphens and joiners', async () => {
    const { browser } = ctx();
    const page = await open(browser, url('bidi-and-marks'));
    await waitForPainted(page, 2, '#rtl');
    await new Promise((r) => setTimeout(r, 500));
    expect(await only(page, '#rtl')).toEqual(['openai', 'microsoft']);
    expect(await only(page, '#bidi')).toEqual(['nvidia', 'oracle']);
    expect(await only(page, '#combining')).toEqual(['anthropic']);
    // Every painted range covers whole characters: none ends between a letter and its combining mark.
    const cut = await page.evaluate(() => {
      const bad: string[] = [];
      CSS.highlights.forEach((h, name) => {
        if (!name.startsWith('tieline-')) return;
        for (const r of h as unknown as Iterable<StaticRange>) {
          const t = (r.startContainer as Text).data;
          if (/^[\u0300-\u036f]/.test(t.slice(r.endOffset))) bad.push(t.slice(r.startOffset, r.endOffset + 1));
        }
      });
      return bad;
    });
    expect(cut).toEqual([]);
    await finish(browser, page, 'bidi-and-marks');
  });

  it('10,000 mentions in one text node, painted in short slices', async () => {
    const { browser } = ctx();
    const page = await open(browser, url('dense-mentions'));
    await waitForPainted(page, 10_000, '#dense', 30_000);
    await finish(browser, page, 'dense-mentions');
  });

  it('a body wrapped in one <form> is read; its controls are not', async () => {
    const { browser } = ctx();
    const page = await open(browser, url('form-wrapped'));
    await waitForPainted(page, 2, '#lede');
    await waitForPainted(page, 2, '#second');
    expect(await only(page, '#content')).toEqual(['anthropic', 'google-cloud', 'microsoft', 'openai']);
    expect(await paintedCount(page, '#header')).toBe(0);
    await finish(browser, page, 'form-wrapped');
  });

  it('prints the results', () => {
    console.log(`\nHostile pages:\n${results.join('\n')}\n`);
    expect(results.length).toBeGreaterThan(0);
  });
});
