import type { CompanyView, PageMention } from '../core/views';
import type { Mention } from '../core/matcher';
import type { Company, Tie } from '../core/model';

/**
 * Every message between Tieline's parts. A request is `{ type, ...req }`; the receiver answers with
 * `res`. Requests to the background come from content scripts and extension pages; tab requests go
 * from the popup or the background to one tab's content script.
 */
export interface BackgroundRequests {
  /**
   * The matcher for the user's data (asked only when the user changed the dataset): base64 bytes to
   * load in the page, or, when it is too large to ship to every page, `remote`: ask `matchTexts`.
   */
  getMatcher: { req: Record<string, never>; res: { version: string; base64: string } | { version: string; remote: true } };
  /** Mentions in a page's texts, found by the background's matcher; `page` keys the page's context cues. */
  matchTexts: { req: { page: string; texts: string[] }; res: { mentions: Mention[][] } };
  /** A content script found these companies on its page; `url` is the page's origin and path only. */
  pageScanned: { req: { url: string; companies: string[] }; res: { ok: true } };
  getCompanyView: { req: { companyId: string }; res: CompanyView | null };
  getCompanyNames: { req: { ids: string[] }; res: Record<string, string> };
  /** The ties of a page's companies, with the names and aliases of everyone they touch (for the map). */
  getPageGraph: { req: { ids: string[] }; res: { ties: Tie[]; names: Record<string, string>; aliases: Record<string, string[]> } };
  searchCompanies: { req: { query: string; limit?: number }; res: Company[] };
  /**
   * Add or change a tie. With `counterpartyName`, the counterparty is the company of that name or
   * alias, or else a new company of the user's by that name, saved with the tie (both or neither);
   * the background then sets `tie.counterparty` and the tie's id.
   */
  saveTie: { req: { tie: Tie; counterpartyName?: string }; res: { ok: true; counterparty: string; created: boolean } };
  /** The whole database in the export format, as JSON text. */
  exportData: { req: Record<string, never>; res: { fileName: string; json: string } };
  /** Check and apply an import (Tieline JSON or companies CSV); all or nothing. */
  importData: { req: { fileName: string; text: string }; res: ImportResult };
  /** Back to the bundled dataset; notes stay unless `keepNotes` is false; the reading history goes unless `clearHistory` is false. */
  resetData: { req: { keepNotes: boolean; clearHistory?: boolean }; res: { ok: true } };
  getDataInfo: { req: Record<string, never>; res: DataInfo };
  /** Extension pages ask this to annotate the active tab once (activeTab) on a site that is not on the list. */
  annotateTab: { req: { tabId: number }; res: { ok: boolean; error?: string } };
  /** Settings page: register content scripts for the user's added sites that have their host permission; `active` lists those hosts. */
  syncUserSites: { req: Record<string, never>; res: { active: string[] } };
}

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

export interface TabRequests {
  getPageMentions: { req: Record<string, never>; res: { url: string; enabled: boolean; mentions: PageMention[] } };
  setPageEnabled: { req: { enabled: boolean }; res: { ok: true } };
  focusNextHighlight: { req: Record<string, never>; res: { ok: boolean } };
}

export type BackgroundType = keyof BackgroundRequests;
export type TabType = keyof TabRequests;
export type BackgroundMessage<K extends BackgroundType = BackgroundType> = { type: K } & BackgroundRequests[K]['req'];
export type TabMessage<K extends TabType = TabType> = { type: K } & TabRequests[K]['req'];

/** Every message carries this tag so that foreign messages (other extensions, page relays) are ignored. */
export const CHANNEL = 'tieline/1';
