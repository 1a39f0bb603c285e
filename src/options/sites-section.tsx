import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SITES, matchPatternsFor, parseSiteInput, USER_SITES_KEY, userSitesFrom, type SiteInputError } from '../core/default-sites';
import { hostInList, type ContentSettings, type SettingsChange } from '../core/user-settings';
import { sendToBackground } from '../messaging/send';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';

type Message = { kind: 'ok' | 'error'; text: string } | null;

const ERROR_KEYS: Record<SiteInputError, string> = {
  empty: 'siteErrorEmpty',
  scheme: 'siteErrorScheme',
  invalid: 'siteErrorInvalid',
  default: 'siteErrorDefault',
  added: 'siteErrorAdded',
};

async function storedUserSites(): Promise<string[]> {
  return userSitesFrom((await browser.storage.local.get(USER_SITES_KEY))[USER_SITES_KEY]);
}

/** Ask for a site's host permission. Must run straight from a click: the first await of the handler. */
function requestSite(host: string): Promise<boolean> {
  return browser.permissions.request({ origins: matchPatternsFor(host) });
}

/**
 * "Sites": the default news sites with on/off switches (the same `offSites` list the popup's switch
 * writes), and sites the user adds, each with its run-time host permission.
 */
export function SitesSection({ settings, onChange }: { settings: ContentSettings; onChange: (change: SettingsChange) => void }) {
  const [userSites, setUserSites] = useState<string[]>([]);
  const [active, setActive] = useState<ReadonlySet<string>>(new Set());
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<Message>(null);

  const refresh = async () => {
    setUserSites(await storedUserSites());
    const { active: hosts } = await sendToBackground('syncUserSites', {});
    setActive(new Set(hosts));
  };
  useEffect(() => {
    void refresh().catch(() => undefined);
    // Permissions can change outside this page (the browser's own site-access settings).
    const onPermissions = () => void refresh().catch(() => undefined);
    browser.permissions.onAdded.addListener(onPermissions);
    browser.permissions.onRemoved.addListener(onPermissions);
    return () => {
      browser.permissions.onAdded.removeListener(onPermissions);
      browser.permissions.onRemoved.removeListener(onPermissions);
    };
  }, []);

  const setSiteOn = (site: string, on: boolean) => {
    // "On" means the whole site: drop entries for it, its subdomains and any parent that covers it.
    onChange((now) => {
      const offSites = now.offSites.filter((s) => !hostInList(s, [site]) && !hostInList(site, [s]));
      return { offSites: on ? offSites : [...offSites, site] };
    });
  };

  const addSite = async (e: Event) => {
    e.preventDefault();
    const parsed = parseSiteInput(input, userSites);
    if (!parsed.ok) {
      setMessage({ kind: 'error', text: t(ERROR_KEYS[parsed.error], parsed.host ?? input.trim()) });
      return;
    }
    const { host } = parsed;
    let granted: boolean;
    try {
      granted = await requestSite(host);
    } catch (err) {
      setMessage({ kind: 'error', text: t('sitePermissionFailed', err instanceof Error ? err.message : String(err)) });
      return;
    }
    if (!granted) {
      setMessage({ kind: 'error', text: t('sitePermissionDenied', host) });
      return;
    }
    const list = await storedUserSites();
    await browser.storage.local.set({ [USER_SITES_KEY]: userSitesFrom([...list, host]) });
    await refresh();
    setInput('');
    setMessage({ kind: 'ok', text: t('siteAdded', host) });
  };

  const allowAgain = async (host: string) => {
    const granted = await requestSite(host).catch(() => false);
    if (!granted) setMessage({ kind: 'error', text: t('sitePermissionDenied', host) });
    await refresh();
  };

  const removeSite = async (host: string) => {
    const rest = (await storedUserSites()).filter((h) => h !== host);
    await browser.storage.local.set({ [USER_SITES_KEY]: rest });
    // Keep the permission if another added site still covers this host.
    if (!hostInList(host, rest)) await browser.permissions.remove({ origins: matchPatternsFor(host) }).catch(() => false);
    await refresh();
    setMessage({ kind: 'ok', text: t('siteRemoved', host) });
  };

  return (
    <fieldset class="sites-section" data-testid="sites">
      <legend>{t('sitesTitle')}</legend>
      <p class="muted">{t('sitesHelp')}</p>
      <ul class="site-grid" data-testid="default-sites">
        {DEFAULT_SITES.map((site) => (
          <li key={site}>
            <label class="site-switch">
              <input type="checkbox" data-site={site} checked={!hostInList(site, settings.offSites)}
                onChange={(e) => setSiteOn(site, (e.currentTarget).checked)} />
              <span>{site}</span>
            </label>
          </li>
        ))}
      </ul>

      <h2 class="subhead">{t('userSitesTitle')}</h2>
      {userSites.length === 0 ? (
        <p class="muted">{t('noUserSites')}</p>
      ) : (
        <ul class="sites" data-testid="user-sites">
          {userSites.map((host) => (
            <li key={host} data-host={host}>
              <span>
                {host}
                {!active.has(host) && <span class="site-status">{t('siteNotAllowed')}</span>}
              </span>
              <span class="site-actions">
                {!active.has(host) && (
                  <button type="button" class="btn" data-action="allow" onClick={() => void allowAgain(host)}>{t('allowSite')}</button>
                )}
                <button type="button" class="btn" data-action="remove" aria-label={t('removeSiteLabel', host)} onClick={() => void removeSite(host)}>
                  {t('removeSite')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}

      <form class="add-site" onSubmit={(e) => void addSite(e)} noValidate>
        <label for="add-site-input">{t('addSiteLabel')}</label>
        <div class="add-site-row">
          <input id="add-site-input" type="text" inputMode="url" autoComplete="off" spellcheck={false} placeholder={t('addSitePlaceholder')}
            value={input} aria-describedby="add-site-help" aria-invalid={message?.kind === 'error'}
            onInput={(e) => setInput((e.currentTarget).value)} />
          <button type="submit" class="btn btn-primary">{t('addSiteButton')}</button>
        </div>
        <p id="add-site-help" class="muted">{t('addSiteHelp')}</p>
      </form>
      {message && (
        <div class={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="site-message">
          <p>{message.text}</p>
        </div>
      )}
    </fieldset>
  );
}
