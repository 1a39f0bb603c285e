import { sendToTab } from '../messaging/send';
import { browser } from '../platform/browser';
import { publishDbProblem } from '../platform/db-problem-status';
import { onDbProblem } from '../storage/open-db';
import { registerHandlers } from './handlers';
import { listenForNoteDrafts } from './note-drafts';
import { ready } from './ready';
import { registerUserSites } from './user-sites';

// Listeners first, synchronously: an MV3 background that awaits before registering misses the
// event that woke it.
registerHandlers();
registerUserSites();
listenForNoteDrafts();
// The popup and the settings say why the data cannot be opened: an older window holds it, or a
// newer version wrote it.
onDbProblem((problem) => void publishDbProblem(problem).catch((e: unknown) => console.warn('Tieline: could not publish the database state', e)));

browser.runtime.onInstalled.addListener(() => {
  void ready();
});
browser.runtime.onStartup.addListener(() => {
  void ready();
});
browser.commands.onCommand.addListener((command) => {
  if (command === 'next-highlight') void focusNextHighlight();
});

async function focusNextHighlight(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id !== undefined) await sendToTab(tab.id, 'focusNextHighlight', {}).catch(() => undefined);
}
