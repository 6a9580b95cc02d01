// One attempt on the sync server from an account screen (connect, sign in, join): busy while it runs, and
// the failure it reports, or any it throws, kept to show in a ProblemAlert.
import { useState } from 'react';
import type { ConnectFailure } from '../stores/server-address';
import { accountProblem, type AccountProblem } from '../components/account-errors';

interface Options {
  /** A success takes the screen away (sign-in opens the vault): stay busy until it goes. */
  readonly busyAfterSuccess?: boolean;
  /** Sees the failure before it is shown (to ask for what the server wants next). */
  readonly onFailure?: (failure: ConnectFailure) => void;
}

export const useAccountAttempt = <Own extends { readonly key: string } = never>(options: Options = {}) => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AccountProblem | Own | null>(null);
  /** Resolves true when the attempt succeeded. */
  const attempt = async (work: () => Promise<ConnectFailure | null>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    let succeeded = false;
    try {
      const failure = await work();
      if (failure) {
        options.onFailure?.(failure);
        setError(accountProblem(failure));
      } else succeeded = true;
    } catch {
      setError({ key: 'sync.account.error.other' });
    }
    if (!succeeded || !options.busyAfterSuccess) setBusy(false);
    return succeeded;
  };
  return { busy, error, setError, attempt };
};
