// A token whose click another device recorded is not sent out again (helper-66's review of issue 17). A
// device reused a token "until its click is recorded", but knew that only from its own never-synced store:
// a device that never pulled that click (a new laptop, a reset one, or any device once the server purged
// the click after the offline horizon) sent the old token again. The person's new click on it was then
// resolved to the old evidence, already in the ledger, and nothing was written, while the page told them
// they were unsubscribed. Two devices of one organisation against the real server with its link store.
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
  await a.db.remove();
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
describe('a token whose click is already in the ledger', () => {
  it("is not reused by a device that never pulled that click, so the person's new unsubscribe is recorded", async () => {
    const { personId, confirm, unsubscribe } = await confirmationOnA();
    await syncOnce(a);
    // The person unsubscribes from the message's List-Unsubscribe, and later presses its Confirm too.
    await click('u', unsubscribe);
    await click('c', confirm);
    expect(await pull(a)).toMatchObject({ recorded: 1, problems: [] });
    expect(await listState(a, personId)).toBe('unsubscribed');
    // Past the offline horizon the server drops the older click (the latest one stays for the sequence).
    expect(await links.purge(0, Date.now() + 1)).toBe(1);

    // The person signs up again; a second device of the organisation sends the next confirmation.
    await subscribe(a.session, LOCAL_ACTOR, {
      recordedBy: a.actor,
      personId,
      subscriptionTypeId: LIST,
      origin: 'web_form',
    });
    await syncOnce(a);
    await syncOnce(b);
    await pull(b, true);
    expect(await listState(b, personId)).toBe('pending');
    const sent: MailMessage[] = [];
    await requestConfirmation(b.session, LOCAL_ACTOR, {
      personId,
      subscriptionTypeId: LIST,
      language: 'en',
      server: b.server,
      via: 'eml',
      send: async (message) => void sent.push(message),
    });
    const again = new RegExp(`${server.url}/u/([A-Za-z0-9_-]{43})`).exec(
      sent[0]!.headers?.['List-Unsubscribe'] ?? '',
    )?.[1];
    expect(again).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The person unsubscribes from the new message: that is recorded.
    await click('u', again!);
    await pull(b, true);
    expect(await listState(b, personId)).toBe('unsubscribed');
    expect(again).not.toBe(unsubscribe);
  });
});
