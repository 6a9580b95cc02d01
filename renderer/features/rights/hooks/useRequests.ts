// The request register, decrypted while unlocked and reloaded whenever a compliance file changes (here or
// by sync), so the list and a request page always show the stored state.
import { allRequests, type SubjectRequest } from '../../../../shared/requests';
import { useLiveQuery, valueOr } from '../../../kit/useLiveQuery';

export interface RequestsState {
  readonly requests: readonly SubjectRequest[];
  readonly loaded: boolean;
  readonly failed: boolean;
}

const NONE: readonly SubjectRequest[] = [];

export const useRequests = (): RequestsState => {
  const result = useLiveQuery(allRequests, null);
  return {
    requests: valueOr(result, NONE),
    loaded: result.status !== 'loading',
    failed: result.status === 'failed',
  };
};
