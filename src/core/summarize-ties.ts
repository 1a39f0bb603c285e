import { STATUS_RANK, type Tie, type TieKind } from './model';

/** A group of ties as the card and popup show them, seen from one company. */
export interface TieGroup {
  key: 'cloud' | 'cloudCustomers' | 'investors' | 'investments' | 'owner' | 'owns' | 'partners';
  kind: TieKind;
  ties: { tie: Tie; other: string }[];
}

/**
 * Split a company's ties into what a reader asks: whose cloud does it run on, who runs on its
 * cloud, who funds it, whom it funds, who owns it. Active ties first, newest first; ended last.
 */
export function summarizeTies(companyId: string, ties: readonly Tie[]): TieGroup[] {
  const groups = new Map<TieGroup['key'], TieGroup>();
  const add = (key: TieGroup['key'], kind: TieKind, tie: Tie, other: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, kind, ties: [] }));
    g.ties.push({ tie, other });
  };
  for (const t of ties) {
    if (t.dismissed) continue;
    const mine = t.company === companyId;
    const other = mine ? t.counterparty : t.company;
    switch (t.kind) {
      case 'cloud': add(mine ? 'cloud' : 'cloudCustomers', 'cloud', t, other); break;
      case 'investor': add(mine ? 'investors' : 'investments', 'investor', t, other); break;
      case 'parent': add(mine ? 'owner' : 'owns', 'parent', t, other); break;
      case 'partner': add('partners', 'partner', t, other); break;
    }
  }
  const order: TieGroup['key'][] = ['cloud', 'investors', 'owner', 'cloudCustomers', 'investments', 'owns', 'partners'];
  return order.flatMap((k) => {
    const g = groups.get(k);
    if (!g) return [];
    g.ties.sort(
      (a, b) =>
        STATUS_RANK[a.tie.status] - STATUS_RANK[b.tie.status] ||
        (b.tie.since ?? '').localeCompare(a.tie.since ?? '') ||
        a.other.localeCompare(b.other),
    );
    return [g];
  });
}

