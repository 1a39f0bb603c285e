import type { BackgroundRequests } from '../messaging/protocol';
import { listen } from '../messaging/router';
import { browser } from '../platform/browser';
import { getCompanies, searchCompanies } from '../storage/companies';
import { recordSightings } from '../storage/sightings';
import { companyView, pageGraph } from './company-view';
import { exportData, getDataInfo, importData, resetData } from './data-handlers';
import { currentMatcher } from './matcher-cache';
import { ready } from './ready';
import { handleMatchTexts } from './match-texts';
import { handleSaveTie } from './save-tie';
import { handleSyncUserSites } from './user-sites';
import { fromExtensionPage } from '../messaging/senders';

// Our own pages (popup, options, the card frame). Chrome serves the card under a dynamic URL whose
// host is not the extension id, so check the scheme: the router has already checked sender.id.

/** Data-changing requests come from Tieline's own pages, never from a content script in a web page. */
function onlyFromPages<T>(sender: { url?: string }, run: () => Promise<T>): Promise<T> {
  if (!fromExtensionPage(sender)) return Promise.reject(new Error('only Tieline pages may do this'));
  return run();
}

export function registerHandlers(): void {
  listen<BackgroundRequests>({
    async getMatcher() {
      return currentMatcher(await ready());
    },
    matchTexts: (req, sender) => handleMatchTexts(req, sender),
    async pageScanned({ url, companies }, sender) {
      if (!sender.tab || typeof url !== 'string' || !Array.isArray(companies)) return { ok: true };
      // recordSightings keeps origin and path only, whatever the sender put in the URL.
      await recordSightings(await ready(), companies.filter((c) => typeof c === 'string').slice(0, 500), url.slice(0, 2000));
      return { ok: true };
    },
    async getCompanyView({ companyId }) {
      return companyView(await ready(), String(companyId));
    },
    async getCompanyNames({ ids }) {
      const found = await getCompanies(await ready(), (Array.isArray(ids) ? ids : []).slice(0, 1000).map(String));
      return Object.fromEntries([...found].map(([id, c]) => [id, c.name]));
    },
    async getPageGraph({ ids }) {
      return pageGraph(await ready(), (Array.isArray(ids) ? ids : []).slice(0, 200).map(String));
    },
    async searchCompanies({ query, limit }) {
      return searchCompanies(await ready(), String(query), Math.min(Number(limit) || 20, 100));
    },
    async saveTie(req, sender) {
      if (!fromExtensionPage(sender)) throw new Error('ties can only be saved from Tieline pages');
      return handleSaveTie(req);
    },
    exportData: (req, sender) => onlyFromPages(sender, () => exportData(req)),
    importData: (req, sender) => onlyFromPages(sender, () => importData(req)),
    resetData: (req, sender) => onlyFromPages(sender, () => resetData(req)),
    getDataInfo: (req) => getDataInfo(req),
    syncUserSites: handleSyncUserSites,
    async annotateTab({ tabId }, sender) {
      if (!fromExtensionPage(sender)) return { ok: false, error: 'not allowed' };
      try {
        // The flag tells the content script to run even where the user turned it off.
        await browser.scripting.executeScript({ target: { tabId }, func: () => { (globalThis as Record<string, unknown>).__tielineInjected = true; } });
        await browser.scripting.insertCSS({ target: { tabId }, files: ['marks.css'] });
        await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
        return { ok: true };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
  });
}
