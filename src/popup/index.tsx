import { render } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../messaging/send';
import { t } from '../platform/i18n';
import { applyTheme } from '../platform/apply-theme';
import { CompanyDetail } from './company-detail';
import { FromThisArticle } from './from-this-article';
import { PageMap } from './page-map';
import { SiteSwitch } from './site-switch';
import { firstTabAnswer, useActiveTab } from './use-active-tab';
import { useCompanyNames } from './use-company-names';
import { useCompanySearch } from './use-company-search';
import { setTranslator } from '../ui/translate';
import { DbProblemNotice } from '../ui/db-problem-notice';
import { watchDbProblem } from '../platform/db-problem-status';

setTranslator(t);

const VIEW_KEY = 'tieline.popupView';
/** Any request that opens the database will do: the background publishes what it finds. */
const recheckDb = () => void sendToBackground('getDataInfo', {}).catch(() => undefined);

function ViewSwitch({ view, onChange }: { view: 'list' | 'map'; onChange: (v: 'list' | 'map') => void }) {
  return (
    <div class="view-switch" role="radiogroup" aria-label={t('pageViews')}>
      {(['list', 'map'] as const).map((v) => (
        <button type="button" role="radio" aria-checked={view === v} data-view={v} onClick={() => onChange(v)}>
          {t(v === 'list' ? 'viewList' : 'viewMap')}
        </button>
      ))}
    </div>
  );
}

function Popup() {
  const tab = useActiveTab();
  const [selected, setSelected] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const names = useCompanyNames(tab.page?.mentions.map((m) => m.companyId) ?? []);
  useLayoutEffect(() => {
    // From opening to the first frame that shows the page's companies: `npm run bench:popup` reads it.
    if (tab.ready) requestAnimationFrame(() => performance.measure('tieline:popup-render', { start: 0, end: performance.now() }));
  }, [tab.ready]);
  const [view, setViewState] = useState<'list' | 'map'>(localStorage.getItem(VIEW_KEY) === 'map' ? 'map' : 'list');
  const setView = (v: 'list' | 'map') => {
    localStorage.setItem(VIEW_KEY, v);
    setViewState(v);
  };

  const search = useCompanySearch(query, true, 12);
  const results = query.trim() ? search.shown : [];

  const annotateOnce = async () => {
    if (tab.tabId === null) return;
    await sendToBackground('annotateTab', { tabId: tab.tabId });
    tab.refresh();
  };

  return (
    <>
      <div class="top">
        <img src="icons/icon-32.png" alt="" />
        <span class="title">Tieline</span>
        <SiteSwitch tab={tab} />
      </div>
      <main>
        <DbProblemNotice watch={watchDbProblem} recheck={recheckDb} />
        {selected ? (
          <CompanyDetail companyId={selected} pageUrl={tab.page?.url} onSelect={setSelected} onBack={() => setSelected(null)} />
        ) : (
          <>
            <label class="visually-hidden" for="search">{t('searchLabel')}</label>
            <input id="search" class="search" type="search" placeholder={t('searchPlaceholder')} value={query}
              onInput={(e) => setQuery((e.currentTarget).value)} />
            {query.trim() ? (
              <CompanyList title={t('searchResults')} items={results.map((c) => ({ id: c.id, name: c.name }))} onSelect={setSelected} empty={t('noResults')} />
            ) : tab.page === null ? (
              <div class="empty">
                <p>{t('notOnThisSite')}</p>
                {tab.tabId !== null && <button type="button" class="btn btn-primary" onClick={annotateOnce}>{t('annotateOnce')}</button>}
              </div>
            ) : (
              <>
                {tab.page.mentions.length > 0 && <ViewSwitch view={view} onChange={setView} />}
                {view === 'map' && tab.page.mentions.length > 0 ? (
                  <section aria-label={t('onThisPage')}>
                    <h2 class="section-title">{t('onThisPage')}</h2>
                    <PageMap mentions={tab.page.mentions} onSelect={setSelected} />
                  </section>
                ) : (
                  <CompanyList
                    title={t('onThisPage')}
                    items={tab.page.mentions.map((m) => ({ id: m.companyId, name: names[m.companyId] ?? m.name, count: m.count }))}
                    onSelect={setSelected}
                    empty={tab.page.enabled ? t('noCompaniesFound') : t('offOnThisSite')}
                  />
                )}
                {tab.tabId !== null && tab.page.enabled && tab.page.mentions.length > 0 && (
                  <FromThisArticle
                    article={{ tabId: tab.tabId, url: tab.page.url, title: tab.page.title, published: tab.page.published }}
                    onSelect={setSelected}
                  />
                )}
              </>
            )}
          </>
        )}
      </main>
    </>
  );
}

function CompanyList(props: { title: string; items: { id: string; name: string; count?: number }[]; onSelect: (id: string) => void; empty: string }) {
  return (
    <section aria-label={props.title}>
      <h2 class="section-title">{props.title}</h2>
      {props.items.length === 0 ? (
        <p class="empty">{props.empty}</p>
      ) : (
        <ul class="list" data-testid="company-list">
          {props.items.map((it) => (
            <li>
              <button type="button" data-company={it.id} onClick={() => props.onSelect(it.id)}>
                <span>{it.name}</span>
                {it.count !== undefined && <span class="count" aria-label={t('mentionCount', String(it.count))}>{it.count}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

performance.mark('tieline:popup-script');
// One first frame, in the right theme and with the page's companies, rather than an empty light
// popup that flashes dark and fills a moment later. A tab that is slow to answer still gets a frame.
const FIRST_FRAME_WAIT_MS = 200;
void Promise.race([
  Promise.all([applyTheme(document), firstTabAnswer]),
  new Promise((resolve) => setTimeout(resolve, FIRST_FRAME_WAIT_MS)),
]).then(() => render(<Popup />, document.getElementById('app')!));
