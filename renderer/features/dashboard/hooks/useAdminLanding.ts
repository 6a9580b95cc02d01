// Where an admin lands: the privacy dashboard (a manager: the manager's home), when Kluis starts and the vault is unlocked without an
// address naming a page. Other roles keep the people list. A vault just created on this device opens on the
// dashboard too, where the getting-started guide leads its owner (who holds every role) through the first
// steps; a device that just joined an organisation keeps the people list. Unlocking after a lock returns to
// the page it was on.
import { useEffect } from 'react';
import { mayManageOrganisation } from '../../../../shared/sync';
import type { Session } from '../../../../shared/vault';
import { navigate } from '../../../kit/routing';
import { loadLink } from '../../sync/stores/sync-store';
import { useVaultStore, type VaultPhase } from '../../vault/stores/vault-store';

/** The phase the vault was in when it began to open: 'new' for a vault just created. */
let openedFrom: VaultPhase | null = null;
useVaultStore.subscribe((state, previous) => {
  if (state.phase === 'loading' && previous.phase !== 'loading') openedFrom = previous.phase;
});

const noPageNamed = (): boolean => window.location.hash.replace(/^#\/?/, '') === '';

export const useAdminLanding = (session: Session | null): void => {
  useEffect(() => {
    if (!session || !noPageNamed()) return;
    const justJoinedOrCreated = openedFrom === 'new';
    let current = true;
    // The role is in the stored link; a vault with no link is its owner's alone, who holds every role.
    loadLink(session).then(
      (link) => {
        if (!current || !noPageNamed()) return;
        if (justJoinedOrCreated) {
          // No link yet: the vault was created here, not joined by signing in.
          if (!link) navigate({ name: 'dashboard' });
        } else if (!link || mayManageOrganisation(link.role)) {
          navigate({ name: 'dashboard' });
        } else if (link.role === 'manager') {
          // A manager lands on their own home: the pipeline, and who is behind.
          navigate({ name: 'manager' });
        }
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [session]);
};
