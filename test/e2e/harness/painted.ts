import type { TestPage } from './types';

/**
 * The DOM contract, read from the page's main world as any page could: every painted mention is a
 * range in `CSS.highlights` under `tieline-<companyId>`; `tieline`, `tieline-background`,
 * `tieline-focus` and `tieline-first` only style. Mentions in document order, as [companyId, text].
 */
export function painted(page: TestPage, within?: string): Promise<[string, string][]> {
  return page.evaluate((sel: string | null) => {
    const style = new Set(['tieline', 'tieline-background', 'tieline-focus', 'tieline-first']);
    const root = sel ? document.querySelector(sel) : document.body;
    const found: { id: string; text: string; node: Node; at: number }[] = [];
    CSS.highlights.forEach((h, name) => {
      if (!name.startsWith('tieline-') || style.has(name)) return;
      for (const r of h as unknown as Iterable<StaticRange>) {
        if (!root || !root.contains(r.startContainer)) continue;
        found.push({ id: name.slice('tieline-'.length), text: (r.startContainer as Text).data.slice(r.startOffset, r.endOffset), node: r.startContainer, at: r.startOffset });
      }
    });
    found.sort((a, b) => (a.node === b.node ? a.at - b.at : a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    return found.map((f) => [f.id, f.text] as [string, string]);
  }, within ?? null);
}

/** How many mentions are painted (under `within`). */
export async function paintedCount(page: TestPage, within?: string): Promise<number> {
  return (await painted(page, within)).length;
}

/** Wait until at least `n` mentions are painted (under `within`). */
export async function waitForPainted(page: TestPage, n: number, within?: string, timeoutMs?: number): Promise<void> {
  await page.waitUntil(
    ([min, sel]: [number, string | null]) => {
      const style = new Set(['tieline', 'tieline-background', 'tieline-focus', 'tieline-first']);
      const root = sel ? document.querySelector(sel) : document.body;
      let count = 0;
      CSS.highlights.forEach((h, name) => {
        if (!name.startsWith('tieline-') || style.has(name)) return;
        for (const r of h as unknown as Iterable<StaticRange>) if (root?.contains(r.startContainer)) count++;
      });
      return count >= min;
    },
    [n, within ?? null] as [number, string | null],
    timeoutMs,
  );
}

/** The centre of the nth painted mention of a company (under `within`), in viewport coordinates, scrolled into view. */
export function mentionPoint(page: TestPage, companyId: string, within?: string, nth = 0): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ([id, sel, index]: [string, string | null, number]) => {
      const h = CSS.highlights.get(`tieline-${id}`) as unknown as Iterable<StaticRange> | undefined;
      if (!h) return null;
      const root = sel ? document.querySelector(sel) : document.body;
      const ranges = [...h].filter((r) => root?.contains(r.startContainer));
      ranges.sort((a, b) => (a.startContainer === b.startContainer ? a.startOffset - b.startOffset : a.startContainer.compareDocumentPosition(b.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      const s = ranges[index];
      if (!s) return null;
      const live = document.createRange();
      live.setStart(s.startContainer, s.startOffset);
      live.setEnd(s.endContainer, s.endOffset);
      let box = live.getClientRects()[0];
      if (box.top < 0 || box.bottom > innerHeight) {
        (s.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        box = live.getClientRects()[0];
      }
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    [companyId, within ?? null, nth] as [string, string | null, number],
  );
}

/** Click the nth painted mention of a company with the real mouse. */
export async function clickMention(page: TestPage, companyId: string, within?: string, nth = 0, modifiers: string[] = []): Promise<void> {
  const at = await mentionPoint(page, companyId, within, nth);
  if (!at) throw new Error(`no painted mention of ${companyId}${within ? ` in ${within}` : ''}`);
  await page.clickAt(at.x, at.y, modifiers);
}

/** Whether Tieline's one element (the closed-shadow host of the card and keyboard focus) is in the page. */
export function hostShown(page: TestPage): Promise<boolean> {
  return page.evaluate(() => !!document.querySelector('tieline-ui'));
}
