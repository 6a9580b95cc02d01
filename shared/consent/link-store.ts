// The open token for a person, list, purpose and kind: a resent confirmation or a later campaign export
// reuses it. Tokens live in the synced, sealed link records of the person (link-record.ts), never in a
// device's own store, so they are erased with the person on every device. What a device keeps for itself,
// in the never-synced `vault` collection and under ids hashed again from the token's hash, is: which
// tokens it made, which it saw spent, the clicks it waits with (links.ts: the maker records first) and its
// cursor in the organisation's clicks. A token is used once: the server keeps only the first click of a
// token, so a reused clicked token would never report again; every device that pulls a proven click marks
// its token spent, and the next request for its person and list makes a new token. A token made before a
// member's removal is not sent out again either (link-retirement.ts). A new token is shared only once the
// server registered it, dated by the server's time from that reply: clicks are dated by the server's clock.
import { loadSodium, utf8 } from '../crypto';
import {
  linkTokenHash,
  memberRemovalTimes,
  newLinkToken,
  type LinkClick,
  type LinkKind,
  type LinkToRegister,
} from '../sync';
import { readLocalDoc, changeLocalDoc, type LocalVault, type Session } from '../vault';
import { loadPersonLedgers } from './ledgers';
import { allLinks, personLinks, shareLink, type SharedLink } from './link-record';
import { retiredAt } from './link-retirement';

/** Who and what a token is about: a person, one of their lists and its purpose. */
export interface LinkSubject {
  readonly kind: LinkKind;
  readonly personId: string;
  /** The list; null for an unsubscribe from every list of the purpose (a campaign over all its lists). */
  readonly subscriptionTypeId: string | null;
  readonly purposeId: string;
}

export interface HeldLink {
  readonly token: string;
  readonly tokenHash: string;
  /** True when the token was made now and still has to be registered with the server. */
  readonly created: boolean;
}

// Document ids are at most 64 characters: a prefix and 56 hex characters (224 bits) of a SHA-256 of the
// prefix and the token's hash, so the ids in the browser's store are not the hashes the server knows.
const ID_HEX = 56;
const localId = async (prefix: 'lk' | 'lm', tokenHash: string) => {
  const sodium = await loadSodium();
  const hash = sodium.to_hex(sodium.crypto_hash_sha256(utf8(`${prefix}\n${tokenHash}`)));
  return `${prefix}-${hash.slice(0, ID_HEX)}`;
};
const spentId = (tokenHash: string) => localId('lk', tokenHash);
const madeId = (tokenHash: string) => localId('lm', tokenHash);
const CURSOR_ID = 'link-click-cursor';
const DEFERRED_ID = 'link-clicks-deferred';

const sameSubject = (link: SharedLink, about: LinkSubject) =>
  link.kind === about.kind &&
  link.personId === about.personId &&
  link.subscriptionTypeId === about.subscriptionTypeId &&
  link.purposeId === about.purposeId;

/** True once this device pulled a click on the token (recorded, refused or changing nothing). */
export const linkSpent = async (vault: LocalVault, tokenHash: string): Promise<boolean> =>
  (await readLocalDoc<number | null>(vault, await spentId(tokenHash), null)) !== null;

/** Marks the token spent on this device: the next request for its person and list makes a new one. */
export const markLinkSpent = async (vault: LocalVault, tokenHash: string, at: number): Promise<void> => {
  await changeLocalDoc<number | null>(vault, await spentId(tokenHash), null, (known) => known ?? at);
};

/** True when this device made the token (it then records the token's click at once). */
export const linkMadeHere = async (vault: LocalVault, tokenHash: string): Promise<boolean> =>
  readLocalDoc<boolean>(vault, await madeId(tokenHash), false);

/**
 * True when a click on the token is in the person's ledgers (synced): a device that never pulled that click
 * (new, reset, or back after the server purged it) has no spent mark of its own, and a reused token's new
 * click would meet the old evidence and write nothing.
 */
const linkEvidenced = async (session: Session, link: SharedLink): Promise<boolean> => {
  const { subscriptions, consents } = await loadPersonLedgers(session, link.personId);
  const reference = `link-sha256:${link.tokenHash}`;
  return [...subscriptions, ...consents].some((entry) => entry.data.evidence.reference === reference);
};

/**
 * The newest token among `links` for this subject that can still be clicked, if any: not spent, not in
 * a ledger, and not retired by a member's removal (`retiredAt`; a new token is made instead).
 */
const openLink = async (
  session: Session,
  links: readonly SharedLink[],
  about: LinkSubject,
  removals: readonly number[],
) => {
  // Only the newest matters: an older one of the same subject was replaced when it was spent.
  const newest = links
    .filter((link) => link.token && sameSubject(link, about))
    .reduce<SharedLink | null>((a, b) => (a && a.createdAt >= b.createdAt ? a : b), null);
  if (!newest || retiredAt(newest.createdAt, removals) !== null) return null;
  if (await linkSpent(session, newest.tokenHash)) return null;
  return (await linkEvidenced(session, newest)) ? null : newest;
};

/**
 * How far the server's time may be from this device's and still date a token: clicks are dated by the
 * server's clock, so a token is too (a device whose clock runs fast would otherwise refuse the person's
 * own click as made before the token), but a server's time further off is not believed past this.
 */
export const SERVER_CLOCK_TRUST_MS = 60 * 60_000;

/** A token's time: the server's at its registration, within SERVER_CLOCK_TRUST_MS of this device's. */
export const tokenTime = (serverAt: number | undefined, deviceNow: number): number =>
  serverAt === undefined
    ? deviceNow
    : Math.min(deviceNow + SERVER_CLOCK_TRUST_MS, Math.max(deviceNow - SERVER_CLOCK_TRUST_MS, serverAt));

/** Registers tokens by hash with the organisation's server; answers the server's time, if it says it. */
export type RegisterTokens = (links: readonly LinkToRegister[]) => Promise<number | undefined>;

/**
 * The open token for each person, list, purpose and kind, or a new one where none is: every token is
 * registered (again) with the server first, and the new ones are then shared in the person's link
 * records, dated by the server's time (tokenTime). A registration that fails shares nothing.
 */
export const holdLinks = async (
  session: Session,
  abouts: readonly LinkSubject[],
  now: number,
  register: RegisterTokens,
): Promise<HeldLink[]> => {
  const persons = [...new Set(abouts.map((about) => about.personId))];
  const known =
    persons.length === 1
      ? await personLinks(session, persons[0]!)
      : persons.length
        ? await allLinks(session)
        : [];
  const byPerson = new Map<string, SharedLink[]>();
  for (const link of known) byPerson.set(link.personId, [...(byPerson.get(link.personId) ?? []), link]);
  const removals = await memberRemovalTimes(session);
  const chosen: { about: LinkSubject; held: HeldLink }[] = [];
  for (const about of abouts) {
    const open = await openLink(session, byPerson.get(about.personId) ?? [], about, removals);
    if (open) chosen.push({ about, held: { token: open.token!, tokenHash: open.tokenHash, created: false } });
    else {
      const token = newLinkToken();
      chosen.push({ about, held: { token, tokenHash: await linkTokenHash(token), created: true } });
    }
  }
  const serverAt = chosen.length
    ? await register(chosen.map(({ about, held }) => ({ token: held.token, kind: about.kind })))
    : undefined;
  const createdAt = tokenTime(serverAt, now);
  for (const { about, held } of chosen) {
    if (!held.created) continue;
    const { kind, subscriptionTypeId, purposeId } = about;
    const { token, tokenHash } = held;
    await shareLink(session, about.personId, {
      token,
      tokenHash,
      kind,
      subscriptionTypeId,
      purposeId,
      createdAt,
    });
    await changeLocalDoc<boolean>(session, await madeId(tokenHash), false, () => true);
  }
  return chosen.map(({ held }) => held);
};

/** Where this device stopped reading the organisation's clicks (0 before the first pull). */
export const linkClickCursor = (vault: LocalVault): Promise<number> => readLocalDoc(vault, CURSOR_ID, 0);

export const saveLinkClickCursor = (vault: LocalVault, cursor: number): Promise<number> =>
  changeLocalDoc(vault, CURSOR_ID, 0, (current) => Math.max(current, cursor));

/** Clicks on other devices' tokens this device read and waits with (hashes, kinds, times, proofs). */
export const deferredLinkClicks = (vault: LocalVault): Promise<LinkClick[]> =>
  readLocalDoc<LinkClick[]>(vault, DEFERRED_ID, []);

export const saveDeferredLinkClicks = (
  vault: LocalVault,
  clicks: readonly LinkClick[],
): Promise<LinkClick[]> => changeLocalDoc<LinkClick[]>(vault, DEFERRED_ID, [], () => [...clicks]);
