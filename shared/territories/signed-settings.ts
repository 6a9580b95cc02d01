// Territory definitions and move notes signed by an admin's device (issue 19, "why it stays open"). Both
// are organisation settings sealed under the organisation key, which every member holds: sealing keeps the
// server out, not a member. A sales user working with the server could write a definition that drops a
// member from a territory (withheld.ts would then let the territory go) or a move note that sends subjects
// away (departures.ts). So an admin's device signs each one it writes with its device signing key, over
// the kind, the setting's id, its version and a digest of its content in a canonical form (every key
// sorted, the signature left out); the signer and the signature travel inside the sealed value (`signed`).
// A signature copied onto another setting, or kept on a changed one, does not hold.
// A device takes one (replays.ts, on every settings pull of a device that is not an admin's), and counts
// one when it decides a let-go (withheld.ts, move.ts latestMoves), only when its signer is an admin device
// its admin view trusts (roster.ts: its own device, the pinned admin devices its view still calls admins,
// and the devices of admins the trusted rosters vouch for). A roster a sales device signed gives nothing,
// and a demoted admin's devices count no more once the view says so, for every setting they signed.
// Settings from before signing: the unsigned definitions and notes stored on a device the first time it
// checks one (the upgrade) keep counting there, each with the digest it had then (`legacy`); an unsigned
// one that arrives later, or changed, is refused. An admin's device signs the unsigned ones of that list
// on its next pass (resign-settings.ts), so fresh devices get signed ones.
import { z } from 'zod';
import { toBase64, utf8, verifySignature, type DeviceSigner } from '../crypto';
import type { Session } from '../vault';
import { changeLocalDoc, readLocalDoc } from '../vault';
import { adminView, type RosterSetting } from './roster';

/** The signer (a device's public signing key, base64) and its signature over settingMessage. */
export const SettingSignature = z.strictObject({
  signer: z.string().min(1).max(64),
  sig: z.string().min(1).max(128),
});
export type SettingSignature = z.infer<typeof SettingSignature>;

/** The kinds signed here: a territory's definition, and a move note. */
export type SignedKind = 'territory' | 'territory-move';

type Value = Record<string, unknown> & { signed?: SettingSignature };

/** A setting's value without its signature. */
export const unsignedPart = <T extends object>(value: T): Omit<T, 'signed'> => {
  const rest = { ...value } as T & { signed?: unknown };
  delete rest.signed;
  return rest;
};

const sorted = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sorted)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
        )
      : value;

/** A digest of a setting's content in canonical form (keys sorted, the signature left out). */
export const contentDigest = (session: Pick<Session, 'cipher'>, value: Value): string =>
  toBase64(
    session.cipher.sodium.crypto_generichash(32, utf8(JSON.stringify(sorted(unsignedPart(value)))), null),
  );

/** A definition's version; a note's highest subject version (0 for settings from before versions). */
const versionOf = (kind: SignedKind, value: Value): number => {
  if (kind === 'territory') return typeof value.version === 'number' ? value.version : 0;
  const subjects = Array.isArray(value.subjects) ? (value.subjects as { v?: unknown }[]) : [];
  return Math.max(0, ...subjects.map((s) => (typeof s.v === 'number' ? s.v : 0)));
};

/** The text a setting's signature covers. */
export const settingMessage = (
  session: Pick<Session, 'cipher'>,
  kind: SignedKind,
  id: string,
  value: Value,
): string =>
  `kluis-territory-setting-v1|${kind}|${id}|${versionOf(kind, value)}|${contentDigest(session, value)}`;

/** The value signed by this device, ready to store under `id`. */
export const signSetting = <T extends Value>(
  session: Pick<Session, 'cipher'>,
  signer: DeviceSigner,
  kind: SignedKind,
  id: string,
  value: T,
): T & { signed: SettingSignature } => {
  const content = unsignedPart(value) as T;
  const signed = { signer: signer.publicKey, sig: signer.sign(settingMessage(session, kind, id, content)) };
  return { ...content, signed };
};

/** The device whose signature on the setting holds, or null (unsigned or badly signed). */
export const settingSigner = (
  session: Pick<Session, 'cipher'>,
  kind: SignedKind,
  id: string,
  value: Value,
): string | null => {
  const signed = value.signed;
  if (!signed || typeof signed.signer !== 'string' || typeof signed.sig !== 'string') return null;
  const message = settingMessage(session, kind, id, value);
  return verifySignature(session.cipher.sodium, signed.signer, message, signed.sig) ? signed.signer : null;
};

/** Per kind, setting id -> content digest of the unsigned settings stored when this device first checked. */
type Legacy = Partial<Record<SignedKind, Record<string, string>>>;
const LEGACY_ID = 'territory-settings-unsigned';

/**
 * The unsigned settings of the kind that count on this device: those stored the first time it checked the
 * kind (`stored` is read then, once), with the digest they had.
 */
export const legacySettings = async (
  session: Session,
  kind: SignedKind,
  stored: () => Promise<readonly { id: string; data: Value }[]>,
): Promise<Record<string, string>> => {
  const known = (await readLocalDoc<Legacy>(session, LEGACY_ID, {}))[kind];
  if (known) return known;
  const snapshot = Object.fromEntries(
    (await stored()).filter((r) => !r.data.signed).map((r) => [r.id, contentDigest(session, r.data)]),
  );
  const after = await changeLocalDoc<Legacy>(session, LEGACY_ID, {}, (current) =>
    current[kind] ? current : { ...current, [kind]: snapshot },
  );
  return after[kind] ?? snapshot;
};

/** What decides whether a setting counts here: the admin devices trusted, and the legacy settings. */
export interface SettingTrust {
  readonly signers: ReadonlySet<string>;
  readonly legacy: Readonly<Record<string, string>>;
}

/** The admin devices this device's view trusts to sign territory settings (roster.ts). */
export const trustedSettingSigners = async (
  session: Session,
  pulled: readonly { id: string; data: RosterSetting }[] = [],
): Promise<Set<string>> => {
  // Only the trusted signers are read: no user's own entry is asked for.
  const view = await adminView({ session, link: { userId: '' } }, undefined, pulled);
  return new Set([...view.signers, ...view.adminDevices]);
};

export const settingTrust = async (
  session: Session,
  kind: SignedKind,
  stored: () => Promise<readonly { id: string; data: Value }[]>,
): Promise<SettingTrust> => ({
  legacy: await legacySettings(session, kind, stored),
  signers: await trustedSettingSigners(session),
});

/** Whether the setting counts here: signed by a trusted admin device, or a legacy one unchanged. */
export const settingCounts = (
  session: Pick<Session, 'cipher'>,
  trust: SettingTrust,
  kind: SignedKind,
  id: string,
  value: Value,
): boolean => {
  if (!value.signed) return trust.legacy[id] === contentDigest(session, value);
  const signer = settingSigner(session, kind, id, value);
  return signer !== null && trust.signers.has(signer);
};

/** The stored settings of the kind that count here (see above). */
export const countingSettings = async <R extends { id: string; data: Value }>(
  session: Session,
  kind: SignedKind,
  records: readonly R[],
): Promise<R[]> => {
  const trust = await settingTrust(session, kind, async () => records);
  return records.filter((r) => settingCounts(session, trust, kind, r.id, r.data));
};

/** Audits the settings of a pull refused as unsigned or not signed by a trusted admin device (counts). */
export const auditUnsigned = async (
  session: Session,
  counts: { definitions: number; moves: number },
): Promise<void> => {
  if (!counts.definitions && !counts.moves) return;
  await session.audit.record({
    action: 'territory',
    kind: 'territory-unsigned-refused',
    recordIds: [],
    details: counts,
  });
};

/** Whether two notes say the same, their signatures aside (a legacy note signed since is the same note). */
export const sameNote = (a: Value, b: Value): boolean =>
  JSON.stringify(unsignedPart(a)) === JSON.stringify(unsignedPart(b));

/**
 * For a pull's admission (replays.ts): `take` a definition or note that counts, `hold` one validly signed
 * by a device not trusted (yet: the roster that vouches for an admin's device may come after the note;
 * held, it comes in with a later pull once it counts), `refuse` the rest. Each kind's stored settings are
 * read the first time this device checks (the legacy ones); the pull's rosters count with it.
 */
export const admissionTrust = async (
  session: Session,
  stored: Record<SignedKind, () => Promise<readonly { id: string; data: Value }[]>>,
  rosters: readonly { id: string; data: RosterSetting }[],
): Promise<{ decide(kind: string, id: string, value: unknown): 'take' | 'hold' | 'refuse' }> => {
  const signers = await trustedSettingSigners(session, rosters);
  const legacy = {
    territory: await legacySettings(session, 'territory', stored.territory),
    'territory-move': await legacySettings(session, 'territory-move', stored['territory-move']),
  };
  return {
    decide: (kind, id, value) => {
      if (kind !== 'territory' && kind !== 'territory-move') return 'refuse';
      if (settingCounts(session, { signers, legacy: legacy[kind] }, kind, id, value as Value)) return 'take';
      return settingSigner(session, kind, id, value as Value) ? 'hold' : 'refuse';
    },
  };
};

type Held = Record<string, unknown> & { id: string };
const HELD_ID = 'territory-settings-held';
/** At most this many held settings are kept (the oldest go first). */
export const HELD_MAX = 500;

/** The settings documents held here (sealed as the server sent them), oldest first. */
export const heldSettings = async (session: Session): Promise<Held[]> =>
  (await readLocalDoc<{ docs: Held[] }>(session, HELD_ID, { docs: [] })).docs;

/** Keeps the documents held now (and only those). */
export const holdSettings = async (session: Session, docs: readonly Held[]): Promise<void> => {
  const before = await heldSettings(session);
  if (JSON.stringify(before) === JSON.stringify(docs)) return;
  await changeLocalDoc<{ docs: Held[] }>(session, HELD_ID, { docs: [] }, () => ({
    docs: docs.slice(-HELD_MAX),
  }));
};
