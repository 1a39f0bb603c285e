import { hostInList, siteKey } from '../core/user-settings';
import { sendToTab } from '../messaging/send';
import { updateSettings } from '../platform/settings-store';
import { t } from '../platform/i18n';
import type { ActiveTab } from './use-active-tab';

/** On/off for this site: remembered per site, applied to the open page at once. */
export function SiteSwitch({ tab }: { tab: ActiveTab }) {
  if (!tab.page || tab.tabId === null) return null;
  const toggle = async (on: boolean) => {
    await updateSettings((now) => {
      const offSites = now.offSites.filter((s) => !hostInList(tab.host, [s]));
      return { offSites: on ? offSites : [...offSites, siteKey(tab.host)] };
    });
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
