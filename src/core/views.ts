import type { Company, Note, Tie } from './model';

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
}

export interface PageMention {
  companyId: string;
  name: string;
  count: number;
}
