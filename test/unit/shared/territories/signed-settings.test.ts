// Territory definitions and move notes signed by an admin's device (shared/territories/signed-settings.ts),
// with real libsodium: a signature holds for the setting it was made for, and for no other id, kind,
// version or content; a legacy setting counts only unchanged; a signer counts only when trusted.
import { describe, expect, it } from 'vitest';
import { loadSodium, newSigningPair, signerFrom } from '../../../../shared/crypto';
import {
  contentDigest,
  settingCounts,
  settingSigner,
  signSetting,
  unsignedPart,
} from '../../../../shared/territories';
import type { Session } from '../../../../shared/vault';

const NORTH = '0123456789abcdef';
const SOUTH = 'fedcba9876543210';

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
});
