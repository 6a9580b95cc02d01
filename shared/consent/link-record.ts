// What a confirmation or unsubscribe token stands for, shared with every device of the organisation: an
// item of the person (sealed with their data key, synced, erased with them) that holds the token's SHA-256,
// its kind, the list and purpose, and when it was made; never the token itself. The device that made a
// token keeps the token in its own vault (link-store.ts); this record lets any other member device that
// pulls a click on it record the consent or unsubscribe when that device is lost, reset or removed.
// The item's id is random, so the server cannot tie a token's hash to the person the item belongs to.
import { z } from 'zod';
import { LINK_KINDS } from '../sync';
import { Instant, SettingId } from '../purposes';
import { sealedKind } from '../store';
import type { Session } from '../vault';

export const LinkRecordPayload = z.strictObject({
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/, 'tokenHash'),
  kind: z.enum(LINK_KINDS),
  /** The list; null for an unsubscribe from every list of the purpose. */
  subscriptionTypeId: SettingId.nullable(),
  purposeId: SettingId,
  /** When the token was made: a click reported before it is refused. */
  createdAt: Instant,
});
export type LinkRecordPayload = z.infer<typeof LinkRecordPayload>;

export const LINK_RECORD = sealedKind('link-record', LinkRecordPayload);

/** A token as every device can resolve it: about whom, for what, and since when. */
export interface SharedLink extends Omit<LinkRecordPayload, 'tokenHash'> {
  readonly personId: string;
}

/** Stores the shared record of a token just made on this device; it syncs with the person's other items. */
export const shareLink = async (
  session: Session,
  personId: string,
  record: LinkRecordPayload,
): Promise<void> => {
  await session.items(LINK_RECORD).create(personId, record);
};

/**
 * Every shared token of the organisation this device holds, by hash. Read once per pull and only when a
 * click is on a token this device did not make; records that cannot be opened (an erased person) are left out.
 */
export const sharedLinksByHash = async (session: Session): Promise<ReadonlyMap<string, SharedLink>> => {
  const { records } = await session.items(LINK_RECORD).loadAll();
  const byHash = new Map<string, SharedLink>();
  for (const { subjectId, data } of records) {
    const { tokenHash, ...about } = data;
    byHash.set(tokenHash, { ...about, personId: subjectId });
  }
  return byHash;
};
