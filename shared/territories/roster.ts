// Admin rosters (issue 19: admins, and managers of a territory, hold its key). A device trusts territory
// grants from its own device and from the admin device that let its user in (sync/member-pins.ts); an
// admin made on another device, or promoted later, was handed no territory by the other admins' devices,
// and the grants it signed were refused everywhere but on the devices it let in.
//
// The scheme, and why: every admin's device publishes its roster, an organisation setting (sealed under
// the organisation key, so the server can neither read nor make one; bound to its id) holding its word on
// each member — their public key, their role and when it was given, or their removal — signed with the
// device's signing key, with a sequence number. A device reads the rosters signed by the admin devices it
// trusts already (itself and its pinned signers), so a roster a member made, or one the server plants,
// gives no role or key and is audited, as is an older roster than one seen before (a replay hiding a
// demotion). Its view of the organisation: less privilege wins (review F1). A roster never makes more of a
// member than this device's own pin does; a removal, or a role other than admin, from the device's pins or
// any trusted roster beats a roster's promotion, and beats the device's own admin pin when it is later
// (only the device's own pin, given after it, promotes again). A validly signed roster of an admin device
// it does not trust counts only for a demotion later than every promotion known (a demoted admin's device
// stops publishing, and the devices it let in trust no other: this is how they learn it). A public key
// only when the trusted rosters agree. A roster whose `at` lies more than five minutes ahead is refused.
// A roster names its signer's user, and a signer whose user the view says is no admin is trusted no more,
// as roster signer nor as grant signer (keys.ts), for good on this device (until its own pin promotes
// that user again). The last roster taken from each signer is kept here, so a server that leaves a newer
// one out rolls nothing back. An admin device republishes its view, so the word travels on: a sales user
// let in by admin B learns admin A through B's roster.
// What the view gives:
// - an admin's device hands a territory's key to every admin the view names (keys.ts holdersOf), sealed to
//   the public key the view gives (pinned with an invite code by a trusted admin device), and an admin's
//   pass grants every territory it holds to an admin who lacks it (admin-keys.ts);
// - a grant is vouched for by the user key of the admin who made it (grants.ts `fromMac`, X25519 between
//   the admin's and the holder's user keys, which the server has neither of), taken when the view names
//   that user an admin with that key. Trusting admins by user key, not device key, needs no vouch for each
//   device an admin signs in on, and no way to prove a device key belongs to a user (none exists). A
//   demoted or removed admin's vouch counts no more once the view says so, whenever the grant was made.
// Public keys, random user ids and roles are not personal data (as in member-pins.ts).
import { z } from 'zod';
import { loadSodium, toBase64, utf8, verifySignature } from '../crypto';
import { memberPins, ROLES, type PinnedMembers, type Role } from '../sync';
import { sealedKind } from '../store';
import type { Session } from '../vault';
import { changeLocalDoc, readLocalDoc } from '../vault';
import { publishDeviceClaim, vouchedDevices } from './admin-devices';

const Entry = z.strictObject({
  publicKey: z.string().max(64).nullable(),
  /** Null: a key this device pinned without giving a role (a member let in elsewhere). */
  role: z.enum([...ROLES, 'removed']).nullable(),
  at: z.number().int().nonnegative(),
});
type Entry = z.infer<typeof Entry>;
const RosterSetting = z.strictObject({
  signer: z.string().max(64),
  /** The signing device's user (absent in a roster from before it was kept). */
  user: z.string().min(1).max(64).optional(),
  seq: z.number().int().positive(),
  entries: z.record(z.string().min(1).max(64), Entry),
  /** Admins' devices (user id -> signing keys) this device checked (admin-devices.ts); absent before. */
  devices: z.record(z.string().min(1).max(64), z.array(z.string().max(64)).max(50)).optional(),
  sig: z.string().max(128),
});
export type RosterSetting = z.infer<typeof RosterSetting>;
export const ADMIN_ROSTER = sealedKind('admin-roster', RosterSetting, 1);

/** How far ahead of this device's clock a roster's `at` may be. */
export const ROSTER_CLOCK_SKEW_MS = 5 * 60_000;

const SEEN_ID = 'admin-rosters-seen';
interface Seen {
  /** signer -> the highest sequence number taken. */
  readonly seqs: Record<string, number>;
  /** `<setting id>:<seq>` of the rosters refused and audited already. */
  readonly refused: string[];
  /** signer -> the last roster taken from it. */
  readonly rosters?: Record<string, RosterSetting>;
  /** signer -> its user, whom a trusted view called no admin: the signer is trusted no more. */
  readonly distrusted?: Record<string, string>;
}

/** The text a roster's signature covers: its signer (and user), sequence and entries in a fixed order. */
const rosterMessage = (r: Pick<RosterSetting, 'signer' | 'user' | 'seq' | 'entries' | 'devices'>) =>
  `${r.user === undefined ? 'kluis-admin-roster-v1' : `kluis-admin-roster-v2|${r.user}`}|${r.signer}|${r.seq}|${JSON.stringify(
    Object.keys(r.entries)
      .sort()
      .map((userId) => [
        userId,
        r.entries[userId]!.publicKey,
        r.entries[userId]!.role,
        r.entries[userId]!.at,
      ]),
  )}${
    r.devices === undefined
      ? ''
      : `|devices|${JSON.stringify(
          Object.keys(r.devices)
            .sort()
            .map((u) => [u, [...r.devices![u]!].sort()]),
        )}`
  }`;

const rosterId = async (signer: string) => {
  const sodium = await loadSodium();
  const hash = toBase64(sodium.crypto_generichash(18, utf8(signer), null));
  return `roster-${hash.replace(/\+/g, '-').replace(/\//g, '_')}`;
};

export interface AdminView {
  /** user id -> public key (base64): this device's pins, and the keys the trusted rosters agree on. */
  readonly keys: ReadonlyMap<string, string>;
  /** Admins (user id -> public key), this device's user among them when it is one. */
  readonly admins: ReadonlyMap<string, string>;
  /** The view's entries, as this device's roster publishes them. */
  readonly entries: Readonly<Record<string, Entry>>;
  /** The admin devices' signing keys trusted now: this device's, and pinned ones whose user is no less. */
  readonly signers: ReadonlySet<string>;
  /** Signing keys of the admins' devices the trusted rosters list for users the view calls admins. */
  readonly adminDevices: ReadonlySet<string>;
  /** Rosters refused now (a signer not trusted, a bad signature, an older sequence, a future `at`). */
  readonly refused: number;
}

type RosterContext = { readonly session: Session; readonly link: { readonly userId: string } };

/**
 * Own pins as entries: the device's own word. A key it took on first use (sync/rotation.ts) is not its
 * word: it is no entry's key, and only used when no trusted roster gives one (`firstUse`).
 */
const ownEntries = (pins: PinnedMembers): { entries: Map<string, Entry>; firstUse: Map<string, string> } => {
  const entries = new Map<string, Entry>();
  const firstUse = new Map<string, string>();
  const keyOf = (userId: string) => (pins.checked.includes(userId) ? (pins.keys[userId] ?? null) : null);
  for (const [userId, publicKey] of Object.entries(pins.keys))
    if (pins.checked.includes(userId)) entries.set(userId, { publicKey, role: null, at: 0 });
    else firstUse.set(userId, publicKey);
  for (const [userId, { role, at }] of Object.entries(pins.roles))
    entries.set(userId, { publicKey: keyOf(userId), role, at });
  for (const userId of pins.removed)
    entries.set(userId, { publicKey: keyOf(userId), role: 'removed', at: 0 });
  return { entries, firstUse };
};

/** Less privilege first: a removal, then another role than admin, then admin; the later of two alike. */
const rank = (e: Entry) => (e.role === 'removed' ? 3 : e.role === null ? 0 : e.role === 'admin' ? 1 : 2);
const lesser = (a: Entry | undefined, b: Entry): Entry =>
  !a || rank(b) > rank(a) || (rank(b) === rank(a) && b.at > a.at) ? b : a;

/**
 * A member's word: the rosters' least privilege (promotions only from `promoting` rosters), under the
 * device's own pin, which a roster never raises and only a later demotion or a removal lowers. `later`:
 * demotions from rosters of admin devices this device does not trust, which count only when later than
 * every promotion it knows of (a demotion can only take away; a stale one does not block a new promotion).
 */
const wordOn = (
  ours: Entry | undefined,
  rosters: Entry[],
  promoting: Entry[],
  later: Entry[] = [],
): Entry | undefined => {
  let theirs: Entry | undefined;
  for (const e of rosters) if (e.role !== 'admin' && e.role !== null) theirs = lesser(theirs, e);
  if (!theirs) for (const e of promoting) if (e.role === 'admin') theirs = lesser(theirs, e);
  const promotedAt = Math.max(
    ours?.role === 'admin' ? ours.at : -1,
    theirs?.role === 'admin' ? theirs.at : -1,
  );
  for (const e of later)
    if (e.role !== 'admin' && e.role !== null && (e.role === 'removed' || e.at > promotedAt))
      theirs = lesser(theirs, e);
  // No role from any roster: its word is the member's key only.
  theirs ??= rosters.find((e) => e.role === null);
  if (!ours || ours.role === null) return theirs ?? ours;
  if (ours.role !== 'admin' || !theirs || theirs.role === 'admin') return ours;
  return theirs.role === 'removed' || theirs.at > ours.at ? theirs : ours;
};

/**
 * This device's view of the organisation's members: its own pins, then the rosters signed by the admin
 * devices it trusts. A roster it cannot take is audited once ('admin-roster-refused').
 */
export const adminView = async (
  ctx: RosterContext,
  self?: { role: Role | string },
  /** Rosters of a pull not stored yet (signed-settings.ts reads them with the pull's settings). */
  pulled: readonly { id: string; data: RosterSetting }[] = [],
): Promise<AdminView> => {
  const { session } = ctx;
  const sodium = await loadSodium();
  const pins = memberPins(session.db);
  const own = (await session.deviceSigner()).publicKey;
  const seen = await readLocalDoc<Seen>(session, SEEN_ID, { seqs: {}, refused: [] });
  const wasDistrusted = seen.distrusted ?? {};
  const pinned = (await pins.signers()).filter((s) => s !== own);
  const trusted = new Set([own, ...pinned.filter((s) => wasDistrusted[s] === undefined)]);
  const { entries: mine, firstUse } = ownEntries(await pins.snapshot());
  const ownKey = toBase64(session.userPublicKey);
  if (self?.role === 'admin' && !mine.has(ctx.link.userId))
    mine.set(ctx.link.userId, { publicKey: ownKey, role: 'admin', at: 0 });
  const stored = (await session.settings(ADMIN_ROSTER).list()).records;
  const records = [...stored.filter((r) => !pulled.some((p) => p.id === r.id)), ...pulled];
  // The last roster taken from each signer, newer ones from the server over it. A roster of an admin
  // device this device does not trust is refused as a source of roles and keys, but its demotions count
  // when later than every promotion known (wordOn's `later`): admin 1's demotion of R reaches the device R
  // let in, which trusts no device of admin 1's. Only a colluding server could plant one (a member's device
  // may not push organisation settings), and it can only take away.
  const latest = new Map<string, RosterSetting>(Object.entries(seen.rosters ?? {}));
  const refusals: { id: string; seq: number; reason: string }[] = [];
  const ahead = Date.now() + ROSTER_CLOCK_SKEW_MS;
  for (const { id, data } of records) {
    const invalid =
      id !== (await rosterId(data.signer)) ||
      !verifySignature(sodium, data.signer, rosterMessage(data), data.sig)
        ? 'signature'
        : data.seq < (seen.seqs[data.signer] ?? 0)
          ? 'older'
          : Object.values(data.entries).some((e) => e.at > ahead)
            ? 'future'
            : null;
    const reason = invalid === 'signature' || trusted.has(data.signer) ? invalid : 'signer';
    if (reason) refusals.push({ id, seq: data.seq, reason });
    if (!invalid && data.signer !== own && data.seq >= (latest.get(data.signer)?.seq ?? 0))
      latest.set(data.signer, data);
  }
  const userIds = new Set([...mine.keys(), ...[...latest.values()].flatMap((r) => Object.keys(r.entries))]);
  const said = (rosters: RosterSetting[], userId: string) =>
    rosters.flatMap((r) => (r.entries[userId] ? [r.entries[userId]] : []));
  const all = [...latest.values()].filter((r) => pinned.includes(r.signer));
  const outside = [...latest.values()].filter((r) => !pinned.includes(r.signer));
  // A signer whose user any trusted word calls no admin (its own last roster included) is trusted no more.
  const distrusted: Record<string, string> = {};
  const demoted = (userId: string) => {
    const word = wordOn(mine.get(userId), said(all, userId), said(all, userId), said(outside, userId));
    return word !== undefined && word.role !== null && word.role !== 'admin';
  };
  for (const [signer, user] of Object.entries(wasDistrusted))
    if (
      pinned.includes(signer) &&
      wordOn(mine.get(user), said(all, user), [], said(outside, user))?.role !== 'admin'
    )
      distrusted[signer] = user;
  for (const roster of all) if (roster.user && demoted(roster.user)) distrusted[roster.signer] = roster.user;
  const taken = all.filter((r) => distrusted[r.signer] === undefined);
  const keyVotes = new Map<string, Set<string>>();
  for (const roster of taken)
    for (const [userId, entry] of Object.entries(roster.entries))
      if (entry.publicKey) keyVotes.set(userId, (keyVotes.get(userId) ?? new Set()).add(entry.publicKey));
  const entries: Record<string, Entry> = {};
  const keys = new Map<string, string>();
  const admins = new Map<string, string>();
  for (const [userId, publicKey] of firstUse) keys.set(userId, publicKey);
  for (const userId of userIds) {
    const ours = mine.get(userId);
    const votes = keyVotes.get(userId);
    const publicKey =
      userId === ctx.link.userId ? ownKey : (ours?.publicKey ?? (votes?.size === 1 ? [...votes][0]! : null));
    // Demotions from every roster kept, promotions only from the signers still trusted.
    const word = wordOn(ours, said(all, userId), said(taken, userId), said(outside, userId));
    if (!word) continue;
    entries[userId] = { ...word, publicKey };
    const key = publicKey ?? firstUse.get(userId);
    if (key) keys.set(userId, key);
    if (publicKey && word.role === 'admin') admins.set(userId, publicKey);
    // A removed member's key stays known (never sealed to: keys.ts), but not as an admin.
  }
  const fresh = refusals.filter((r) => !seen.refused.includes(`${r.id}:${r.seq}`));
  const kept = Object.fromEntries([...latest].slice(-100));
  if (
    fresh.length ||
    JSON.stringify(kept) !== JSON.stringify(seen.rosters ?? {}) ||
    JSON.stringify(distrusted) !== JSON.stringify(wasDistrusted)
  )
    await changeLocalDoc<Seen>(session, SEEN_ID, { seqs: {}, refused: [] }, (s) => ({
      seqs: {
        ...s.seqs,
        ...Object.fromEntries(
          [...latest.values()].map((r) => [r.signer, Math.max(r.seq, s.seqs[r.signer] ?? 0)]),
        ),
      },
      refused: [...s.refused, ...fresh.map((r) => `${r.id}:${r.seq}`)].slice(-200),
      rosters: kept,
      distrusted,
    }));
  for (const r of fresh)
    await session.audit.record({
      action: 'territory',
      kind: 'admin-roster-refused',
      recordIds: [r.id],
      details: { reason: r.reason, seq: r.seq },
    });
  for (const signer of Object.keys(distrusted).filter((s) => wasDistrusted[s] === undefined))
    await session.audit.record({
      action: 'territory',
      kind: 'admin-device-distrusted',
      recordIds: [await rosterId(signer)],
      details: { reason: 'not-admin' },
    });
  const signers = new Set([own, ...pinned.filter((s) => distrusted[s] === undefined)]);
  const adminDevices = new Set(
    taken.flatMap((r) => Object.entries(r.devices ?? {}).flatMap(([u, d]) => (admins.has(u) ? d : []))),
  );
  return { keys, admins, entries, signers, adminDevices, refused: refusals.length };
};

/**
 * On an admin's device: publishes its view as its roster, signed, when it says something new (a new
 * sequence number). Audited with counts. Answers the view.
 */
export const publishAdminRoster = async (ctx: RosterContext): Promise<AdminView> => {
  const { session } = ctx;
  const view = await adminView(ctx, { role: 'admin' });
  const signer = await session.deviceSigner();
  const id = await rosterId(signer.publicKey);
  const repo = session.settings(ADMIN_ROSTER);
  const current = (await repo.list()).records.find((r) => r.id === id && r.data.signer === signer.publicKey);
  // Its claim to the other admins, and their devices whose claims hold here (admin-devices.ts).
  await publishDeviceClaim(session, ctx.link.userId, view.admins);
  const vouched = await vouchedDevices(session, ctx.link.userId, view.admins);
  const unsigned = {
    signer: signer.publicKey,
    user: ctx.link.userId,
    seq: (current?.data.seq ?? 0) + 1,
    entries: view.entries,
    devices: { ...vouched, [ctx.link.userId]: [signer.publicKey] },
  };
  const same = current && rosterMessage({ ...current.data, seq: unsigned.seq }) === rosterMessage(unsigned);
  if (same) return view;
  await repo.put({ ...unsigned, sig: signer.sign(rosterMessage(unsigned)) }, id);
  await session.audit.record({
    action: 'territory',
    kind: 'admin-roster',
    recordIds: [id],
    details: { seq: unsigned.seq, admins: view.admins.size, members: Object.keys(view.entries).length },
  });
  return view;
};
