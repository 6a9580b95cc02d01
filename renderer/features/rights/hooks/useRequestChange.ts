// Runs one change to a request and tells the user how it went, translating the register's rule errors
// (an extension after the first due date, a change to a closed request) into what to do about them.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ValidationError } from '../../../../shared/store';
import { RequestRuleError } from '../../../../shared/requests';
import { notify } from '../../../kit/notification-store';

/** The confirmations a change may show. */
export type RequestDoneKey =
  | 'rights.verify.saved'
  | 'rights.extend.saved'
  | 'rights.decision.saved'
  | 'rights.decision.statusSaved'
  | 'rights.sent.saved';

export const useRequestChange = (): ((
  change: () => Promise<unknown>,
  doneKey: RequestDoneKey,
) => Promise<boolean>) => {
  const { t } = useTranslation();
  return useCallback(
    async (change, doneKey) => {
      try {
        await change();
        notify(t(doneKey));
        return true;
      } catch (error) {
        const code =
          error instanceof RequestRuleError
            ? error.code
            : error instanceof ValidationError
              ? 'invalid'
              : 'failed';
        notify(t(`rights.errors.${code}`), 'error');
        return false;
      }
    },
    [t],
  );
};

/** The change runner with a busy flag for the card that runs it; `then` runs only after a success. */
export const useRequestRun = () => {
  const runRequestChange = useRequestChange();
  const [busy, setBusy] = useState(false);
  const run = async (change: () => Promise<unknown>, done: RequestDoneKey, then?: () => void) => {
    setBusy(true);
    if (await runRequestChange(change, done)) then?.();
    setBusy(false);
  };
  return { busy, run };
};
