import { STATUS_RANK, type Tie } from '../model';
import type { FoundRelation } from './find-relations';

/** How a found tie stands against what the database holds: unknown, the same, or different. */
export type SuggestionChange = 'new' | 'confirms' | 'changes';

/** One claim, whatever the sentence or article that makes it: kind, pair and status. */
export function claimKey(c: Pick<FoundRelation, 'kind' | 'company' | 'counterparty' | 'status'>): string {
  return `${c.kind}|${c.company}|${c.counterparty}|${c.status}`;
}

export interface Suggestion extends FoundRelation {
  change: SuggestionChange;
  /** The tie it confirms or changes. */
  tieId: string | null;
}

/**
 * Compare each found tie with the known ties of the same pair and kind (the one that holds now
 * first): none is `new`; one with the same standing is `confirms` (the article is one more
 * source); an active tie said to end, an ended one said to start again, or a reported one now
 * stated as fact is `changes`. A hedged report of a tie already known adds nothing and is dropped.
 */
export function compareWithKnown(found: readonly FoundRelation[], tiesOfPair: (kind: string, company: string, counterparty: string) => readonly Tie[]): Suggestion[] {
  const out: Suggestion[] = [];
  // One suggestion per claim; its evidence is the fullest sentence that states it (a body sentence,
  // with its date and attribution, rather than the headline).
  const best = new Map<string, FoundRelation>();
  for (const f of found) {
    const key = claimKey(f);
    const kept = best.get(key);
    if (!kept || evidenceRank(f.evidence) > evidenceRank(kept.evidence)) best.set(key, f);
  }
  for (const f of best.values()) {
    const known = [...tiesOfPair(f.kind, f.company, f.counterparty)].filter((t) => !t.dismissed).sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status]);
    const current = known[0];
    if (!current) {
      out.push({ ...f, change: 'new', tieId: null });
      continue;
    }
    if (f.status === 'reported' && current.status !== 'ended') continue;
    const same = f.status === current.status || (f.status === 'active' && current.status === 'active');
    out.push({ ...f, change: same ? 'confirms' : 'changes', tieId: current.id });
  }
  return out;
}

/** A sentence that ends like one outranks a headline; then the longer. */
function evidenceRank(sentence: string): number {
  return (/[.!?"”’)]$/.test(sentence.trim()) ? 10_000 : 0) + Math.min(sentence.length, 9_999);
}
