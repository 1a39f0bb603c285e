import { hostInList, SETTINGS_KEY, siteKey, withDefaults } from '../core/user-settings';
import { sendToTab } from '../messaging/send';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import type { ActiveTab } from './use-active-tab';

/** On/off for this site: remembered per site, applied to the open page at once. */
export function SiteSwitch({ tab }: { tab: ActiveTab }) {
  if (!tab.page || tab.tabId === null) return null;
  const toggle = async (on: boolean) => {
    const settings = withDefaults((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
    const key = siteKey(tab.host);
    const offSites = settings.offSites.filter((s) => !hostInList(tab.host, [s]));
    if (!on) offSites.push(key);
    await browser.storage.local.set({ [SETTINGS_KEY]: { ...settings, offSites } });
    await sendToTab(tab.tabId!, 'setPageEnabled', { enabled: on });
    tab.refresh();
  };
  return (
    <label class="switch">
      <input type="checkbox" checked={tab.page.enabled} onChange={(e) => void toggle((e.currentTarget).checked)} />
      {t('onThisSite')}
    </label>
  );
}
