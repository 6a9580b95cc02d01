// A consent withdrawn after the confirmation left is not given back by a click on that message's /c/ link
// (helper-66's review of issue 17). Sending refuses a person who withdrew ("the person said stop"), but the
// token already sent stayed open, and its click wrote "given, web form" after the withdrawal. Whoever holds
// the link can post it: the server once a mail filter's scanner fetched it (README's threat model), whoever
// the mail was forwarded to. Played here as such a holder posting the link to the real server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteLinks } from '../../../server/storage/links-sqlite';
import type { LinkStore } from '../../../server/storage/links';
import type { Storage } from '../../../server/storage/types';
import {
  loadPersonLedgers,
  recordLinkClicks,
  requestConfirmation,
  saveController,
  subscribe,
  subscriptionStatus,
  consentStatus,
  recordConsent,
  withdrawConsent,
} from '../../../shared/consent';
import {
  PURPOSE_E_MARKETING,
  seedConsentDefaults,
  SUBSCRIPTION_NEWSLETTER,
} from '../../../shared/consent/defaults';
import type { KluisDatabase } from '../../../shared/store/database';
import { serverClient } from '../../../shared/sync';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { memoryDatabase } from '../../helpers/store';
import { ADAPTERS, type TestDatabase } from '../server/adapters';
import { startServer, type RunningServer } from '../server/harness';
import { admin, type Place } from '../sync/members';
import { somePerson } from './support';

const LIST = SUBSCRIPTION_NEWSLETTER;

let database: TestDatabase;
let storage: Storage;
let links: LinkStore;
let server: RunningServer;
const dbs: KluisDatabase[] = [];
const place: Place = {
  get serverUrl() {
    return server.url;
  },
  newDb: async () => {
    const db = await memoryDatabase();
    dbs.push(db);
    return db;
  },
  closeDb: async (db) => {
    dbs.splice(dbs.indexOf(db), 1);
    await db.remove();
  },
  appSync: true,
};

beforeEach(async () => {
  database = await ADAPTERS.sqlite();
  storage = await database.open();
  await storage.migrate();
  links = openSqliteLinks(database.files!()[0]!);
  await links.migrate();
  server = await startServer(storage, { links });
});

afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.remove()));
  await server.close();
  await links.close();
  await storage.close();
  await database.destroy();
});

/** An admin's device, a person who gave consent and is pending the newsletter, the message, then a stop. */
const withdrawnAfterSending = async () => {
  const a = await admin(place, 0, { seed: seedConsentDefaults });
  await saveController(a.session, LOCAL_ACTOR, { name: 'Bakkerij Kluis', email: 'nieuws@bakkerij.example' });
  const person = await a.session.people.create(somePerson(1));
  const recordedBy = { userId: a.link.userId, deviceId: a.link.deviceId };
  const about = { recordedBy, personId: person.id };
  await recordConsent(a.session, LOCAL_ACTOR, {
    ...about,
    purposeId: PURPOSE_E_MARKETING,
    type: 'given',
    method: 'web_form',
  });
  await subscribe(a.session, LOCAL_ACTOR, { ...about, subscriptionTypeId: LIST, origin: 'web_form' });
  const linkServer = {
    serverUrl: server.url,
    client: serverClient(fetch, { serverUrl: server.url, token: a.link.token }),
  };
  const sent = await requestConfirmation(a.session, LOCAL_ACTOR, {
    personId: person.id,
    subscriptionTypeId: LIST,
    language: 'en',
    server: linkServer,
    via: 'eml',
    send: async () => {},
  });
  // The person phones: stop. The withdrawal is recorded after the message left.
  await withdrawConsent(a.session, LOCAL_ACTOR, {
    ...about,
    purposeId: PURPOSE_E_MARKETING,
    method: 'phone',
  });
  return { a, person, about, linkServer, recordedBy, sent };
};

describe('a withdrawal after the confirmation was sent', () => {
  it('is not overturned by a later click on the old link', async () => {
    const { a, person, linkServer, recordedBy, sent } = await withdrawnAfterSending();
    // Someone holding the link posts it afterwards; the server takes it as it takes any click.
    expect((await fetch(sent.confirmUrl, { method: 'POST' })).status).toBe(200);
    await recordLinkClicks(a.session, LOCAL_ACTOR, { server: linkServer, recordedBy });
    const { consents, subscriptions } = await loadPersonLedgers(a.session, person.id);
    expect(consentStatus(consents, PURPOSE_E_MARKETING, Date.now()).state).toBe('withdrawn');
    expect(consents.map((e) => e.data.type)).toEqual(['given', 'withdrawn']);
    expect(subscriptionStatus(subscriptions, LIST, Date.now()).state).toBe('pending');
  });

  it('lets the old link confirm once the person gave consent again', async () => {
    const { a, person, about, linkServer, recordedBy, sent } = await withdrawnAfterSending();
    await recordConsent(a.session, LOCAL_ACTOR, {
      ...about,
      purposeId: PURPOSE_E_MARKETING,
      type: 'given',
      method: 'phone',
    });
    expect((await fetch(sent.confirmUrl, { method: 'POST' })).status).toBe(200);
    await recordLinkClicks(a.session, LOCAL_ACTOR, { server: linkServer, recordedBy });
    const { consents, subscriptions } = await loadPersonLedgers(a.session, person.id);
    expect(consentStatus(consents, PURPOSE_E_MARKETING, Date.now()).state).toBe('given');
    expect(subscriptionStatus(subscriptions, LIST, Date.now()).state).toBe('subscribed');
  });
});
