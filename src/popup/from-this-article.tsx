import { useEffect, useState } from 'preact/hooks';
import type { ArticleSuggestion } from '../core/views';
import { sendToBackground, sendToTab } from '../messaging/send';
import { t } from '../platform/i18n';

interface Article {
  tabId: number;
  url: string;
  title: string;
  published: string | null;
}

/**
 * "From this article": the ties the page states, each with its sentence, for the reader to accept
 * (stored as a learned tie, or the article added as a source) or dismiss for good. Nothing is stored
 * without a click.
 */
export function FromThisArticle({ article, onSelect }: { article: Article; onSelect: (id: string) => void }) {
  const [items, setItems] = useState<ArticleSuggestion[]>([]);
  const [done, setDone] = useState<Record<string, 'accepted' | 'dismissed'>>({});
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    // The page reads its article again for the background, which then finds what it states.
    sendToTab(article.tabId, 'sendArticleText', {})
      .then(async ({ page: key }) => {
        const found = await sendToBackground('getSuggestions', { tabId: article.tabId, page: key, url: article.url });
        if (!alive) return;
        setPage(key);
        setItems(found);
      })
      .catch(() => alive && setItems([]));
    return () => {
      alive = false;
    };
  }, [article.tabId, article.url]);

  if (items.length === 0 || page === null) return null;
  const accept = async (s: ArticleSuggestion) => {
    setError(null);
    try {
      const date = article.published ?? new Date().toISOString().slice(0, 10);
      await sendToBackground('acceptSuggestion', { tabId: article.tabId, page, key: s.key, article: { url: article.url, title: article.title, date } });
      setDone((d) => ({ ...d, [s.key]: 'accepted' }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const dismiss = async (s: ArticleSuggestion) => {
    await sendToBackground('dismissSuggestion', { key: s.key }).catch(() => undefined);
    setDone((d) => ({ ...d, [s.key]: 'dismissed' }));
  };

  return (
    <section aria-label={t('fromThisArticle')} data-testid="suggestions">
      <h2 class="section-title">{t('fromThisArticle')}</h2>
      {error && <p class="error" role="alert">{error}</p>}
      <ul class="suggestions">
        {items.filter((s) => done[s.key] !== 'dismissed').map((s) => (
          <li data-key={s.key} data-change={s.change}>
            <p class="suggestion-claim">
              <button type="button" class="link" onClick={() => onSelect(s.company)}>{s.companyName}</button>
              {' '}{t(claimMessage(s))}{' '}
              <button type="button" class="link" onClick={() => onSelect(s.counterparty)}>{s.counterpartyName}</button>
              <span class={`badge badge-${s.change}`}>{t(`suggestion_${s.change}`)}</span>
            </p>
            <blockquote class="evidence">{s.evidence}</blockquote>
            {done[s.key] === 'accepted' ? (
              <p class="saved" role="status">{t('suggestionSaved')}</p>
            ) : (
              <div class="actions">
                <button type="button" class="btn btn-primary" data-action="accept" onClick={() => void accept(s)}>{t('accept')}</button>
                <button type="button" class="btn" data-action="dismiss" onClick={() => void dismiss(s)}>{t('dismiss')}</button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "runs on" / "no longer runs on" / "may run on"; "is backed by" / ... */
function claimMessage(s: ArticleSuggestion): string {
  return `claim_${s.kind}_${s.status}`;
}
