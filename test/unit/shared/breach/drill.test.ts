// The drill maps the server's list of exposed documents to people and data categories on the admin's
// device, and pre-fills a breach with exactly those figures.
import { describe, expect, it } from 'vitest';
import { mapExposure, prefillFromDrill } from '../../../../shared/breach/drill';
import { BREACH, BreachPayload } from '../../../../shared/breach/types';
import { DEFAULT_CONTROLLER } from '../../../../shared/consent/defaults';
import { DEAL_CONFIG } from '../../../../shared/deals/deal';
import type { DeviceExposureResponse, ExposedDocument } from '../../../../shared/sync';
import { useMemoryVaults } from '../../../helpers/vaults';
import { annelies, bram, zeeland } from '../../../fixtures/people';
import { ControllerPayload } from '../../../../shared/purposes/controller';

const open = useMemoryVaults();

const source = { method: 'import', obtainedOn: '2026-10-01' } as const;

describe('lost-device drill', () => {
  it('counts the exposed people, organisations and data kinds, and nothing the device did not hold', async () => {
    const session = await open();
    const a = await session.people.create(annelies); // email, phone, job title, tags
    const carla = await session.people.create({
      givenName: 'Carla',
      familyName: 'Mol',
      address: { street: 'Dorpsstraat 1', postalCode: '1234 AB', city: 'Ede', country: 'NL' },
      source,
    });
    const b = await session.people.create(bram); // not on the device
    const org = await session.organisations.create(zeeland);
    const deals = session.items(DEAL_CONFIG);
    const deal = await deals.create(b.id, {
      title: 'Mosselen',
      personId: b.id,
      value: 100_00,
      stageId: 'lead',
      ownerId: 'u',
    });
    const carlasDeal = await deals.create(carla.id, {
      title: 'Ede',
      personId: carla.id,
      stageId: 'lead',
      ownerId: 'u',
    });
    const docs: ExposedDocument[] = [
      { collection: 'records', id: a.id, kind: 'person', subjectId: a.id },
      { collection: 'records', id: carla.id, kind: 'person', subjectId: carla.id },
      { collection: 'records', id: org.id, kind: 'organisation', subjectId: org.id },
      { collection: 'items', id: carlasDeal.id, kind: 'deal', subjectId: carla.id },
      { collection: 'settings', id: 'x_purpose-sales', kind: 'purpose', subjectId: '' },
      // Erased since the device's last sync: counted as unmapped, never guessed.
      { collection: 'records', id: 'gone00000000', kind: 'person', subjectId: 'gone00000000' },
    ];
    const exposure: DeviceExposureResponse = {
      deviceId: 'dev-b',
      userId: 'user-b',
      lastSyncAt: 1_800_000_000_000,
      revokedAt: 1_800_000_100_000,
      checkpoints: { records: 12 },
      documents: docs,
    };
    expect(deal.subjectId).toBe(b.id);

    const findings = await mapExposure(session, exposure);
    expect(findings.personIds).toEqual([a.id, carla.id].sort());
    expect(findings.organisationIds).toEqual([org.id]);
    const f = findings.figures;
    expect(f).toMatchObject({ people: 2, organisations: 1, unmapped: 1, lastSyncAt: 1_800_000_000_000 });
    expect(f.records).toEqual({ person: 3, organisation: 1, deal: 1 });
    // Carla's deal was on the device (financial: 1); Bram's deal and his phone were not.
    expect(f.dataKinds).toEqual({ name_address: 3, email: 1, phone: 1, other: 2, financial: 1 });
    expect(f.fields['person.phones']).toBe(1);
    expect(f.fields['person.address']).toBe(1);
    expect(f.categories).toMatchObject({ identity: 3, contact: 3, professional: 1, financial: 1 });

    const input = prefillFromDrill({
      exposure,
      findings,
      keyProtection: 'passphrase_only',
      controller: ControllerPayload.parse({
        ...DEFAULT_CONTROLLER,
        name: 'Voorbeeld BV',
        dpo: { name: 'Dana DPO', email: 'dpo@voorbeeld.nl', phone: '' },
      }),
      awareAt: 1_800_000_050_000,
      now: 1_800_000_060_000,
      userId: 'admin',
      title: 'Laptop stolen',
    });
    const breach = BreachPayload.parse(input);
    expect(breach.nature).toEqual({ properties: ['confidentiality'], events: ['stolen'] });
    expect(breach.dataKinds).toEqual(['name_address', 'phone', 'email', 'financial', 'other']);
    expect(breach.people).toMatchObject({ min: 2, max: 2 });
    expect(breach.records).toBe(5);
    expect(breach.affectedSubjectIds).toEqual(findings.personIds);
    expect(breach.contact).toEqual({ name: 'Dana DPO', email: 'dpo@voorbeeld.nl', phone: '' });
    expect(breach.notifyPeople.exemptions).toEqual(['unintelligible']);
    expect(breach.risk.level).toBeNull();

    // The pre-filled breach is stored in the admin-only compliance register.
    const stored = await session.compliance(BREACH).put(input);
    expect((await session.compliance(BREACH).get(stored.id)).data.exposure?.people).toBe(2);
    expect(await session.db.compliance.count().exec()).toBe(1);
  });

  it('suggests no exemption when the device kept its key in the keychain', async () => {
    const session = await open();
    const exposure: DeviceExposureResponse = {
      deviceId: 'dev-c',
      userId: 'u',
      lastSyncAt: null,
      revokedAt: null,
      checkpoints: {},
      documents: [],
    };
    const findings = await mapExposure(session, exposure);
    const input = prefillFromDrill({
      exposure,
      findings,
      keyProtection: 'keychain',
      controller: null,
      awareAt: 1,
      now: 2,
      userId: 'admin',
      title: 'Phone lost',
    });
    expect(BreachPayload.parse(input).notifyPeople.exemptions).toEqual([]);
    expect(findings.figures.people).toBe(0);
  });
});
