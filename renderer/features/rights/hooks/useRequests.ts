// The request register, decrypted while unlocked and reloaded whenever a compliance file changes (here or
// by sync), so the list and a request page always show the stored state.
import { useEffect, useState } from 'react';
import { listRequests, type SubjectRequest } from '../../../../shared/requests';
import { useWorkspace } from '../../../kit/workspace';

export interface RequestsState {
  readonly requests: readonly SubjectRequest[];
  readonly loaded: boolean;
  readonly failed: boolean;
}

export const useRequests = (): RequestsState => {
  const { workspace: session } = useWorkspace();
  const [state, setState] = useState<RequestsState>({ requests: [], loaded: false, failed: false });
  useEffect(() => {
    let alive = true;
    let running: Promise<void> = Promise.resolve();
    const load = () => {
      running = running.then(async () => {
        try {
          const requests = await listRequests(session);
          if (alive) setState({ requests, loaded: true, failed: false });
        } catch {
          if (alive) setState((s) => ({ ...s, loaded: true, failed: true }));
        }
      });
    };
    load();
    const subscription = session.db.compliance.$.subscribe(() => load());
    return () => {
      alive = false;
      subscription.unsubscribe();
    };
  }, [session]);
  return state;
};
