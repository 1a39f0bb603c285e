import { useEffect, useState } from 'preact/hooks';
import { DB_PROBLEM_MESSAGES, type DbProblem } from '../core/db-problem';
import { t } from './translate';

/**
 * Says why Tieline's data cannot be opened (an older window holds it, or a newer version wrote it)
 * and what to do. The page hands in how to watch the background's word on it, and how to ask again.
 */
export function DbProblemNotice(props: {
  watch: (onChange: (problem: DbProblem | null) => void) => () => void;
  /** Ask the background to try again: the word may be from before it was stopped (idle) and restarted. */
  recheck: () => void;
}) {
  const { watch, recheck } = props;
  const [problem, setProblem] = useState<DbProblem | null>(null);
  useEffect(() => watch(setProblem), [watch]);
  const shown = problem !== null;
  useEffect(() => {
    if (shown) recheck();
  }, [shown, recheck]);
  if (!problem) return null;
  return (
    <p class="db-problem" role="alert" data-testid="db-problem" data-problem={problem}>
      {t(DB_PROBLEM_MESSAGES[problem])}
    </p>
  );
}
