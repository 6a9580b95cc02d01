import { describe, expect, it } from 'vitest';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { recordConsent, withdrawConsent } from '../../../shared/consent';
import { evidenceFile, loadPersonLedgers } from '../../../shared/consent/ledgers';
import { consentStatus } from '../../../shared/consent/derive';
import { PURPOSE_E_MARKETING, PURPOSE_SALES_SERVICE } from '../../../shared/consent/defaults';
import { CONSENT_EVENT, SUBSCRIPTION_EVENT } from '../../../shared/consent/types';
import { utf8 } from '../../../shared/crypto/bytes';
import { AppendOnlyError } from '../../../shared/store/item-repository';
import { auditTrail, useConsentVaults, somePerson, eMarketing } from './support';
import { PURPOSE } from '../../../shared/purposes/purposes';

const open = useConsentVaults();

describe('consent ledger (RxDB memory storage, real libsodium)', () => {
  it('seeds the purposes register once, encrypted', async () => {
    const session = await open();
    const { records } = await session.settings(PURPOSE).list();
    expect(records.map((r) => r.data.name.en).sort()).toEqual([
      'Contract administration',
      'E-marketing',
      'Sales and service',
    ]);
    const raw = JSON.stringify((await session.db.settings.find().exec()).map((d) => d.toJSON()));
    expect(raw).not.toContain('E-marketing');
  });

  it('records a consent with its evidence file encrypted, and refuses to edit or delete it', async () => {
    const session = await open();
    const person = await session.people.create(somePerson(1));
    const file = await evidenceFile('formulier-ondertekend.txt', 'text/plain', utf8('abc'));
    expect(file.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const given = await recordConsent(session, LOCAL_ACTOR, {
      ...eMarketing(person.id),
      type: 'given',
      method: 'paper',
      noticeVersion: '2026.1',
      evidence: { text: 'Getekend formulier Zeldzaamheidsbeurs', file },
    });

    const ledger = session.items(CONSENT_EVENT);
    await expect(ledger.update(given.id, (c) => ({ ...c, type: 'withdrawn' }))).rejects.toThrow(
      AppendOnlyError,
    );
    await expect(ledger.remove(given.id)).rejects.toThrow(AppendOnlyError);
    expect((await ledger.get(given.id)).data).toMatchObject({
      type: 'given',
      recordedBy: 'local',
      deviceId: 'device-a',
      evidence: { file: { name: 'formulier-ondertekend.txt', size: 3, contentBase64: 'YWJj' } },
    });

    const raw = JSON.stringify((await session.db.items.find().exec()).map((d) => d.toJSON()));
    expect(raw).not.toContain('Zeldzaamheidsbeurs');
    expect(raw).not.toContain('formulier-ondertekend');
    const trail = await auditTrail(session);
    expect(trail.find((e) => e.kind === 'consent-event')).toMatchObject({
      action: 'consent',
      kind: 'consent-event',
      purposeId: PURPOSE_E_MARKETING,
      recordIds: [person.id, given.id],
    });
    expect(JSON.stringify(trail)).not.toContain('Zeldzaam');
  });

  it('withdraws in one action; the ledger keeps both entries and derives withdrawn', async () => {
    const session = await open();
    const person = await session.people.create(somePerson(2));
    await recordConsent(session, LOCAL_ACTOR, {
      ...eMarketing(person.id),
      type: 'given',
      method: 'web_form',
      at: 1_000,
    });
    await withdrawConsent(session, LOCAL_ACTOR, { ...eMarketing(person.id), method: 'email' });
    const ledgers = await loadPersonLedgers(session, person.id);
    expect(ledgers.consents.map((c) => c.data.type)).toEqual(['given', 'withdrawn']);
    expect(consentStatus(ledgers.consents, PURPOSE_E_MARKETING, Date.now()).state).toBe('withdrawn');
    expect(consentStatus(ledgers.consents, PURPOSE_SALES_SERVICE, Date.now()).state).toBe('none');
  });

  it('takes the whole ledger with the person on erasure', async () => {
    const session = await open();
    const person = await session.people.create(somePerson(3));
    await recordConsent(session, LOCAL_ACTOR, { ...eMarketing(person.id), type: 'given', method: 'paper' });
    await session.people.remove(person.id);
    expect((await session.items(CONSENT_EVENT).loadAll()).records).toEqual([]);
    expect((await session.items(SUBSCRIPTION_EVENT).loadAll()).records).toEqual([]);
  });
});
