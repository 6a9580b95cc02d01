// Who is working: the signed-in organisation user, or — for a vault not linked to a server — its sole
// owner, who holds every role (admin, also the data-protection officer).
import type { Role } from '../../../../shared/sync';
import { useSyncStore } from '../stores/sync-store';

export const LOCAL_USER_ID = 'local';

export interface CurrentUser {
  readonly userId: string;
  readonly role: Role;
  /** Linked to an organisation on a sync server. */
  readonly linked: boolean;
}

export const useCurrentUser = (): CurrentUser => {
  const link = useSyncStore((s) => s.link);
  return link
    ? { userId: link.userId, role: link.role, linked: true }
    : { userId: LOCAL_USER_ID, role: 'admin', linked: false };
};
