import { BACKGROUND_ROUTES } from '../messaging/protocol';
import { listen } from '../messaging/router';
import { browser } from '../platform/browser';
import { getCompanies, searchCompanies } from '../storage/companies';
import { recordSightings } from '../storage/sightings';
import { companyView, pageGraph } from './company-view';
import { exportData, getDataInfo, importData, resetData } from './data-handlers';
import { ready } from './ready';
import { handleMatchTexts, handleProbeTexts } from './match-texts';
import { handleSaveTie } from './save-tie';
import { acceptSuggestion, dismissSuggestion, getSuggestions } from './suggestions';
import { handleSyncUserSites } from './user-sites';

/**
 * The background's answers. Who may ask what, and the shape of every request, are checked by the
 * router against `BACKGROUND_ROUTES` before any of these runs.
 */
export function registerHandlers(): void {
  listen(BACKGROUND_ROUTES, {
    matchTexts: (req, sender) => handleMatchTexts(req, sender),
    probeTexts: (req) => handleProbeTexts(req),
    getSuggestions,
    acceptSuggestion,
    dismissSuggestion,
    async pageScanned({ url, companies }, sender) {
      // recordSightings keeps origin and path only, whatever the sender put in the URL.
      if (sender.tab) await recordSightings(await ready(), companies, url);
      return null;
    },
    async getCompanyView({ companyId, pageUrl }) {
      return companyView(await ready(), companyId, pageUrl);
    },
    async getCompanyNames({ ids }) {
      const found = await getCompanies(await ready(), ids);
      return Object.fromEntries([...found].map(([id, c]) => [id, c.name]));
    },
    async getPageGraph({ ids }) {
      return pageGraph(await ready(), ids);
    },
    async searchCompanies({ query, limit }) {
      return searchCompanies(await ready(), query, limit ?? 20);
    },
    saveTie: (req) => handleSaveTie(req),
    exportData: (req) => exportData(req),
    importData: (req) => importData(req),
    resetData: (req) => resetData(req),
    getDataInfo: (req) => getDataInfo(req),
    syncUserSites: () => handleSyncUserSites(),
    async annotateTab({ tabId }) {
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
