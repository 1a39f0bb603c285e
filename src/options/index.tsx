import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, SETTINGS_KEY, withDefaults, type ContentSettings } from '../core/settings';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import { applyTheme } from '../ui/apply-theme';
import { DataSection } from './data-section';

function Choice<K extends keyof ContentSettings>(props: { name: K; value: ContentSettings[K]; label: string; settings: ContentSettings; onChange: (s: ContentSettings) => void }) {
  return (
    <label>
      <input type="radio" name={props.name} checked={props.settings[props.name] === props.value}
        onChange={() => props.onChange({ ...props.settings, [props.name]: props.value })} /> {props.label}
    </label>
  );
}

function Options() {
  const [settings, setSettings] = useState<ContentSettings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void browser.storage.local.get(SETTINGS_KEY).then((s) => setSettings(withDefaults(s[SETTINGS_KEY])));
  }, []);
  const update = async (next: ContentSettings) => {
    setSettings(next);
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    await applyTheme(document);
  };
  const common = { settings, onChange: (s: ContentSettings) => void update(s) };
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
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
      <fieldset>
        <legend>{t('sitesOff')}</legend>
        {settings.offSites.length === 0 ? <p class="muted">{t('noSitesOff')}</p> : (
          <ul class="sites">
            {settings.offSites.map((site) => (
              <li>
                <span>{site}</span>
                <button type="button" class="btn" onClick={() => void update({ ...settings, offSites: settings.offSites.filter((s) => s !== site) })}>
                  {t('turnBackOn')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <DataSection />
    </main>
  );
}

void applyTheme(document);
render(<Options />, document.getElementById('app')!);
