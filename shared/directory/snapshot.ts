// The encrypted snapshot of the directory: the list rows and the store checkpoint they reflect, sealed
// with the organisation key in this device's own collection. It lets unlock show the list without
// decrypting every record; only the changes since its checkpoint are decrypted. It is never synced, and
// is rewritten after changes, so an erased person leaves it on the next write.
import type { Session } from '../vault';
import type { OrganisationRow, PersonRow } from './rows';

export const SNAPSHOT_ID = 'snapshot:directory';
const FORMAT = 1;

export interface Checkpoint {
  readonly id: string;
  readonly lwt: number;
}

export interface DirectorySnapshot {
  readonly checkpoint: Checkpoint;
  /** Sorted as the lists show them. */
  readonly people: PersonRow[];
  readonly organisations: OrganisationRow[];
}

const address = (session: Session) =>
  ({ collection: 'vault', id: SNAPSHOT_ID, keyId: session.orgKeyId }) as const;

export const readSnapshot = async (session: Session): Promise<DirectorySnapshot | null> => {
  const doc = await session.db.vault.findOne(SNAPSHOT_ID).exec();
  if (!doc) return null;
  const value = session.cipher.openJson(doc.payload, session.orgKey, address(session)) as {
    format: number;
  } & DirectorySnapshot;
  return value.format === FORMAT ? value : null;
};

export const writeSnapshot = async (session: Session, snapshot: DirectorySnapshot): Promise<void> => {
  const payload = session.cipher.sealJson({ format: FORMAT, ...snapshot }, session.orgKey, address(session));
  await session.db.vault.upsert({ id: SNAPSHOT_ID, payload, updatedAt: Date.now() });
};
