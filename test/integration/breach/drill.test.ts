// The lost-device drill against the real server: device B syncs some people, more are added after B's
// last sync; the admin's drill revokes B and reports exactly the people and kinds of data B held, none it
// did not; B is refused from then on and told to wipe its copy.
import { describe, expect, it } from 'vitest';
import { filter, firstValueFrom } from 'rxjs';
import { fetchExposure, mapExposure, prefillFromDrill } from '../../../shared/breach/drill';
import { buildBreachReport } from '../../../shared/breach/report';
import { BREACH, BreachPayload } from '../../../shared/breach/types';
import { DEAL_CONFIG } from '../../../shared/deals/deal';
import { revokeDevice } from '../../../shared/sync/admin';
import { annelies, zeeland } from '../../fixtures/people';
import { catchUpThenOffline, syncClient, useTwoDevices } from '../sync/two-devices';

const newDevices = useTwoDevices();

const source = { method: 'import', obtainedOn: '2026-10-01' } as const;

describe.each(['sqlite', 'postgres'] as const)('lost-device drill: %s', (adapter) => {
  it('reports exactly the people and kinds of data the device had synced, and the device is refused and told to wipe', async () => {
    const setup = await newDevices(adapter);
    const { a, b } = setup;
    // What B will hold: a name and address, an email address, an organisation.
    const carla = await a.session.people.create({
      givenName: 'Carla',
      familyName: 'Mol',
      address: { street: 'Dorpsstraat 1', postalCode: '1234 AB', city: 'Ede', country: 'NL' },
      source,
    });
    const dirk = await a.session.people.create({
      givenName: 'Dirk',
      familyName: 'Bos',
      emails: [{ value: 'dirk@bos.example', label: 'work' }],
      source,
    });
    const org = await a.session.organisations.create(zeeland);
    await catchUpThenOffline(setup);
    expect(await b.db.records.count().exec()).toBe(3);

    // After B's last sync: a person with a phone number and a deal (financial), and Carla gets a deal.
    const later = await a.session.people.create(annelies);
    await a.session.items(DEAL_CONFIG).create(later.id, {
      title: 'Mosselen',
      personId: later.id,
      value: 250_00,
      stageId: 'lead',
      ownerId: a.link.userId,
    });
    await a.session.items(DEAL_CONFIG).create(carla.id, {
      title: 'Ede',
      personId: carla.id,
      stageId: 'lead',
      ownerId: a.link.userId,
    });
    await a.sync.awaitInSync();

    // The drill, from the admin's device.
    expect((await revokeDevice(fetch, a.link, b.link.deviceId)).ok).toBe(true);
    const exposure = await fetchExposure(fetch, a.link, b.link.deviceId);
    if (!exposure.ok) throw new Error(exposure.error);
    expect(exposure.value.revokedAt).not.toBeNull();
    const findings = await mapExposure(a.session, exposure.value);
    expect(findings.personIds).toEqual([carla.id, dirk.id].sort());
    expect(findings.organisationIds).toEqual([org.id]);
    expect(findings.personIds).not.toContain(later.id);
    const f = findings.figures;
    expect(f).toMatchObject({ people: 2, organisations: 1, unmapped: 0 });
    expect(f.records).toEqual({ person: 2, organisation: 1 });
    // Zeeland's website is 'other'; no phone numbers and no deals were on B.
    expect(f.dataKinds).toEqual({ name_address: 3, email: 1, other: 1 });

    const input = prefillFromDrill({
      exposure: exposure.value,
      findings,
      keyProtection: 'passphrase_only',
      controller: null,
      awareAt: Date.now(),
      now: Date.now(),
      userId: a.link.userId,
      title: 'Laptop stolen',
    });
    const stored = await a.session.compliance(BREACH).put(input);
    const breach = BreachPayload.parse(stored.data);
    expect(breach.dataKinds).toEqual(['name_address', 'email', 'other']);
    expect(breach.people).toMatchObject({ min: 2, max: 2 });
    const report = buildBreachReport(
      { id: stored.id, breach, controller: null, generatedAt: Date.now(), timeZone: 'Europe/Amsterdam' },
      'en',
    );
    const people = report.sections.find((s) => s.id === 'people')!;
    expect(people.rows.find((r) => r.key === 'max')?.value).toBe('2');

    // The revoked device: refused on its next contact and told to wipe; it receives nothing more.
    const again = syncClient(b.db, b.link);
    // Its first pull is refused, so the initial replication never completes: not awaited.
    void again.start().catch(() => undefined);
    const refused = await firstValueFrom(again.status$.pipe(filter((status) => status.wipe)));
    expect(refused).toMatchObject({ error: 'device-revoked', wipe: true });
    await again.stop();
    expect(await b.db.records.findOne(later.id).exec()).toBeNull();
  });

  it('answers not-found for a device the organisation does not have', async () => {
    const setup = await newDevices(adapter);
    const { a } = setup;
    const missing = await fetchExposure(fetch, a.link, 'no-such-device');
    expect(missing).toMatchObject({ ok: false, error: 'not-found' });
  });
});
