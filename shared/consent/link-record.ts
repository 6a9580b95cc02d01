// A confirmation or unsubscribe token and what it stands for, shared with every device of the organisation:
// an item of the person (sealed with their data key, synced, erased with them) that holds the token, its
// SHA-256 (as the server names it), its kind, the list and purpose, and when it was made. Any member
// device that can read the person can resolve a click on it when the device that made it is lost, reset
// or removed, and check the click's proof against the token (links.ts): the server, which holds only
// hashes, cannot make a proof for a token nobody clicked. Erasing the person erases their tokens on every
// device, as the item goes with its data key. The item's id is random, so the server cannot tie a token's
// hash to the person the item belongs to by its id.
import { z } from 'zod';
import { LINK_KINDS, LINK_TOKEN } from '../sync';
import { Instant, SettingId } from '../purposes';
import { sealedKind } from '../store';
import type { Session } from '../vault';

export const LinkRecordPayload = z.strictObject({
  /**
   * The token itself. Absent only in records made before tokens were shared (they were then kept on the
   * making device alone); a click on such a token cannot be proved and is refused.
   */
  token: z.string().regex(LINK_TOKEN, 'token').optional(),
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/, 'tokenHash'),
  kind: z.enum(LINK_KINDS),
  /** The list; null for an unsubscribe from every list of the purpose. */
  subscriptionTypeId: SettingId.nullable(),
  purposeId: SettingId,
  /**
   * When the token was made, by the server's clock at its registration (within an hour of the making
   * device's; link-store.ts tokenTime): a click reported before it is refused, and a member's removal
   * after it retires it (link-retirement.ts).
   */
  createdAt: Instant,
});
export type LinkRecordPayload = z.infer<typeof LinkRecordPayload>;

export const LINK_RECORD = sealedKind('link-record', LinkRecordPayload);

/** A token as every device can resolve it: about whom, for what, and since when. */
export interface SharedLink extends Omit<LinkRecordPayload, 'tokenHash'> {
  readonly tokenHash: string;
  readonly personId: string;
}

/** Stores the record of a token just made; it syncs with the person's other items. */
export const shareLink = async (
  session: Session,
  personId: string,
  record: LinkRecordPayload,
): Promise<void> => {
  await session.items(LINK_RECORD).create(personId, record);
};

const shared = (subjectId: string, data: LinkRecordPayload): SharedLink => ({ ...data, personId: subjectId });

/** The person's tokens, newest first. */
export const personLinks = async (session: Session, personId: string): Promise<SharedLink[]> =>
  (await session.items(LINK_RECORD).listForSubject(personId)).records.map((r) => shared(r.subjectId, r.data));

/**
 * Every token of the organisation this device holds, newest first. Records that cannot be opened (an
 * erased person) are left out.
 */
export const allLinks = async (session: Session): Promise<SharedLink[]> =>
  (await session.items(LINK_RECORD).loadAll()).records.map((r) => shared(r.subjectId, r.data));

/** Every token of the organisation this device holds, by hash. Read once per pull of clicks. */
export const sharedLinksByHash = async (session: Session): Promise<ReadonlyMap<string, SharedLink>> =>
  new Map((await allLinks(session)).map((link) => [link.tokenHash, link]));
