// Where an admin lands: the privacy dashboard (a manager: the manager's home), when Kluis starts and the vault is unlocked without an
// address naming a page. Other roles keep the people list; a freshly created vault, still empty, opens on
// the people list where the first contacts are added; unlocking after a lock returns to the page it was on.
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
    if (!session || openedFrom === 'new' || !noPageNamed()) return;
    let current = true;
    // The role is in the stored link; a vault with no link is its owner's alone, who holds every role.
    loadLink(session).then(
      (link) => {
        if (current && noPageNamed() && (!link || mayManageOrganisation(link.role))) {
          navigate({ name: 'dashboard' });
        } else if (current && noPageNamed() && link?.role === 'manager') {
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
