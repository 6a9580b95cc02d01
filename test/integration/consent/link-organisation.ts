// The set-up the link tests against the real server share: the server with its link store (SQLite,
// link-server.ts), and either one organisation's two devices of one user (useLinkOrganisation: the maker of a
// message's tokens, A, and a second device, B, both syncing as the app does), or a place where members of an
// organisation meet (useLinkPlace, for members.ts's admin, join and removeMember).
import { afterEach, beforeEach, expect } from 'vitest';
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
import { useServerWithLinks } from '../server/link-server';
import { admin, memoryPlace, type Place } from '../sync/members';
import { somePerson } from './support';

export const LIST = SUBSCRIPTION_NEWSLETTER;

export interface Device {
  readonly db: KluisDatabase;
  readonly session: Session;
  readonly link: AccountLink;
  readonly server: LinkServer;
  readonly actor: { userId: string; deviceId: string };
}

/**
 * Call at the top of a test file: before each test, the server with its link store and the user's two
 * devices, A (its vault made there, with the consent defaults) and B (signed in on a new device), not
 * synced yet; after it, both databases removed and the server closed.
 */
export const useLinkOrganisation = () => {
  const served = useServerWithLinks('sqlite');
  let a: Device | undefined;
  let b: Device | undefined;
  const gone = new Set<Device>();

  const device = (db: KluisDatabase, session: Session, link: AccountLink): Device => ({
    db,
    session,
    link,
    server: {
      serverUrl: served.server.url,
      client: serverClient(fetch, { serverUrl: served.server.url, token: link.token }),
    },
    actor: { userId: link.userId, deviceId: link.deviceId },
  });

  /** Another device of A's user, signed in on `db`. */
  const signIn = async (db: KluisDatabase, userId: string): Promise<Device> => {
    const signedIn = await signInOnNewDevice({
      fetch,
      serverUrl: served.server.url,
      db,
      userId,
      passphrase: PASSPHRASE,
    });
    if (!signedIn.ok) throw new Error(signedIn.error);
    return device(db, signedIn.value.session, signedIn.value.link);
  };

  beforeEach(async () => {
    const dbA = await memoryDatabase();
    const sessionA = await (await linkableVault(dbA)).create(PASSPHRASE);
    await seedConsentDefaults(sessionA);
    const linked = await connectVault({
      fetch,
      serverUrl: served.server.url,
      db: dbA,
      passphrase: PASSPHRASE,
    });
    if (!linked.ok) throw new Error(linked.error);
    a = device(dbA, sessionA, linked.value);
    b = await signIn(await memoryDatabase(), linked.value.userId);
  });

  afterEach(async () => {
    for (const d of [a, b]) if (d && !gone.has(d)) await d.db.remove();
    gone.clear();
    a = undefined;
    b = undefined;
  });

  const get = (d: Device | undefined) => {
    if (!d) throw new Error('no device outside a test');
    return d;
  };

  /** Removes a device's database during the test (RxDB holds two client databases at a time). */
  const remove = async (d: Device) => {
    await d.db.remove();
    gone.add(d);
  };

  /** One sync run of a device, as the app's sync client does it. */
  const syncOnce = async (d: Device) => {
    const client = new SyncClient({
      db: d.db,
      fetch,
      serverUrl: served.server.url,
      token: d.link.token,
      identifier: `${served.server.url}|${d.link.deviceId}`,
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
    const on = get(a);
    await saveController(on.session, LOCAL_ACTOR, {
      name: 'Bakkerij Kluis',
      email: 'nieuws@bakkerij.example',
    });
    const person = await on.session.people.create(somePerson(1));
    await signUp(on.session, on.actor, person.id);
    const sent: MailMessage[] = [];
    await requestConfirmation(on.session, LOCAL_ACTOR, {
      personId: person.id,
      subscriptionTypeId: LIST,
      language: 'en',
      server: on.server,
      via: 'eml',
      send: async (message) => void sent.push(message),
      ...(now === undefined ? {} : { now }),
    });
    const token = (kind: 'c' | 'u', text: string) =>
      new RegExp(`${served.server.url}/${kind}/([A-Za-z0-9_-]{43})`).exec(text)?.[1] ?? '';
    return {
      personId: person.id,
      confirm: token('c', sent[0]!.text),
      unsubscribe: token('u', sent[0]!.headers?.['List-Unsubscribe'] ?? ''),
    };
  };

  /** The person posts a link's page, as its button does. */
  const click = async (kind: 'c' | 'u', token: string) => {
    const response = await fetch(`${served.server.url}/${kind}/${token}`, { method: 'POST' });
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

  return {
    get a() {
      return get(a);
    },
    get b() {
      return get(b);
    },
    get server() {
      return served.server;
    },
    get links() {
      return served.links;
    },
    signIn,
    remove,
    syncOnce,
    confirmationOnA,
    click,
    pull,
    listState,
  };
};

/**
 * Call at the top of a test file: the server with its link store before each test, and the place where the
 * organisation's members meet, syncing as the app does. Their databases are removed before the server closes.
 */
export const useLinkPlace = () => {
  const served = useServerWithLinks('sqlite');
  const place = memoryPlace(
    {
      get url() {
        return served.server.url;
      },
    },
    { appSync: true },
  );
  return { served, place };
};

/** The server's link routes as a member's device reaches them. */
export const linkServerOf = (place: Place, link: AccountLink): LinkServer => ({
  serverUrl: place.serverUrl,
  client: serverClient(fetch, { serverUrl: place.serverUrl, token: link.token }),
});

/**
 * The organisation's admin on a device of the place, with the consent defaults and the controller's sender
 * (unless `controller` is false), and a person: who records on that device, and its link routes.
 */
export const adminAndPerson = async (place: Place, options: { controller?: boolean } = {}) => {
  const a = await admin(place, 0, { seed: seedConsentDefaults });
  if (options.controller !== false) {
    await saveController(a.session, LOCAL_ACTOR, {
      name: 'Bakkerij Kluis',
      email: 'nieuws@bakkerij.example',
    });
  }
  const person = await a.session.people.create(somePerson(1));
  const recordedBy = { userId: a.link.userId, deviceId: a.link.deviceId };
  return { a, person, recordedBy, linkServer: linkServerOf(place, a.link) };
};

/** The person signs up for the newsletter on a web form: pending its opt-in. */
export const signUp = (session: Session, recordedBy: Device['actor'], personId: string) =>
  subscribe(session, LOCAL_ACTOR, { recordedBy, personId, subscriptionTypeId: LIST, origin: 'web_form' });

/** The newsletter's opt-in message to the person, made and sent nowhere (`now`: the device's clock). */
export const confirmationTo = (session: Session, personId: string, server: LinkServer, now?: number) =>
  requestConfirmation(session, LOCAL_ACTOR, {
    personId,
    subscriptionTypeId: LIST,
    language: 'en',
    server,
    via: 'eml',
    send: async () => {},
    ...(now === undefined ? {} : { now }),
  });
