import type { TieChange } from '../core/tie-changes';
import type { CompanyView } from '../core/views';
import { t } from './translate';

/** How a change reads from the company's side: "AWS became a cloud supplier", "invested in Mistral AI". */
function changeText(c: TieChange, companyId: string, names: Record<string, string>): string {
  const own = c.company === companyId;
  const other = names[own ? c.counterparty : c.company] ?? (own ? c.counterparty : c.company);
  const role = c.kind === 'cloud' ? (own ? 'cloudSupplier' : 'cloudCustomer') : c.kind === 'investor' ? (own ? 'investor' : 'investment') : 'other';
  const text = t(`since_${role}_${c.what}`, other);
  return c.status === 'reported' && c.what !== 'ended' ? `${text} ${t('sinceReported')}` : text;
}

/** "Since you last read about OpenAI (20 Apr): AWS became a cloud supplier; Azure is no longer exclusive." */
export function SinceLastRead({ view }: { view: CompanyView }) {
  const since = view.sinceLastRead;
  if (!since) return null;
  const day = new Date(since.lastRead).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  return (
    <section class="since-last-read" data-testid="since-last-read" aria-label={t('sinceLastReadLabel')}>
      <p class="since-title">{t('sinceLastRead', [view.company.name, day])}</p>
      <ul>
        {since.changes.map((c) => (
          <li data-tie={c.tieId} data-what={c.what}>{changeText(c, view.company.id, view.names)}</li>
        ))}
      </ul>
    </section>
  );
}
