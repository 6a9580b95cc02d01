// Admin rosters (issue 19: admins, and managers of a territory, hold its key). A device trusts territory
// grants from its own device and from the admin device that let its user in (sync/member-pins.ts); an
// admin made on another device, or promoted later, was handed no territory by the other admins' devices,
// and the grants it signed were refused everywhere but on the devices it let in.
//
// The scheme, and why: every admin's device publishes its roster, an organisation setting (sealed under
// the organisation key, so the server can neither read nor make one; bound to its id) holding its word on
// each member — their public key, their role and when it was given, or their removal — signed with the
// device's signing key, with a sequence number. A device reads the rosters signed by the admin devices it
// trusts already (itself and its pinned signers; no others), so a roster a member made, or one the server
// plants, is refused and audited, as is an older roster than one seen before (a replay hiding a demotion).
// Its view of the organisation: its own pins first, then what the trusted rosters say — the latest role
// wins, a removal always does, a public key only when the rosters agree. An admin device republishes its
// view, so the word travels on: a sales user let in by admin B learns admin A through B's roster.
// What the view gives:
// - an admin's device hands a territory's key to every admin the view names (keys.ts holdersOf), sealed to
//   the public key the view gives (pinned with an invite code by a trusted admin device), and an admin's
//   pass grants every territory it holds to an admin who lacks it (admin-keys.ts);
// - a grant is vouched for by the user key of the admin who made it (grants.ts `fromMac`, X25519 between
//   the admin's and the holder's user keys, which the server has neither of), taken when the view names
//   that user an admin with that key. Trusting admins by user key, not device key, needs no vouch for each
//   device an admin signs in on, and no way to prove a device key belongs to a user (none exists). A
//   demoted or removed admin's vouch counts no more once a trusted roster says so.
// Public keys, random user ids and roles are not personal data (as in member-pins.ts).
import { z } from 'zod';
import { loadSodium, toBase64, utf8, verifySignature } from '../crypto';
import { memberPins, ROLES, type PinnedMembers, type Role } from '../sync';
import { sealedKind } from '../store';
import type { Session } from '../vault';
import { changeLocalDoc, readLocalDoc } from '../vault';

const Entry = z.strictObject({
  publicKey: z.string().max(64).nullable(),
  /** Null: a key this device pinned without giving a role (a member let in elsewhere). */
  role: z.enum([...ROLES, 'removed']).nullable(),
  at: z.number().int().nonnegative(),
});
type Entry = z.infer<typeof Entry>;
const RosterSetting = z.strictObject({
  signer: z.string().max(64),
  seq: z.number().int().positive(),
  entries: z.record(z.string().min(1).max(64), Entry),
  sig: z.string().max(128),
});
type RosterSetting = z.infer<typeof RosterSetting>;
export const ADMIN_ROSTER = sealedKind('admin-roster', RosterSetting, 1);

const SEEN_ID = 'admin-rosters-seen';
interface Seen {
  /** signer -> the highest sequence number taken. */
  readonly seqs: Record<string, number>;
  /** `<setting id>:<seq>` of the rosters refused and audited already. */
  readonly refused: string[];
}

/** The text a roster's signature covers: its signer, sequence and entries in a fixed order. */
const rosterMessage = (r: Pick<RosterSetting, 'signer' | 'seq' | 'entries'>) =>
  `kluis-admin-roster-v1|${r.signer}|${r.seq}|${JSON.stringify(
    Object.keys(r.entries)
      .sort()
      .map((userId) => [
        userId,
        r.entries[userId]!.publicKey,
        r.entries[userId]!.role,
        r.entries[userId]!.at,
      ]),
  )}`;

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
  /** Rosters refused now (a signer not trusted, a bad signature, an older sequence). */
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

/** Whether `next` is the later word on a member than `before`: a removal stays, the latest role wins. */
const replaces = (before: Entry | undefined, next: Entry): boolean =>
  !before ||
  (before.role !== 'removed' &&
    (next.role === 'removed' || (next.role !== null && (before.role === null || next.at > before.at))));

/**
 * This device's view of the organisation's members: its own pins, then the rosters signed by the admin
 * devices it trusts. A roster it cannot take is audited once ('admin-roster-refused').
 */
export const adminView = async (ctx: RosterContext, self?: { role: Role | string }): Promise<AdminView> => {
  const { session } = ctx;
  const sodium = await loadSodium();
  const pins = memberPins(session.db);
  const own = (await session.deviceSigner()).publicKey;
  const trusted = new Set([own, ...(await pins.signers())]);
  const { entries: mine, firstUse } = ownEntries(await pins.snapshot());
  const ownKey = toBase64(session.userPublicKey);
  if (self?.role === 'admin' && !mine.has(ctx.link.userId))
    mine.set(ctx.link.userId, { publicKey: ownKey, role: 'admin', at: 0 });
  const { records } = await session.settings(ADMIN_ROSTER).list();
  const seen = await readLocalDoc<Seen>(session, SEEN_ID, { seqs: {}, refused: [] });
  const taken: RosterSetting[] = [];
  const refusals: { id: string; seq: number; reason: string }[] = [];
  for (const { id, data } of records) {
    const reason = !trusted.has(data.signer)
      ? 'signer'
      : id !== (await rosterId(data.signer)) ||
          !verifySignature(sodium, data.signer, rosterMessage(data), data.sig)
        ? 'signature'
        : data.seq < (seen.seqs[data.signer] ?? 0)
          ? 'older'
          : null;
    if (reason) refusals.push({ id, seq: data.seq, reason });
    else if (data.signer !== own) taken.push(data);
  }
  // Their word, merged: the latest role, a removal always, a key only where all trusted rosters agree.
  const merged = new Map<string, Entry>();
  const keyVotes = new Map<string, Set<string>>();
  for (const roster of taken)
    for (const [userId, entry] of Object.entries(roster.entries)) {
      if (entry.publicKey) keyVotes.set(userId, (keyVotes.get(userId) ?? new Set()).add(entry.publicKey));
      if (replaces(merged.get(userId), entry)) merged.set(userId, entry);
    }
  const entries: Record<string, Entry> = {};
  const keys = new Map<string, string>();
  const admins = new Map<string, string>();
  for (const [userId, publicKey] of firstUse) keys.set(userId, publicKey);
  for (const userId of new Set([...mine.keys(), ...merged.keys()])) {
    const ours = mine.get(userId);
    const theirs = merged.get(userId);
    const votes = keyVotes.get(userId);
    const publicKey =
      userId === ctx.link.userId ? ownKey : (ours?.publicKey ?? (votes?.size === 1 ? [...votes][0]! : null));
    const word = theirs && replaces(ours, theirs) ? theirs : ours!;
    entries[userId] = { ...word, publicKey };
    const key = publicKey ?? firstUse.get(userId);
    if (key) keys.set(userId, key);
    if (publicKey && word.role === 'admin') admins.set(userId, publicKey);
    // A removed member's key stays known (never sealed to: keys.ts), but not as an admin.
  }
  const fresh = refusals.filter((r) => !seen.refused.includes(`${r.id}:${r.seq}`));
  const moved = taken.some((r) => r.seq > (seen.seqs[r.signer] ?? 0));
  if (moved || fresh.length)
    await changeLocalDoc<Seen>(session, SEEN_ID, { seqs: {}, refused: [] }, (s) => ({
      seqs: {
        ...s.seqs,
        ...Object.fromEntries(taken.map((r) => [r.signer, Math.max(r.seq, s.seqs[r.signer] ?? 0)])),
      },
      refused: [...s.refused, ...fresh.map((r) => `${r.id}:${r.seq}`)].slice(-200),
    }));
  for (const r of fresh)
    await session.audit.record({
      action: 'territory',
      kind: 'admin-roster-refused',
      recordIds: [r.id],
      details: { reason: r.reason, seq: r.seq },
    });
  return { keys, admins, entries, refused: refusals.length };
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
  const unsigned = { signer: signer.publicKey, seq: (current?.data.seq ?? 0) + 1, entries: view.entries };
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
