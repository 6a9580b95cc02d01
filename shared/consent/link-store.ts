// What each confirmation and unsubscribe token stands for, kept only on the device that made it: one
// sealed document per token in the never-synced `vault` collection (found by the token's hash, as the
// server names it in clicks), and one per person, list and kind that points at the token still open, so
// a resent confirmation or a later campaign export reuses it. A token is used once: when its click has
// been recorded, the pointer goes and the next request makes a new token (the server keeps only the first
// click of a token, so a reused clicked token would never report again). A token made here is also
// described, by hash only, in a synced record of the person (link-record.ts), so another device of the
// organisation can record its click when this one is gone.
import { loadSodium, utf8 } from '../crypto';
import { linkTokenHash, newLinkToken, type LinkKind } from '../sync';
import { changeLocalDoc, readLocalDoc, type LocalVault, type Session } from '../vault';
import { shareLink } from './link-record';

/** Who and what a token is about: a person, one of their lists and its purpose. */
export interface LinkSubject {
  readonly kind: LinkKind;
  readonly personId: string;
  /** The list; null for an unsubscribe from every list of the purpose (a campaign over all its lists). */
  readonly subscriptionTypeId: string | null;
  readonly purposeId: string;
}

export interface LinkEntry extends LinkSubject {
  readonly token: string;
  readonly createdAt: number;
  /** When this device recorded the token's click in the ledger; null while none was. */
  readonly recordedAt: number | null;
}

export interface HeldLink {
  readonly token: string;
  readonly tokenHash: string;
  /** True when the token was made now and still has to be registered with the server. */
  readonly created: boolean;
}

// Document ids are at most 64 characters: a prefix and 56 hex characters (224 bits) of a SHA-256.
const ID_HEX = 56;
const entryId = (tokenHash: string) => `lk-${tokenHash.slice(0, ID_HEX)}`;
const pointerId = async (about: LinkSubject) => {
  const sodium = await loadSodium();
  const key = [about.kind, about.personId, about.subscriptionTypeId ?? '*', about.purposeId].join('\n');
  return `lp-${sodium.to_hex(sodium.crypto_hash_sha256(utf8(key))).slice(0, ID_HEX)}`;
};
const CURSOR_ID = 'link-click-cursor';

const putDoc = <T>(vault: LocalVault, id: string, value: T) =>
  changeLocalDoc<T>(vault, id, value, () => value);

/** The open token for this person, list, purpose and kind; a new one (stored here first) when none is. */
export const holdLink = async (vault: Session, about: LinkSubject, now: number): Promise<HeldLink> => {
  const pointer = await pointerId(about);
  const open = await readLocalDoc<string | null>(vault, pointer, null);
  if (open) {
    const tokenHash = await linkTokenHash(open);
    const entry = await linkByHash(vault, tokenHash);
    if (entry && entry.recordedAt === null) return { token: open, tokenHash, created: false };
  }
  const token = newLinkToken();
  const tokenHash = await linkTokenHash(token);
  // Shared first: a token this device holds always has its record for the other devices.
  const { kind, subscriptionTypeId, purposeId } = about;
  await shareLink(vault, about.personId, { tokenHash, kind, subscriptionTypeId, purposeId, createdAt: now });
  const entry: LinkEntry = {
    kind: about.kind,
    personId: about.personId,
    subscriptionTypeId: about.subscriptionTypeId,
    purposeId: about.purposeId,
    token,
    createdAt: now,
    recordedAt: null,
  };
  await putDoc(vault, entryId(tokenHash), entry);
  await putDoc<string | null>(vault, pointer, token);
  return { token, tokenHash, created: true };
};

/** What this device keeps for a token's hash; null for a token another device (or nobody) made. */
export const linkByHash = async (vault: LocalVault, tokenHash: string): Promise<LinkEntry | null> => {
  const entry = await readLocalDoc<LinkEntry | null>(vault, entryId(tokenHash), null);
  // The id holds part of the hash: check the whole of it against the token itself.
  return entry && (await linkTokenHash(entry.token)) === tokenHash ? entry : null;
};

/** Marks the token's click as recorded, and lets the next request for its person and list make a new one. */
export const markLinkRecorded = async (vault: LocalVault, entry: LinkEntry, at: number): Promise<void> => {
  const tokenHash = await linkTokenHash(entry.token);
  await putDoc<LinkEntry>(vault, entryId(tokenHash), { ...entry, recordedAt: at });
  const pointer = await pointerId(entry);
  await changeLocalDoc<string | null>(vault, pointer, null, (open) => (open === entry.token ? null : open));
};

/** Where this device stopped reading the organisation's clicks (0 before the first pull). */
export const linkClickCursor = (vault: LocalVault): Promise<number> => readLocalDoc(vault, CURSOR_ID, 0);

export const saveLinkClickCursor = (vault: LocalVault, cursor: number): Promise<number> =>
  changeLocalDoc(vault, CURSOR_ID, 0, (current) => Math.max(current, cursor));
