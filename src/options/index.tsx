import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type ContentSettings, type SettingsChange } from '../core/user-settings';
import { onSettingsChanged, readSettings, updateSettings } from '../platform/settings-store';
import { t } from '../platform/i18n';
import { applyTheme } from '../platform/apply-theme';
import { DataSection } from './data-section';
import { SitesSection } from './sites-section';
import { DEFAULT_SITES } from '../core/default-sites';
import { setTranslator } from '../ui/translate';
import { DbProblemNotice } from '../ui/db-problem-notice';
import { watchDbProblem } from '../platform/db-problem-status';
import { sendToBackground } from '../messaging/send';

setTranslator(t);

/** Any request that opens the database will do: the background publishes what it finds. */
const recheckDb = () => void sendToBackground('getDataInfo', {}).catch(() => undefined);

function Choice<K extends keyof ContentSettings>(props: { name: K; value: ContentSettings[K]; label: string; settings: ContentSettings; onChange: (change: SettingsChange) => void }) {
  return (
    <label>
      <input type="radio" name={props.name} checked={props.settings[props.name] === props.value}
        onChange={() => props.onChange(() => ({ [props.name]: props.value }))} /> {props.label}
    </label>
  );
}

/**
 * Sites turned off from the popup that are not default sites (the Sites section has switches for
 * those): a site annotated once, or one the user added.
 */
function OtherSitesOff({ settings, onChange }: { settings: ContentSettings; onChange: (change: SettingsChange) => void }) {
  const others = settings.offSites.filter((site) => !DEFAULT_SITES.includes(site));
  if (others.length === 0) return null;
  return (
    <fieldset>
      <legend>{t('sitesOff')}</legend>
      <ul class="sites">
        {others.map((site) => (
          <li>
            <span>{site}</span>
            <button type="button" class="btn" onClick={() => onChange((now) => ({ offSites: now.offSites.filter((s) => s !== site) }))}>
              {t('turnBackOn')}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function Options() {
  const [settings, setSettings] = useState<ContentSettings>(DEFAULT_SETTINGS);
  // What another part changes (a site switched off in the popup) shows here at once.
  useEffect(() => {
    void readSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);
  const onChange = (change: SettingsChange) => void updateSettings(change).then(setSettings);
  const common = { settings, onChange };
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <DbProblemNotice watch={watchDbProblem} recheck={recheckDb} />
      <SitesSection {...common} />
      <fieldset>
        <legend>{t('highlighting')}</legend>
        <Choice name="style" value="underline" label={t('styleUnderline')} {...common} />
        <Choice name="style" value="background" label={t('styleBackground')} {...common} />
        <Choice name="firstOnly" value={false} label={t('everyMention')} {...common} />
        <Choice name="firstOnly" value={true} label={t('firstMentionOnly')} {...common} />
        <Choice name="scope" value="article" label={t('scopeArticle')} {...common} />
        <Choice name="scope" value="page" label={t('scopePage')} {...common} />
      </fieldset>
      <fieldset>
        <legend>{t('appearance')}</legend>
        <Choice name="theme" value="system" label={t('themeSystem')} {...common} />
        <Choice name="theme" value="light" label={t('themeLight')} {...common} />
        <Choice name="theme" value="dark" label={t('themeDark')} {...common} />
      </fieldset>
      <OtherSitesOff {...common} />
      <DataSection />
    </main>
  );
}

void applyTheme(document);
render(<Options />, document.getElementById('app')!);
