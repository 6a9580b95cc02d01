// A click on a token whose maker is gone is read as one entry (helper-66's review of issue 17): every other
// device waits the same MAKER_FIRST_MS from the same click time and then records it, so two devices online
// at once both write before either has the other's entry. The ledger is append-only and keeps both; it is
// read with one (ledgers.ts onePerClick).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteLinks } from '../../../server/storage/links-sqlite';
import type { LinkStore } from '../../../server/storage/links';
import type { Storage } from '../../../server/storage/types';
import {
  loadLedgers,
  loadPersonLedgers,
  recordLinkClicks,
  SUBSCRIPTION_EVENT,
  requestConfirmation,
  saveController,
  subscribe,
  subscriptionStatus,
  type LinkServer,
} from '../../../shared/consent';
import { seedConsentDefaults, SUBSCRIPTION_NEWSLETTER } from '../../../shared/consent/defaults';
import { MAKER_FIRST_MS } from '../../../shared/consent/links';
import type { MailMessage } from '../../../shared/platform';
import type { KluisDatabase } from '../../../shared/store/database';
import { serverClient, type AccountLink } from '../../../shared/sync';
import { connectVault, signInOnNewDevice } from '../../../shared/sync/account';
import { conflictHandlersFor } from '../../../shared/sync/merge';
import { SyncClient } from '../../../shared/sync/replication';
import type { Session } from '../../../shared/vault/session';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { linkableVault, memoryDatabase, PASSPHRASE } from '../../helpers/store';
import { ADAPTERS, type TestDatabase } from '../server/adapters';
import { startServer, type RunningServer } from '../server/harness';
import { somePerson } from './support';

const LIST = SUBSCRIPTION_NEWSLETTER;

interface Device {
  readonly db: KluisDatabase;
  readonly session: Session;
  readonly link: AccountLink;
  readonly server: LinkServer;
  readonly actor: { userId: string; deviceId: string };
}

let database: TestDatabase;
let storage: Storage;
let links: LinkStore;
let server: RunningServer;
let a: Device;
let b: Device;
let aGone = false;

const device = (db: KluisDatabase, session: Session, link: AccountLink): Device => ({
  db,
  session,
  link,
  server: {
    serverUrl: server.url,
    client: serverClient(fetch, { serverUrl: server.url, token: link.token }),
  },
  actor: { userId: link.userId, deviceId: link.deviceId },
});

beforeEach(async () => {
  database = await ADAPTERS.sqlite();
  storage = await database.open();
  await storage.migrate();
  links = openSqliteLinks(database.files!()[0]!);
  await links.migrate();
  server = await startServer(storage, { links });
  const dbA = await memoryDatabase();
  const sessionA = await (await linkableVault(dbA)).create(PASSPHRASE);
  await seedConsentDefaults(sessionA);
  const linked = await connectVault({ fetch, serverUrl: server.url, db: dbA, passphrase: PASSPHRASE });
  if (!linked.ok) throw new Error(linked.error);
  const dbB = await memoryDatabase();
  const signedIn = await signInOnNewDevice({
    fetch,
    serverUrl: server.url,
    db: dbB,
    userId: linked.value.userId,
    passphrase: PASSPHRASE,
  });
  if (!signedIn.ok) throw new Error(signedIn.error);
  a = device(dbA, sessionA, linked.value);
  b = device(dbB, signedIn.value.session, signedIn.value.link);
});

afterEach(async () => {
  if (!aGone) await a.db.remove();
  aGone = false;
  await b.db.remove();
  await server.close();
  await links.close();
  await storage.close();
  await database.destroy();
});

/** One sync run of a device, as the app's sync client does it. */
const syncOnce = async (d: Device) => {
  const client = new SyncClient({
    db: d.db,
    fetch,
    serverUrl: server.url,
    token: d.link.token,
    identifier: `${server.url}|${d.link.deviceId}`,
    role: d.link.role,
    live: false,
    retryMs: 20,
    conflictHandlers: await conflictHandlersFor(d.session),
  });
  try {
    await client.start();
    await client.awaitInSync();
  } finally {
    await client.stop();
  }
};

/** On device A: the controller's sender, a person waiting for the newsletter's opt-in, and the message. */
const confirmationOnA = async (now?: number) => {
  await saveController(a.session, LOCAL_ACTOR, { name: 'Bakkerij Kluis', email: 'nieuws@bakkerij.example' });
  const person = await a.session.people.create(somePerson(1));
  const about = {
    recordedBy: a.actor,
    personId: person.id,
    subscriptionTypeId: LIST,
    origin: 'web_form',
  } as const;
  await subscribe(a.session, LOCAL_ACTOR, about);
  const sent: MailMessage[] = [];
  await requestConfirmation(a.session, LOCAL_ACTOR, {
    personId: person.id,
    subscriptionTypeId: LIST,
    language: 'en',
    server: a.server,
    via: 'eml',
    send: async (message) => void sent.push(message),
    ...(now === undefined ? {} : { now }),
  });
  const token = (kind: 'c' | 'u', text: string) =>
    new RegExp(`${server.url}/${kind}/([A-Za-z0-9_-]{43})`).exec(text)?.[1] ?? '';
  return {
    personId: person.id,
    confirm: token('c', sent[0]!.text),
    unsubscribe: token('u', sent[0]!.headers?.['List-Unsubscribe'] ?? ''),
  };
};

const click = async (kind: 'c' | 'u', token: string) => {
  const response = await fetch(`${server.url}/${kind}/${token}`, { method: 'POST' });
  expect(response.status).toBe(200);
};
/** A pull now, or once another device's click is past its maker's turn (`afterMakersTurn`). */
const pull = (d: Device, afterMakersTurn = false) =>
  recordLinkClicks(d.session, LOCAL_ACTOR, {
    server: d.server,
    recordedBy: d.actor,
    ...(afterMakersTurn ? { now: () => Date.now() + MAKER_FIRST_MS } : {}),
  });
const listState = async (d: Device, personId: string) =>
  subscriptionStatus((await loadPersonLedgers(d.session, personId)).subscriptions, LIST, Date.now()).state;
describe('a click on a token whose maker is gone', () => {
  it('is recorded once when two other devices pull it after the wait', async () => {
    const { personId, confirm } = await confirmationOnA();
    await syncOnce(a);
    await a.db.remove(); // the maker is gone (RxDB holds two client databases at a time)
    aGone = true;
    const dbC = await memoryDatabase();
    const signedIn = await signInOnNewDevice({
      fetch,
      serverUrl: server.url,
      db: dbC,
      userId: a.link.userId,
      passphrase: PASSPHRASE,
    });
    if (!signedIn.ok) throw new Error(signedIn.error);
    const c = device(dbC, signedIn.value.session, signedIn.value.link);
    try {
      await syncOnce(b);
      await syncOnce(c);
      await click('c', confirm);
      // Both are online and pull every 15 seconds: both pass the maker's turn at the same moment.
      await pull(b, true);
      await pull(c, true);
      await syncOnce(b);
      await syncOnce(c);
      await syncOnce(b);
      const { subscriptions, consents } = await loadPersonLedgers(b.session, personId);
      expect(subscriptions.filter((e) => e.data.type === 'confirmed')).toHaveLength(1);
      expect(consents.filter((e) => e.data.type === 'given')).toHaveLength(1);
      // The gate's and the reports' reading too.
      const index = await loadLedgers(b.session);
      expect(index.subscriptions.get(personId)!.filter((e) => e.data.type === 'confirmed')).toHaveLength(1);
      expect(index.consents.get(personId)!.filter((e) => e.data.type === 'given')).toHaveLength(1);
      // Both devices did write: the store holds two confirmations with the click's evidence.
      const stored = await b.session.items(SUBSCRIPTION_EVENT).listForSubject(personId);
      expect(stored.records.filter((e) => e.data.type === 'confirmed')).toHaveLength(2);
      expect(await listState(b, personId)).toBe('subscribed');
    } finally {
      await dbC.remove();
    }
  });
});
