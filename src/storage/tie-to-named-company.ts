import type { Company, Tie } from '../core/model';
import { cleanCompanyName, companyIdCandidates, companyNamed, MAX_COMPANY_NAME } from '../core/new-company';
import { foldString } from '../core/normalize';
import { checkCompany, checkTie, describeProblems, type Problem } from '../core/validate-dataset';
import { fromStored, toStored } from './companies';
import { allOrNothing, type Db } from './open-db';

export interface NamedTieResult {
  tie: Tie;
  counterparty: Company;
  /** True when the counterparty is a company of the user's made for this tie. */
  created: boolean;
}

/**
 * Save a tie whose counterparty the user typed by name: the company with that name (or alias) if
 * there is one, else a new company of the user's under that name. The lookup, the new company and
 * the tie share one transaction, so the tie never lands without its company, nor the company
 * without its tie, and two saves cannot both create the same name.
 */
export async function saveTieToNamedCompany(db: Db, tie: Tie, typedName: string): Promise<NamedTieResult> {
  const tx = db.transaction(['companies', 'ties'], 'readwrite');
  const companies = tx.objectStore('companies');
  const ties = tx.objectStore('ties');
  let plan: NamedTieResult;
  try {
    const name = cleanCompanyName(typedName);
    if (!name) throw new Error(`counterparty: needs a name of 1 to ${MAX_COMPANY_NAME} characters`);
    if ((await companies.getKey(String(tie.company))) === undefined) throw new Error(`company: unknown company "${tie.company}"`);
    const known = companyNamed((await companies.index('nameKeys').getAll(foldString(name))).map(fromStored), name);
    let counterparty = known;
    if (!counterparty) {
      let id = '';
      for (const candidate of companyIdCandidates(name)) {
        if ((await companies.getKey(candidate)) === undefined) {
          id = candidate;
          break;
        }
      }
      const problems: Problem[] = [];
      counterparty = checkCompany({ id, name }, 'counterparty', problems, 'user') ?? undefined;
      if (!counterparty) throw new Error(describeProblems(problems));
    }
    const problems: Problem[] = [];
    // The id follows the counterparty, which the caller could not know.
    const checked = checkTie({ ...tie, id: undefined, counterparty: counterparty.id, origin: 'user' }, 'tie', problems, 'user');
    if (!checked) throw new Error(describeProblems(problems));
    plan = { tie: checked, counterparty, created: !known };
  } catch (e) {
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
    await tx.done.catch(() => undefined);
    throw e;
  }
  await allOrNothing(tx, [
    // add, not put: should the id be taken after all, the transaction fails rather than overwrite.
    ...(plan.created ? [() => companies.add(toStored(plan.counterparty))] : []),
    () => ties.put(plan.tie),
  ]);
  return plan;
}
