import { hostInList } from '../core/user-settings';
import { TAB_ROUTES } from '../messaging/protocol';
import { listen } from '../messaging/router';
import { onSettingsChanged, readSettings } from '../platform/settings-store';
import { articleInfo } from './article-info';
import { sendArticleText } from './article-text';
import { PageSession } from './page-session';

const GUARD = '__tielineContentScript';

/** One running instance per page: "annotate once" may inject us into a page that already has us. */
async function main(): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  if (g[GUARD]) return;
  g[GUARD] = true;

  const settings = await readSettings();
  const page = new PageSession(document, settings);
  // A setting changed in the popup or the settings page reaches this page at once.
  onSettingsChanged((next, before) => {
    const offNow = hostInList(location.hostname, next.offSites);
    const offBefore = hostInList(location.hostname, before.offSites);
    if (offNow && !offBefore) page.disable();
    else if (!offNow && offBefore) void page.enable();
    void page.useSettings(next);
  });
  listen(TAB_ROUTES, {
    getPageMentions: () => ({ url: location.href, enabled: page.enabled, mentions: page.mentions(), ...articleInfo(document) }),
    sendArticleText: async () => ({ page: await sendArticleText(document, page.scope) }),
    setPageEnabled: async ({ enabled }) => {
      if (enabled) await page.enable();
      else page.disable();
      return null;
    },
    focusNextHighlight: () => ({ ok: page.focusNext() }),
  });
  // A page on the user's off list keeps only the listener, to be turned back on from the popup.
  const injectedOnce = !!g.__tielineInjected;
  if (hostInList(location.hostname, settings.offSites) && !injectedOnce) return;
  await page.enable();
}

void main().catch((e: unknown) => console.warn('Tieline:', e));
