// The unlocked workspace, the directory of people and organisations, and who is acting — for every
// feature, without any feature importing another. The vault feature sets the workspace on unlock and
// clears it on lock; the sync feature sets the actor from the signed-in user.
import { useCallback, useSyncExternalStore } from 'react';
import { create } from 'zustand';
import type { Directory } from '../../shared/directory';
import { LOCAL_ACTOR, type Actor, type Workspace } from '../../shared/workspace';

interface WorkspaceState {
  readonly workspace: Workspace | null;
  readonly directory: Directory | null;
  readonly actor: Actor;
}

export const useWorkspaceStore = create<WorkspaceState>()(() => ({
  workspace: null,
  directory: null,
  actor: LOCAL_ACTOR,
}));

export interface OpenWorkspace {
  readonly workspace: Workspace;
  readonly directory: Directory;
  readonly actor: Actor;
}

/** For screens that exist only while the vault is unlocked. */
export const useWorkspace = (): OpenWorkspace => {
  const workspace = useWorkspaceStore((s) => s.workspace);
  const directory = useWorkspaceStore((s) => s.directory);
  const actor = useWorkspaceStore((s) => s.actor);
  if (!workspace || !directory) throw new Error('This screen needs an unlocked vault');
  return { workspace, directory, actor };
};

export const useActor = (): Actor => useWorkspaceStore((s) => s.actor);

/** Re-renders on every directory change; returns the version so memos can depend on it. */
export const useDirectoryVersion = (directory: Directory): number => {
  const subscribe = useCallback((listener: () => void) => directory.subscribe(listener), [directory]);
  return useSyncExternalStore(subscribe, () => directory.version);
};
