// Erasing a person takes their confirmation and unsubscribe tokens from every device (issue 17): the
// tokens live only in the person's sealed link records, which sync like the person's other items. Two
// devices of one admin against the real server, with the erasure ledger's catch-up as the app runs it
// (test/integration/erasure/devices.ts): A makes two tokens and syncs, B receives them; A erases the
// person, and after a sync neither device holds a link record or a token, and the server holds the
// items only as erased.
import { afterEach, expect, it } from 'vitest';
import {
  seedConsentDefaults,
  PURPOSE_E_MARKETING,
  SUBSCRIPTION_NEWSLETTER,
} from '../../../shared/consent/defaults';
import { LINK_RECORD } from '../../../shared/consent/link-record';
import { holdLinks } from '../../../shared/consent/link-store';
import { eraseSubject } from '../../../shared/erasure';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { erasureSetup, type Device, type ErasureSetup } from '../erasure/devices';
import { somePerson } from './support';

let setup: ErasureSetup | undefined;
afterEach(async () => {
  await setup?.close();
  setup = undefined;
});

const tokensOn = async (d: Device) =>
  (await d.session.items(LINK_RECORD).loadAll()).records.map((r) => r.data.token).sort();

it('an erasure on one device takes the person’s tokens from the other devices and the server', async () => {
  setup = await erasureSetup();
  const s = setup;
  await seedConsentDefaults(s.a.session);
  const person = await s.a.session.people.create(somePerson(2));
  const about = {
    personId: person.id,
    subscriptionTypeId: SUBSCRIPTION_NEWSLETTER,
    purposeId: PURPOSE_E_MARKETING,
  };
  // Held as a confirmation holds them; this test is about the records, not the server's copy.
  const held = await holdLinks(
    s.a.session,
    [
      { ...about, kind: 'confirm' },
      { ...about, kind: 'unsubscribe' },
    ],
    Date.now(),
    async () => undefined,
  );
  await s.syncOnce(s.a);
  await s.syncOnce(s.b);
  expect(await tokensOn(s.b)).toEqual(held.map((h) => h.token).sort());

  await eraseSubject(s.a.session, LOCAL_ACTOR, {
    subjectId: person.id,
    requestId: 'req-erase-links',
    ledger: s.a.erasures,
  });
  await s.syncOnce(s.a);
  await s.syncOnce(s.b);
  for (const d of [s.a, s.b]) {
    expect(await tokensOn(d)).toEqual([]);
    expect(await d.db.items.find({ selector: { kind: 'link-record' } }).exec()).toEqual([]);
  }
  const pulled = await s.storage.pull(s.a.link.orgId, 'items', 0, 1000);
  const items = pulled.docs.map((d) => JSON.parse(d.doc) as { subjectId: string; payload: string });
  const erased = items.filter((d) => d.subjectId === person.id);
  expect(erased.length).toBeGreaterThanOrEqual(2);
  expect(erased.every((d) => d.payload === 'erased')).toBe(true);
});
