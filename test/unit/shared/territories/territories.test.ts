// The territory rules an admin writes, the tags documents carry, and the grants that hand a territory's
// key to its holders: a grant opens only for its user, tag and epoch, with the admin device's signature.
import { describe, expect, it } from 'vitest';
import { randomBytes } from '../../../../shared/crypto';
import { fromBase64, loadSodium, newSigningPair, signerFrom, toBase64 } from '../../../../shared/crypto';
import {
  matchesTerritory,
  newTerritoryTag,
  normalisePostalCode,
  openTerritoryGrant,
  sealTerritoryGrant,
  territoryFor,
  territoryKeyId,
  territoryOfDocument,
  territoryOfKeyId,
  territoryPageId,
  TerritoryPayload,
} from '../../../../shared/territories';
import { newId } from '../../../../shared/crypto';

const rules = (partial: Partial<Parameters<typeof matchesTerritory>[0]>) => ({
  owners: [],
  teams: [],
  countries: [],
  postalRanges: [],
  tags: [],
  ...partial,
});
const subject = (postalCode: string, country = 'NL', tags: string[] = [], ownerId: string | null = null) => ({
  ownerId,
  address: { postalCode, country },
  tags,
});

describe('territory rules', () => {
  it('reads Dutch postal codes by their digits, with or without the letters, a space or a country prefix', () => {
    const north = rules({ postalRanges: [{ country: 'NL', from: '1000', to: '1999' }] });
    for (const code of ['1017 AB', '1017AB', 'NL-1017 AB', '1000', '1999 ZZ'])
      expect(matchesTerritory(north, subject(code))).toBe(true);
    for (const code of ['999 AB', '2000 AA', '5611 EM', ''])
      expect(matchesTerritory(north, subject(code))).toBe(false);
    // A range for the Netherlands does not take a Belgian postal code in the same digits.
    expect(matchesTerritory(north, subject('1050', 'BE'))).toBe(false);
    expect(normalisePostalCode('nl-1017 ab')).toBe('1017AB');
  });

  it('asks every kind of rule it sets, and any value within a kind; no rules match nothing', () => {
    const belgianProspects = rules({ countries: ['BE'], tags: ['prospect'] });
    expect(matchesTerritory(belgianProspects, subject('1050', 'BE', ['prospect']))).toBe(true);
    expect(matchesTerritory(belgianProspects, subject('1050', 'BE', ['klant']))).toBe(false);
    expect(matchesTerritory(belgianProspects, subject('1017', 'NL', ['prospect']))).toBe(false);
    expect(matchesTerritory(rules({ owners: ['u1', 'u2'] }), subject('', '', [], 'u2'))).toBe(true);
    expect(matchesTerritory(rules({}), subject('1017'))).toBe(false);
  });

  it('puts a subject in the first territory whose rules hold, or none', () => {
    const make = (name: string, r: ReturnType<typeof rules>) =>
      TerritoryPayload.parse({ tag: newTerritoryTag(), name, rules: r });
    const north = make('Noord', rules({ postalRanges: [{ country: '', from: '1000', to: '1999' }] }));
    const nl = make('Nederland', rules({ countries: ['NL'] }));
    expect(territoryFor([north, nl], subject('1017'))?.name).toBe('Noord');
    expect(territoryFor([north, nl], subject('5611'))?.name).toBe('Nederland');
    expect(territoryFor([north, nl], subject('9000', 'BE'))).toBeNull();
  });
});

describe('territory tags', () => {
  it('shows on a page id and on the records that name the page, and never on an ordinary id', () => {
    const tag = newTerritoryTag();
    const page = territoryPageId(tag);
    expect(page.length).toBeLessThanOrEqual(64 - 'own-key-page:'.length);
    expect(territoryOfDocument('keys', { id: page })).toBe(tag);
    expect(territoryOfDocument('records', { id: newId(), keyId: page })).toBe(tag);
    expect(territoryOfDocument('items', { id: newId(), keyId: page })).toBe(tag);
    expect(territoryOfDocument('keys', { id: newId() })).toBeNull();
    expect(territoryOfDocument('records', { id: newId(), keyId: newId() })).toBeNull();
    expect(territoryOfDocument('settings', { id: page, keyId: page })).toBeNull();
    expect(territoryOfKeyId(territoryKeyId(tag, newId()))).toBe(tag);
    expect(territoryOfKeyId(newId())).toBeNull();
  });
});

describe('territory grants', () => {
  it('open only for their user, tag and epoch, and only with an intact signature', async () => {
    const sodium = await loadSodium();
    const pair = sodium.crypto_box_keypair();
    const user = { userId: 'u-sales', publicKey: pair.publicKey, secretKey: pair.privateKey };
    const signer = signerFrom(sodium, newSigningPair(sodium));
    const key = randomBytes(32);
    const tag = newTerritoryTag();
    const epochId = newId();
    const orgKey = randomBytes(32);
    const sealed = sealTerritoryGrant(sodium, signer, orgKey, {
      userId: user.userId,
      publicKey: toBase64(pair.publicKey),
      tag,
      epochId,
      key,
    });
    const trusted = new Set([signer.publicKey]);
    const opened = openTerritoryGrant(sodium, { tag, epochId, sealed }, user, orgKey, trusted);
    expect(opened?.key).toEqual(key);
    expect(opened?.keyId).toBe(territoryKeyId(tag, epochId));
    expect(opened?.grantedBy).toBe(signer.publicKey);
    // Listed under another tag or epoch, or opened by another user: refused.
    expect(
      openTerritoryGrant(sodium, { tag: newTerritoryTag(), epochId, sealed }, user, orgKey, trusted),
    ).toBeNull();
    expect(openTerritoryGrant(sodium, { tag, epochId: newId(), sealed }, user, orgKey, trusted)).toBeNull();
    expect(
      openTerritoryGrant(sodium, { tag, epochId, sealed }, { ...user, userId: 'u-other' }, orgKey, trusted),
    ).toBeNull();
    const other = sodium.crypto_box_keypair();
    expect(
      openTerritoryGrant(
        sodium,
        { tag, epochId, sealed },
        { userId: user.userId, publicKey: other.publicKey, secretKey: other.privateKey },
        orgKey,
        trusted,
      ),
    ).toBeNull();
    // A grant the server made up, sealed to the user but signed over another key: refused.
    const forged = JSON.stringify({
      v: 1,
      userId: user.userId,
      tag,
      epochId,
      key: toBase64(randomBytes(32)),
      signer: signer.publicKey,
      sig: signer.sign('kluis-territory-grant-v1|something else'),
    });
    const forgedSealed = toBase64(sodium.crypto_box_seal(new TextEncoder().encode(forged), pair.publicKey));
    expect(
      openTerritoryGrant(sodium, { tag, epochId, sealed: forgedSealed }, user, orgKey, trusted),
    ).toBeNull();
    // A key the server made and signed with a device key of its own, without the organisation key: refused.
    const serverSigner = signerFrom(sodium, newSigningPair(sodium));
    const planted = sealTerritoryGrant(sodium, serverSigner, randomBytes(32), {
      userId: user.userId,
      publicKey: toBase64(pair.publicKey),
      tag,
      epochId,
      key: randomBytes(32),
    });
    expect(openTerritoryGrant(sodium, { tag, epochId, sealed: planted }, user, orgKey, trusted)).toBeNull();
    // A member (who holds the organisation key) signing with a device key of theirs: refused (T7), though
    // the same grant opens for a device that trusts that key.
    const memberSigner = signerFrom(sodium, newSigningPair(sodium));
    const byMember = sealTerritoryGrant(sodium, memberSigner, orgKey, {
      userId: user.userId,
      publicKey: toBase64(pair.publicKey),
      tag,
      epochId,
      key: randomBytes(32),
    });
    expect(openTerritoryGrant(sodium, { tag, epochId, sealed: byMember }, user, orgKey, trusted)).toBeNull();
    const trustsMember = new Set([memberSigner.publicKey]);
    expect(
      openTerritoryGrant(sodium, { tag, epochId, sealed: byMember }, user, orgKey, trustsMember),
    ).not.toBeNull();
    // A MAC cut short or not base64: refused, not thrown.
    const json = JSON.parse(
      new TextDecoder().decode(
        sodium.crypto_box_seal_open(fromBase64(sealed), pair.publicKey, pair.privateKey),
      ),
    ) as Record<string, string>;
    for (const mac of [json.mac!.slice(0, 20), '!!!', ''])
      expect(
        openTerritoryGrant(
          sodium,
          {
            tag,
            epochId,
            sealed: toBase64(
              sodium.crypto_box_seal(
                new TextEncoder().encode(JSON.stringify({ ...json, mac })),
                pair.publicKey,
              ),
            ),
          },
          user,
          orgKey,
          trusted,
        ),
      ).toBeNull();
  });
});
