// Territory definitions and move notes signed by an admin's device (shared/territories/signed-settings.ts),
// with real libsodium: a signature holds for the setting it was made for, and for no other id, kind,
// version or content; a legacy setting counts only unchanged; a signer counts only when trusted.
import { describe, expect, it } from 'vitest';
import { loadSodium, newId, newSigningPair, signerFrom } from '../../../../shared/crypto';
import {
  latestMoves,
  noteLegacySettings,
  resignTerritorySettings,
  subjectMark,
  TERRITORY_MOVE,
  contentDigest,
  settingCounts,
  settingSigner,
  signSetting,
  unsignedPart,
} from '../../../../shared/territories';
import type { Wire } from '../../../../shared/territories/departures';
import { admitTerritorySettings } from '../../../../shared/territories/replays';
import type { Session } from '../../../../shared/vault';
import { PASSPHRASE, testVault } from '../../../helpers/store';
import { useMemoryDatabases } from '../../../helpers/vaults';
import { NORTH, SOUTH } from './move-notes';

const database = useMemoryDatabases();

const setup = async () => {
  const sodium = await loadSodium();
  const session = { cipher: { sodium } } as unknown as Pick<Session, 'cipher'>;
  const admin = signerFrom(sodium, newSigningPair(sodium));
  const member = signerFrom(sodium, newSigningPair(sodium));
  const note = { to: SOUTH, at: 1000, subjects: [{ mark: 'm1', from: NORTH, v: 2 }] };
  return { session, admin, member, note };
};

describe('signed territory settings', () => {
  it('a signature holds for its setting only: not another id, kind, content or version', async () => {
    const { session, admin, note } = await setup();
    const signed = signSetting(session, admin, 'territory-move', 'note-1', note);
    expect(settingSigner(session, 'territory-move', 'note-1', signed)).toBe(admin.publicKey);
    // Copied onto another note, or kept under another id or kind.
    expect(settingSigner(session, 'territory-move', 'note-2', signed)).toBeNull();
    expect(settingSigner(session, 'territory', 'note-1', signed)).toBeNull();
    const other = { ...note, subjects: [{ mark: 'm2', from: NORTH, v: 2 }], signed: signed.signed };
    expect(settingSigner(session, 'territory-move', 'note-1', other)).toBeNull();
    const later = { ...signed, subjects: [{ mark: 'm1', from: NORTH, v: 3 }] };
    expect(settingSigner(session, 'territory-move', 'note-1', later)).toBeNull();
    // Another signer named over the same signature, or none.
    const renamed = { ...signed, signed: { ...signed.signed, signer: (await setup()).admin.publicKey } };
    expect(settingSigner(session, 'territory-move', 'note-1', renamed)).toBeNull();
    expect(settingSigner(session, 'territory-move', 'note-1', note)).toBeNull();
  });

  it('the digest is canonical and leaves the signature out: key order and signing change nothing', async () => {
    const { session, admin, note } = await setup();
    const reordered = { subjects: note.subjects, at: note.at, to: note.to };
    expect(contentDigest(session, reordered)).toBe(contentDigest(session, note));
    const signed = signSetting(session, admin, 'territory-move', 'n', note);
    expect(contentDigest(session, signed)).toBe(contentDigest(session, note));
    expect(unsignedPart(signed)).toEqual(note);
    // Signing again replaces the signature (a re-signed legacy note is the same note).
    const again = signSetting(session, admin, 'territory-move', 'n', signed);
    expect(settingSigner(session, 'territory-move', 'n', again)).toBe(admin.publicKey);
  });

  it('counts a setting signed by a trusted signer, or a legacy one unchanged; nothing else', async () => {
    const { session, admin, member, note } = await setup();
    const trust = { signers: new Set([admin.publicKey]), legacy: { old: contentDigest(session, note) } };
    const byAdmin = signSetting(session, admin, 'territory-move', 'n', note);
    const byMember = signSetting(session, member, 'territory-move', 'n', note);
    expect(settingCounts(session, trust, 'territory-move', 'n', byAdmin)).toBe(true);
    expect(settingCounts(session, trust, 'territory-move', 'n', byMember)).toBe(false);
    expect(settingCounts(session, trust, 'territory-move', 'n', note)).toBe(false);
    // A legacy note counts unchanged under its id, not changed, not under another id.
    expect(settingCounts(session, trust, 'territory-move', 'old', note)).toBe(true);
    const changed = { ...note, to: NORTH };
    expect(settingCounts(session, trust, 'territory-move', 'old', changed)).toBe(false);
    // A definition's version is signed: a raised version under the old signature does not hold.
    const definition = { tag: NORTH, name: 'Noord', version: 3 };
    const signedDefinition = signSetting(session, admin, 'territory', NORTH, definition);
    expect(settingCounts(session, trust, 'territory', NORTH, signedDefinition)).toBe(true);
    expect(settingCounts(session, trust, 'territory', NORTH, { ...signedDefinition, version: 4 })).toBe(
      false,
    );
  });

  it('an unsigned note held before signing counts; one that came since is refused, and never signed', async () => {
    const db = await database();
    const session = await (await testVault(db)).create(PASSPHRASE);
    const [legacyMark, laterMark] = [subjectMark(session, newId()), subjectMark(session, newId())];
    const moveNote = (mark: string, at: number) => ({
      to: SOUTH,
      at,
      subjects: [{ mark, from: NORTH, v: 1 }],
    });
    await session.settings(TERRITORY_MOVE).put(moveNote(legacyMark, 5), 'legacy');
    // The first pass after the upgrade notes what the device held; a note that comes later is not noted.
    await noteLegacySettings(session);
    await session.settings(TERRITORY_MOVE).put(moveNote(laterMark, 6), 'later');
    const moves = await latestMoves(session);
    expect(moves.get(legacyMark)).toBe(SOUTH);
    expect(moves.has(laterMark)).toBe(false);

    // A pull that brings both: the later one is left out and audited with counts only.
    const docs = (await db.settings.find().exec()).map((d) => d.toJSON() as unknown as Wire);
    const admitted = await admitTerritorySettings(session, docs);
    expect(admitted.map((d) => d.id.split('_').pop())).toEqual(['legacy']);
    const refused = (await session.audit.entries()).entries.filter(
      (e) => e.kind === 'territory-unsigned-refused',
    );
    expect(refused.map((e) => e.details)).toEqual([{ definitions: 0, moves: 1 }]);
    expect(JSON.stringify(refused)).not.toContain(laterMark);

    // An admin's pass signs the legacy note only: the later one is not lent a signature.
    expect(await resignTerritorySettings(session)).toEqual({ definitions: 0, moves: 1 });
    const notes = (await session.settings(TERRITORY_MOVE).list()).records;
    const own = (await session.deviceSigner()).publicKey;
    expect(notes.find((n) => n.id === 'legacy')!.data.signed?.signer).toBe(own);
    expect(notes.find((n) => n.id === 'later')!.data.signed).toBeUndefined();
    expect(await resignTerritorySettings(session)).toEqual({ definitions: 0, moves: 0 });
  });
});
