import { DB_PROBLEM_KEY, isDbProblem, type DbProblem } from '../core/db-problem';
import { browser } from './browser';

/**
 * The background's word on its database, for the popup and the settings to show. Session storage:
 * it is about this run of the browser, and a page opened later still reads it.
 */
export async function publishDbProblem(problem: DbProblem | null): Promise<void> {
  if (problem) await browser.storage.session.set({ [DB_PROBLEM_KEY]: problem });
  else await browser.storage.session.remove(DB_PROBLEM_KEY);
}

/** Call `onChange` with the current problem, then with each change; returns the unsubscribe. */
export function watchDbProblem(onChange: (problem: DbProblem | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && DB_PROBLEM_KEY in changes) onChange(asProblem(changes[DB_PROBLEM_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  void browser.storage.session.get(DB_PROBLEM_KEY).then(
    (stored) => onChange(asProblem(stored[DB_PROBLEM_KEY])),
    () => undefined,
  );
  return () => browser.storage.onChanged.removeListener(listener);
}

const asProblem = (value: unknown): DbProblem | null => (isDbProblem(value) ? value : null);
