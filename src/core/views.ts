import type { Company, Note, Tie } from './model';
import type { TieChange } from './tie-changes';

/** Everything the card and the popup show about one company. */
export interface CompanyView {
  company: Company;
  parent: Company | null;
  ties: Tie[];
  /** Names of the other companies the ties mention, by id. */
  names: Record<string, string>;
  note: Note | null;
  /** Different articles this company was seen in over the last 7 days. */
  recentArticles: number;
  /** Its ties that changed since the reader last saw it in another article (null: never seen elsewhere, or nothing changed). */
  sinceLastRead: { lastRead: number; changes: TieChange[] } | null;
}

export interface PageMention {
  companyId: string;
  name: string;
  count: number;
}

/** A tie the article being read states, as the popup lists it under "From this article". */
export interface ArticleSuggestion {
  /** Stable for the claim (kind, pair, status), whatever the article: dismissing hides it for good. */
  key: string;
  kind: 'cloud' | 'investor';
  company: string;
  counterparty: string;
  companyName: string;
  counterpartyName: string;
  status: 'active' | 'ended' | 'reported';
  change: 'new' | 'confirms' | 'changes';
  /** The known tie it confirms or changes. */
  tieId: string | null;
  /** The sentence that states it. */
  evidence: string;
}
