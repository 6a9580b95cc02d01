// Names the organisation's members and devices for every screen: the name they gave themselves (synced,
// encrypted with the organisation key), else a short form of the random id. Rows of long lists (a
// timeline, a ledger) each ask, so one watch per workspace answers them all.
import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { memberNames, NO_NAMES, shortId, type MemberNames } from '../../shared/sync';
import { watchQuery, type Workspace } from '../../shared/workspace';
import { useWorkspace } from './workspace';

export interface NameOf {
  readonly names: MemberNames;
  /** A member's name, or "User 01a235a9…". */
  user(userId: string): string;
  /** A device's name, or "Device 9OPLn-VC…". */
  device(deviceId: string): string;
}

interface Shared {
  names: MemberNames;
  readonly listeners: Set<() => void>;
  stop: (() => void) | null;
}

const shared = new WeakMap<Workspace, Shared>();

const sharedFor = (workspace: Workspace): Shared => {
  let entry = shared.get(workspace);
  if (!entry) {
    entry = { names: NO_NAMES, listeners: new Set(), stop: null };
    shared.set(workspace, entry);
  }
  return entry;
};

const subscribe = (workspace: Workspace) => (listener: () => void) => {
  const entry = sharedFor(workspace);
  entry.listeners.add(listener);
  entry.stop ??= watchQuery(workspace, memberNames, undefined, (result) => {
    if (result.status !== 'ready') return;
    entry.names = result.value;
    for (const notify of entry.listeners) notify();
  });
  return () => {
    entry.listeners.delete(listener);
    if (entry.listeners.size) return;
    entry.stop?.();
    entry.stop = null;
  };
};

export const useMemberNames = (): NameOf => {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const listen = useMemo(() => subscribe(workspace), [workspace]);
  const names = useSyncExternalStore(listen, () => sharedFor(workspace).names);
  return useMemo(
    () => ({
      names,
      user: (id) => names.users[id] ?? t('names.unnamedUser', { id: shortId(id) }),
      device: (id) => names.devices[id] ?? t('names.unnamedDevice', { id: shortId(id) }),
    }),
    [names, t],
  );
};
