import { expect } from 'vitest';
import type { TestBrowser } from './types';

/** Move the keyboard focus to the next mention: the real command where the browser lets a test run it. */
export async function nextMention(browser: TestBrowser, tabId: number): Promise<void> {
  if (browser.runCommand) {
    expect(await browser.runCommand('next-highlight')).toBe('Alt+Shift+J');
    return;
  }
  // Firefox: no way for a test to press an extension shortcut; the message the command sends.
  const options = await browser.openExtensionPage('options.html');
  await options.evaluate(async (id: number) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    return api.tabs.sendMessage(id, { channel: 'tieline/2', type: 'focusNextHighlight' });
  }, tabId);
  await options.close();
}

/** Run in the page: whether the keyboard focus highlight is on a mention reading `want`. */
export function focusIsOn(want: string): boolean {
  const h = CSS.highlights.get('tieline-focus') as unknown as Iterable<StaticRange> | undefined;
  const r = h ? [...h][0] : undefined;
  return !!r && (r.startContainer as Text).data.slice(r.startOffset, r.endOffset) === want;
}
