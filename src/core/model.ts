/** The data model shared by every part of Tieline. Plain objects only: they cross IndexedDB,
 * messages and export files unchanged. */

export type TieKind = 'cloud' | 'investor' | 'parent' | 'partner';
export type TieStatus = 'active' | 'ended' | 'reported';
/** Where a record came from; dataset updates only ever replace `bundled` records. */
export type Origin = 'bundled' | 'user' | 'learned';

export const TIE_KINDS: readonly TieKind[] = ['cloud', 'investor', 'parent', 'partner'];
export const TIE_STATUSES: readonly TieStatus[] = ['active', 'ended', 'reported'];
/** Which of two ties on the same pair to show first: the one that holds now. */
export const STATUS_RANK: Readonly<Record<TieStatus, number>> = { active: 0, reported: 1, ended: 2 };
export const ORIGINS: readonly Origin[] = ['bundled', 'user', 'learned'];

export interface Company {
  id: string;
  name: string;
  aliases: string[];
  /** `EXCHANGE:SYMBOL`, e.g. `NASDAQ:MSFT`. */
  tickers: string[];
  domains: string[];
  parent: string | null;
  description: string;
  /** Those of name/aliases that are also ordinary words: matched only with the right case, in context. */
  ambiguous: string[];
  category: string;
  origin: Origin;
  /** Set when the user changed a bundled company: dataset updates then leave it alone. */
  edited?: boolean;
}

/**
 * How far a reader can trust a source (docs/sources.md): a party's own page, a regulator, an
 * established outlet, or anything else (kept only when nothing better was found).
 */
export type SourceTier = 'primary' | 'regulator' | 'press' | 'other';
export const SOURCE_TIERS: readonly SourceTier[] = ['primary', 'regulator', 'press', 'other'];

export interface Source {
  url: string;
  title: string;
  /** Publication date, YYYY-MM-DD (or shorter). */
  date: string;
  /** Bundled sources carry their tier; a user's own source has none. */
  tier?: SourceTier;
}

export interface Tie {
  /** Stable key: derived from company, kind, counterparty and since for bundled ties. */
  id: string;
  company: string;
  counterparty: string;
  kind: TieKind;
  status: TieStatus;
  since: string | null;
  until: string | null;
  exclusive: boolean;
  detail: string;
  sources: Source[];
  asOf: string;
  origin: Origin;
  edited?: boolean;
  /** The user hid this tie; updates must not bring it back. */
  dismissed?: boolean;
}

export interface Note {
  company: string;
  text: string;
  createdAt: number;
  updatedAt: number;
}

/** A company seen on a page: the page's origin and path only (no query, no fragment, no title). */
export interface Sighting {
  id?: number;
  company: string;
  url: string;
  time: number;
}

export interface Dataset {
  version: string;
  companies: Company[];
  ties: Tie[];
}

export function tieId(t: Pick<Tie, 'company' | 'kind' | 'counterparty' | 'since'>): string {
  return `${t.company}|${t.kind}|${t.counterparty}|${t.since ?? ''}`;
}
