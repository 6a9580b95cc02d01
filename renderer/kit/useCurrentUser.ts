// Who is working: the signed-in organisation user, or — for a vault not linked to a server — its sole
// owner, who holds every role (admin, also the data-protection officer). Read from the actor the sync
// feature sets in the kit (renderer/kit/workspace.ts).
import type { Role } from '../../shared/sync';
import { useActor } from './workspace';

export const LOCAL_USER_ID = 'local';

export interface CurrentUser {
  readonly userId: string;
  readonly role: Role;
  /** Linked to an organisation on a sync server. */
  readonly linked: boolean;
}

export const useCurrentUser = (): CurrentUser => {
  const { userId, role } = useActor();
  return userId === null ? { userId: LOCAL_USER_ID, role, linked: false } : { userId, role, linked: true };
};
