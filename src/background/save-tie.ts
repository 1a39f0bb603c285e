import { checkTie, describeProblems, type Problem } from '../core/validate-dataset';
import type { BackgroundRequests } from '../messaging/protocol';
import { tieChange } from '../core/tie-changes';
import { logTieChanges } from '../storage/tie-changes';
import { saveTie } from '../storage/ties';
import { saveTieToNamedCompany } from '../storage/tie-to-named-company';
import { refreshMatcher } from './data-handlers';
import { ready } from './ready';

type SaveTie = BackgroundRequests['saveTie'];

/** Save a tie from the popup; a counterparty given by name may bring a new company of the user's. */
export async function handleSaveTie({ tie, counterpartyName }: SaveTie['req']): Promise<SaveTie['res']> {
  const db = await ready();
  if (counterpartyName !== undefined) {
    const saved = await saveTieToNamedCompany(db, tie, counterpartyName);
    // Pages must learn the new name: recompile the matcher and point content scripts at it.
    if (saved.created) await refreshMatcher(db);
    const change = tieChange(null, { ...tie, counterparty: saved.counterparty.id }, Date.now(), 'you');
    if (change) await logTieChanges(db, [change]);
    return { counterparty: saved.counterparty.id, created: saved.created };
  }
  const problems: Problem[] = [];
  const checked = checkTie(tie, 'tie', problems, 'user');
  if (!checked) throw new Error(describeProblems(problems));
  const before = await db.get('ties', checked.id);
  await saveTie(db, checked);
  const change = tieChange(before, checked, Date.now(), 'you');
  if (change) await logTieChanges(db, [change]);
  return { counterparty: checked.counterparty, created: false };
}
