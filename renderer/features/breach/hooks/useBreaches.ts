// The breach register, kept current as incidents change here or arrive by sync (admins only receive the
// compliance collection).
import { breachRegister, type BreachPayload } from '../../../../shared/breach';
import type { Setting } from '../../../../shared/store';
import { useLiveQuery } from '../../../kit/useLiveQuery';

export type BreachRecord = Setting<BreachPayload>;

export const useBreaches = (): { breaches: readonly BreachRecord[]; loaded: boolean } => {
  const result = useLiveQuery(breachRegister, null);
  return result.status === 'ready'
    ? { breaches: result.value, loaded: true }
    : { breaches: [], loaded: result.status === 'failed' };
};
