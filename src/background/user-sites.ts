import { matchPatternsFor, USER_SITES_KEY, userSitesFrom } from '../core/default-sites';
import type { BackgroundRequests } from '../messaging/protocol';
import { browser } from '../platform/browser';

/**
 * Sites the user added in the settings. The wish lives in storage.local (`userSites`); a site gets a
 * registered content script (the same content.js as the news sites) only while the browser grants
 * its host permission. `syncUserSites` makes the registrations match that, and runs on install,
 * browser start, permission changes and whenever the settings page asks.
 */

const ID_PREFIX = 'user-site:';

type Registered = { id: string; matches?: string[]; css?: string[] };
/** The marks' look, injected with the content script (as the manifest's content_scripts do). */
const MARK_CSS = ['marks.css'];

let queue: Promise<unknown> = Promise.resolve();

/** Serialized: two syncs at once could both try to register the same id. */
export function syncUserSites(): Promise<string[]> {
  const run = queue.then(doSync, doSync);
  queue = run.catch(() => undefined);
  return run;
}

async function doSync(): Promise<string[]> {
  const sites = userSitesFrom((await browser.storage.local.get(USER_SITES_KEY))[USER_SITES_KEY]);
  const want = new Map<string, string[]>();
  for (const host of sites) {
    if (await browser.permissions.contains({ origins: matchPatternsFor(host) })) want.set(ID_PREFIX + host, matchPatternsFor(host));
  }
  const ours = ((await browser.scripting.getRegisteredContentScripts()) as Registered[]).filter((s) => s.id.startsWith(ID_PREFIX));
  // Registered by an older version without the marks' stylesheet: registered again.
  const stale = ours.filter((s) => !want.has(s.id) || !sameSet(s.matches ?? [], want.get(s.id)!) || !sameSet(s.css ?? [], MARK_CSS));
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale.map((s) => s.id) });
  const kept = new Set(ours.filter((s) => !stale.includes(s)).map((s) => s.id));
  const add = [...want].filter(([id]) => !kept.has(id)).map(([id, matches]) => ({
    id,
    matches,
    js: ['content.js'],
    css: MARK_CSS,
    runAt: 'document_start' as const,
    allFrames: false,
  }));
  if (add.length > 0) await register(add);
  return [...want.keys()].map((id) => id.slice(ID_PREFIX.length));
}

type Script = { id: string; matches: string[]; js: string[]; css: string[]; runAt: 'document_start'; allFrames: boolean };

async function register(scripts: Script[]): Promise<void> {
  try {
    // Chrome forgets dynamic scripts at browser restart unless asked to keep them.
    await browser.scripting.registerContentScripts(scripts.map((s) => ({ ...s, persistAcrossSessions: true })));
  } catch (e) {
    // A browser that does not know the option: register without it (we re-sync at every start anyway).
    if (!/persistAcrossSessions/i.test(String(e))) throw e;
    await browser.scripting.registerContentScripts(scripts);
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * Listeners at start (synchronously, like every MV3 background listener). The user may also grant
 * or revoke a site outside Tieline (Chrome's site access menu, Firefox's add-on permissions page).
 */
export function registerUserSites(): void {
  const sync = () => void syncUserSites().catch((e: unknown) => console.warn('Tieline: user sites:', e));
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
}


/** The settings page changed the list (or just opened): register what is allowed, say which are active. */
export async function handleSyncUserSites(): Promise<BackgroundRequests['syncUserSites']['res']> {
  return { active: await syncUserSites() };
}
