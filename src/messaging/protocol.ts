import type { ArticleSuggestion, CompanyView, PageMention } from '../core/views';
import type { Mention } from '../core/matcher';
import type { Company, Tie } from '../core/model';
import { MAX_IMPORT_BYTES } from '../core/export-format';
import { boolean, empty, integer, list, object, optional, record, text, type Schema } from '../core/schema';

/**
 * Every message between Tieline's parts, in one place. A request is `{ channel, type, ...req }`; each
 * type names who may send it and the schema its payload must pass, and the router enforces both for
 * every message before a handler runs. The answer on the wire is always a `Reply`.
 *
 * Senders:
 * - `extension`: Tieline's own privileged pages (popup, settings, the background itself);
 * - `card`: the card frame shown inside a web page (an extension page, but it lives in the page);
 * - `content`: a content script in a web page, whose renderer a hostile page may have compromised:
 *   it gets what it needs to paint the page and nothing that holds a note or the whole dataset.
 */
export type SenderKind = 'extension' | 'card' | 'content';

interface Route<Req, Res> {
  from: readonly SenderKind[];
  req: Schema<Req>;
  /** Type-only: the answer's type (answers come from our own code and are not checked). */
  res?: Res;
}
const route = <Res>() => <Req>(from: readonly SenderKind[], req: Schema<Req>): Route<Req, Res> => ({ from, req });

const id = text(300);
const ids = (max: number) => list(id, max);

/** Text per `matchTexts` request; the content script splits a page into requests of at most this. */
export const MATCH_CHARS_PER_REQUEST = 500_000;
export const MATCH_TEXTS_PER_REQUEST = 5_000;
/** One text node of a page may be larger than a request: it goes alone, up to this. */
const MAX_TEXT_NODE = 16_000_000;
/** A tie (with its sources) as the popup's form sends it; the dataset's own checks then apply. */
const tieInput = record(200_000, (v) => v as unknown as Tie);

export const BACKGROUND_ROUTES = {
  /**
   * Mentions in a page's texts, found by the background's matcher; `page` keys the page's context cues.
   * `undecided`: ambiguous names dropped only for want of evidence so far; `confirmed`: the companies
   * the page has confirmed so far (an undecided name of one of them is a mention after all).
   */
  matchTexts: route<{ mentions: Mention[][]; undecided: Mention[][]; confirmed: string[] }>()(['content'], object({ page: text(100), texts: list(text(MAX_TEXT_NODE), MATCH_TEXTS_PER_REQUEST), forRelations: optional(boolean) })),
  /**
   * Whether each text (a part of a huge page read in one piece) may name a company: the page then
   * reads that part node by node. Nothing is kept for the page.
   */
  probeTexts: route<boolean[]>()(['content'], object({ texts: list(text(MAX_TEXT_NODE), MATCH_TEXTS_PER_REQUEST) })),
  /** A content script found these companies on its page; `url` is the page's origin and path only. */
  pageScanned: route<null>()(['content'], object({ url: text(2000), companies: ids(500) })),
  /** One company with its ties and the user's note: extension pages and the card only. */
  getCompanyView: route<CompanyView | null>()(['extension', 'card'], object({ companyId: id, pageUrl: optional(text(2000)) })),
  getCompanyNames: route<Record<string, string>>()(['extension'], object({ ids: ids(1000) })),
  /** The ties of a page's companies, with the names and aliases of everyone they touch (for the map). */
  getPageGraph: route<{ ties: Tie[]; names: Record<string, string>; aliases: Record<string, string[]> }>()(['extension'], object({ ids: ids(200) })),
  searchCompanies: route<Company[]>()(['extension'], object({ query: text(200), limit: optional(integer(1, 100)) })),
  /**
   * Add or change a tie. With `counterpartyName`, the counterparty is the company of that name or
   * alias, or else a new company of the user's by that name, saved with the tie (both or neither);
   * the background then sets `tie.counterparty` and the tie's id.
   */
  saveTie: route<{ counterparty: string; created: boolean }>()(['extension'], object({ tie: tieInput, counterpartyName: optional(text(200)) })),
  /** The whole database in the export format, as JSON text. */
  exportData: route<{ fileName: string; json: string }>()(['extension'], empty),
  /** Check and apply an import (Tieline JSON or companies CSV); all or nothing. */
  importData: route<ImportResult>()(['extension'], object({ fileName: text(1000), text: text(MAX_IMPORT_BYTES) })),
  /** Back to the bundled dataset; notes stay unless `keepNotes` is false; the reading history goes unless `clearHistory` is false. */
  resetData: route<null>()(['extension'], object({ keepNotes: boolean, clearHistory: optional(boolean) })),
  getDataInfo: route<DataInfo>()(['extension'], empty),
  /** Extension pages ask this to annotate the active tab once (activeTab) on a site that is not on the list. */
  annotateTab: route<{ ok: boolean; error?: string }>()(['extension'], object({ tabId: integer(0, Number.MAX_SAFE_INTEGER) })),
  /** Settings page: register content scripts for the user's added sites that have their host permission; `active` lists those hosts. */
  syncUserSites: route<{ active: string[] }>()(['extension'], empty),
  /** Ties the article in a tab states, compared with what the database holds (the popup's "From this article"). */
  getSuggestions: route<ArticleSuggestion[]>()(['extension'], object({ tabId: integer(0, Number.MAX_SAFE_INTEGER), page: text(100), url: text(2000) })),
  /** The reader accepted a suggestion: store the tie, or add the article as a source of the known one. */
  acceptSuggestion: route<{ tieId: string }>()(['extension'], object({ tabId: integer(0, Number.MAX_SAFE_INTEGER), page: text(100), key: text(700), article: object({ url: text(2000), title: text(500), date: text(30) }) })),
  /** The reader dismissed a suggestion: it is not offered again, from any article. */
  dismissSuggestion: route<null>()(['extension'], object({ key: text(700) })),
};

/** Requests from the popup or the background to one tab's content script. */
export const TAB_ROUTES = {
  /** `title` and `published` describe the article, for the source of a learned tie. */
  getPageMentions: route<{ url: string; enabled: boolean; mentions: PageMention[]; title: string; published: string | null }>()(['extension'], empty),
  setPageEnabled: route<null>()(['extension'], object({ enabled: boolean })),
  focusNextHighlight: route<{ ok: boolean }>()(['extension'], empty),
  /** Read the article again and hand its text to the background for the relation finder; answers the key it went under. */
  sendArticleText: route<{ page: string }>()(['extension'], empty),
};

export type ImportResult =
  | { ok: true; companies: number; ties: number; notes: number }
  | { ok: false; problems: { at: string; message: string }[]; total: number };

export interface DataInfo {
  datasetVersion: string;
  companies: number;
  ties: number;
  notes: number;
  userCompanies: boolean;
  lastSeedMs: number | null;
}

type Routes = Record<string, Route<unknown, unknown>>;
/** `{ req, res }` per message type, derived from a route table. */
export type RequestsOf<R> = { [K in keyof R]: R[K] extends Route<infer Req, infer Res> ? { req: Req; res: Res } : never };
export type BackgroundRequests = RequestsOf<typeof BACKGROUND_ROUTES>;
export type TabRequests = RequestsOf<typeof TAB_ROUTES>;
export type BackgroundType = keyof BackgroundRequests;
export type TabType = keyof TabRequests;
export type { Routes, Route };

/** Why a request was not answered with a value. */
export type ErrorCode = 'forbidden' | 'invalid' | 'unknown-type' | 'failed';
/** The one shape of every answer on the wire. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** Every message carries this tag so that foreign messages (other extensions, page relays) are ignored. */
export const CHANNEL = 'tieline/2';
