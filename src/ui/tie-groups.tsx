import { useState } from 'preact/hooks';
import type { Source, SourceTier, Tie } from '../core/model';
import { hostOf } from '../core/url';
import { summarizeTies, type TieGroup } from '../core/summarize-ties';
import { t } from './translate';

function when(tie: Tie): string {
  if (tie.since && tie.until) return `${tie.since} – ${tie.until}`;
  if (tie.until) return t('tieUntil', tie.until);
  if (tie.since) return t('tieSince', tie.since);
  return '';
}

const TIER_LABEL: Record<SourceTier, string> = { primary: 'tierPrimary', regulator: 'tierRegulator', press: 'tierPress', other: 'tierOther' };
const TIER_RANK: Record<SourceTier, number> = { primary: 0, regulator: 1, press: 2, other: 3 };

/** The source a reader can trust most first (a user's own, untiered, after the tiered ones). */
function bestFirst(sources: readonly Source[]): Source[] {
  return [...sources].sort((a, b) => (a.tier ? TIER_RANK[a.tier] : 4) - (b.tier ? TIER_RANK[b.tier] : 4));
}

function TieRow({ tie, other, name, onSelect, actions }: { tie: Tie; other: string; name: string; onSelect?: (id: string) => void; actions?: (tie: Tie) => preact.ComponentChildren }) {
  const status = tie.status === 'ended' ? t('statusEnded') : tie.status === 'reported' ? t('statusReported') : '';
  return (
    <li class={`tie kind-${tie.kind} ${tie.status}`}>
      <span class="dot" aria-hidden="true" />
      <span>
        {onSelect ? (
          <button type="button" class="tie-name linklike" onClick={() => onSelect(other)}>{name}</button>
        ) : (
          <span class="tie-name">{name}</span>
        )}
        {tie.exclusive && <span class="badge">{t('exclusive')}</span>}
        {status && <span class="badge">{status}</span>}
        {tie.origin === 'user' && <span class="badge">{t('yours')}</span>}
      </span>
      <span class="tie-when">{when(tie)}</span>
      {tie.detail && <span class="tie-detail">{tie.detail}</span>}
      {actions && <span class="tie-actions">{actions(tie)}</span>}
      {tie.sources.length > 0 && (
        <span class="sources">
          {bestFirst(tie.sources).map((s) => (
            <a href={s.url} target="_blank" rel="noopener noreferrer" title={s.title}>
              {hostOf(s.url)}{s.date ? ` · ${s.date}` : ''}
              {s.tier && <span class={`tier tier-${s.tier}`}>{t(TIER_LABEL[s.tier])}</span>}
            </a>
          ))}
          {tie.sources.every((s) => s.tier === 'other') && <span class="muted weak-sources">{t('onlyOtherSources')}</span>}
        </span>
      )}
      {tie.asOf && <span class="tie-asof muted">{t('tieAsOf', tie.asOf)}</span>}
    </li>
  );
}

const GROUP_TITLE: Record<TieGroup['key'], string> = {
  cloud: 'groupCloud',
  cloudCustomers: 'groupCloudCustomers',
  investors: 'groupInvestors',
  investments: 'groupInvestments',
  owner: 'groupOwner',
  owns: 'groupOwns',
  partners: 'groupPartners',
};

/** A company's ties, grouped (cloud, investors, ...), each dated and sourced. */
/**
 * A company's ties, grouped (cloud, investors, ...), each dated and sourced. With `limit`, each
 * group shows its first ties (active ones come first) and a button for the rest: the card stays short.
 */
export function TieGroups(props: {
  companyId: string;
  ties: Tie[];
  names: Record<string, string>;
  onSelect?: (id: string) => void;
  actions?: (tie: Tie) => preact.ComponentChildren;
  limit?: number;
}) {
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const groups = summarizeTies(props.companyId, props.ties);
  if (groups.length === 0) return <p class="muted">{t('noTies')}</p>;
  return (
    <div>
      {groups.map((g) => {
        const all = opened.has(g.key) || props.limit === undefined || g.ties.length <= props.limit + 1;
        const shown = all ? g.ties : g.ties.slice(0, props.limit);
        return (
          <section class="group" aria-label={t(GROUP_TITLE[g.key])}>
            <h3>{t(GROUP_TITLE[g.key])}</h3>
            <ul>
              {shown.map(({ tie, other }) => (
                <TieRow tie={tie} other={other} name={props.names[other] ?? other} onSelect={props.onSelect} actions={props.actions} />
              ))}
            </ul>
            {!all && (
              <button type="button" class="more" onClick={() => setOpened(new Set([...opened, g.key]))}>
                {t('showMoreTies', String(g.ties.length - shown.length))}
              </button>
            )}
          </section>
        );
      })}
    </div>
  );
}
