// The session and directory for screens that only exist while the vault is unlocked.
import { useCallback, useSyncExternalStore } from 'react';
import type { Directory } from '../../../../shared/directory';
import type { Session } from '../../../../shared/vault';
import { useVaultStore } from '../stores/vault-store';

export const useUnlockedVault = (): { session: Session; directory: Directory } => {
  const session = useVaultStore((s) => s.session);
  const directory = useVaultStore((s) => s.directory);
  if (!session || !directory) throw new Error('This screen needs an unlocked vault');
  return { session, directory };
};

/** Re-renders on every directory change; returns the version so memos can depend on it. */
export const useDirectoryVersion = (directory: Directory): number => {
  const subscribe = useCallback((listener: () => void) => directory.subscribe(listener), [directory]);
  return useSyncExternalStore(subscribe, () => directory.version);
};
