import type { Tie, TieKind, TieStatus } from './model';

/** What happened to a tie in the user's database, for "since you last read". */
export type TieChangeWhat = 'added' | 'ended' | 'notExclusive';

export interface TieChange {
  /** When the database changed (ms), not when the fact did. */
  at: number;
  tieId: string;
  kind: TieKind;
  company: string;
  counterparty: string;
  what: TieChangeWhat;
  status: TieStatus;
  /** An accepted suggestion, the user's own edit, or a dataset update. */
  by: 'article' | 'you' | 'update';
}

/**
 * The change a write makes to a tie, as a reader would say it: a tie that starts to hold (new, or
 * ended before), one that ends, one that stops being exclusive; null for a new source, a date or
 * a detail.
 */
export function tieChange(before: Tie | null | undefined, after: Tie, at: number, by: TieChange['by']): TieChange | null {
  const base = { at, tieId: after.id, kind: after.kind, company: after.company, counterparty: after.counterparty, status: after.status, by };
  const held = before && before.status !== 'ended';
  if (after.status === 'ended') return held || !before ? { ...base, what: 'ended' } : null;
  if (!held) return { ...base, what: 'added' };
  if (before.exclusive && !after.exclusive) return { ...base, what: 'notExclusive' };
  if (before.status === 'reported' && after.status === 'active') return { ...base, what: 'added' };
  return null;
}

/** Changes to the company's ties after `since`, the latest per tie, oldest first. */
export function changesSince(changes: readonly TieChange[], companyId: string, since: number): TieChange[] {
  const latest = new Map<string, TieChange>();
  for (const c of changes) {
    if (c.at <= since || (c.company !== companyId && c.counterparty !== companyId)) continue;
    const seen = latest.get(c.tieId);
    if (!seen || seen.at <= c.at) latest.set(c.tieId, c);
  }
  return [...latest.values()].sort((a, b) => a.at - b.at);
}
