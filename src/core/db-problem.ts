/**
 * Why Tieline's data cannot be opened, when the user can do something about it:
 * - `blocked`: a window of an older Tieline still holds the data open, so the upgrade waits;
 * - `newer`: the data was written by a newer Tieline (the extension was downgraded); it is kept as is.
 */
export type DbProblem = 'blocked' | 'newer';

/** Where the background tells its pages about a problem (extension session storage). */
export const DB_PROBLEM_KEY = 'dbProblem';

/** The `_locales` message that tells the user what happened and what to do. */
export const DB_PROBLEM_MESSAGES: Readonly<Record<DbProblem, string>> = { blocked: 'dbBlocked', newer: 'dbNewer' };

export function isDbProblem(value: unknown): value is DbProblem {
  return value === 'blocked' || value === 'newer';
}
