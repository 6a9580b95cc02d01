// One person's consent ledgers (basis, consent, subscriptions, objections, restriction, notices received),
// reloaded whenever an entry about them is added here or arrives by sync.
import { personLedgers, type PersonLedgers } from '../../../../shared/consent';
import { useLiveQuery } from '../../../kit/useLiveQuery';

export type LedgersState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed' }
  | { readonly status: 'ready'; readonly ledgers: PersonLedgers; readonly loadedAt: number };

export const usePersonLedgers = (personId: string): LedgersState => {
  const result = useLiveQuery(personLedgers, { personId }, { debounceMs: 0 });
  if (result.status === 'ready') return { status: 'ready', ...result.value };
  return result.status === 'failed' ? { status: 'failed' } : result;
};
