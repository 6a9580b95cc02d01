// Where the admin's device keeps the invite keys of its open invitations (admin.ts PendingInvites): one
// document of the local `vault` collection, sealed with the organisation key, so they are readable only
// while the vault is unlocked and never leave this device.
import type { Session } from '../vault';
import type { PendingInvites } from './admin';

const INVITES_ID = 'sync-invites';

export const sessionPendingInvites = (session: Session): PendingInvites => {
  const address = () => ({ collection: 'vault', id: INVITES_ID, keyId: session.orgKeyId }) as const;
  const list = async (): Promise<Record<string, string>> => {
    const doc = await session.db.vault.findOne(INVITES_ID).exec();
    if (!doc) return {};
    try {
      const value: unknown = session.cipher.openJson(doc.payload, session.orgKey, address());
      return value && typeof value === 'object' ? (value as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const save = async (invites: Record<string, string>): Promise<void> => {
    const payload = session.cipher.sealJson(invites, session.orgKey, address());
    await session.db.vault.upsert({ id: INVITES_ID, payload, updatedAt: Date.now() });
  };
  // One change at a time, so two invitations made quickly do not overwrite each other.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    list: () => serial(list),
    add: (userId, macKey) => serial(async () => save({ ...(await list()), [userId]: macKey })),
    remove: (userId) =>
      serial(async () => {
        const invites = await list();
        if (!(userId in invites)) return;
        delete invites[userId];
        await save(invites);
      }),
  };
};
