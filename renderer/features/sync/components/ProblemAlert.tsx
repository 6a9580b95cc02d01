// One failed account step, worded: the text for its key, with the wait when the server timed a back-off.
import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import type { AccountProblem } from './account-errors';

export function ProblemAlert({
  problem,
}: {
  readonly problem: AccountProblem | { readonly key: 'sync.signIn.empty' | 'sync.join.empty' };
}) {
  const { t } = useTranslation();
  const count = 'count' in problem ? problem.count : undefined;
  return (
    <Alert severity="error" role="alert">
      {count === undefined ? t(problem.key) : t(problem.key, { count })}
    </Alert>
  );
}
