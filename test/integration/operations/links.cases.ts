// Cases for the double opt-in link operations of shared/consent/operations.ts. The organisation's server is
// a stand-in fetch here, which only answers what the real one would (the real server's part is proven in
// test/integration/consent/link-clicks.test.ts); this file checks that each operation audits itself.
import {
  PURPOSE_E_MARKETING,
  requestConfirmation,
  seedConsentDefaults,
  subscribe,
  SUBSCRIPTION_NEWSLETTER,
  type LinkServer,
} from '../../../shared/consent';
import { CONTROLLER, CONTROLLER_ID } from '../../../shared/purposes';
import { linkClickProof, linkTokenHash, serverClient, type LinkClick } from '../../../shared/sync';
import { LOCAL_ACTOR, type Workspace } from '../../../shared/workspace';
import { annelies } from '../../fixtures/people';
import type { OperationCases } from './harness';

const SERVER_URL = 'https://kluis.example';
const recordedBy = { userId: 'local', deviceId: 'device-a' };

/** Answers POST /links with the number registered and GET /links/clicks with `clicks`. */
const standInServer = (clicks: LinkClick[] = []): LinkServer => ({
  serverUrl: SERVER_URL,
  client: serverClient(
    async (url, init) => {
      const value = String(url).includes('/links/clicks')
        ? { clicks, cursor: clicks.length, more: false }
        : { registered: (JSON.parse(String(init?.body)) as { links: unknown[] }).links.length };
      return new Response(JSON.stringify({ ok: true, value }), {
        headers: { 'content-type': 'application/json' },
      });
    },
    { serverUrl: SERVER_URL, token: 'device-token' },
  ),
});

/** A person waiting for the newsletter's double opt-in, in a vault whose controller has a sender address. */
const pendingPerson = async (workspace: Workspace) => {
  await seedConsentDefaults(workspace);
  await workspace
    .settings(CONTROLLER)
    .put({ name: 'Kluis BV', email: 'nieuws@kluis.example' }, CONTROLLER_ID);
  const person = await workspace.people.create(annelies);
  await subscribe(workspace, LOCAL_ACTOR, {
    recordedBy,
    personId: person.id,
    subscriptionTypeId: SUBSCRIPTION_NEWSLETTER,
    origin: 'web_form',
  });
  return person.id;
};

const confirmationInput = (personId: string) =>
  ({
    personId,
    subscriptionTypeId: SUBSCRIPTION_NEWSLETTER,
    language: 'en',
    server: standInServer(),
    via: 'eml',
    send: async () => undefined,
  }) as const;

export const cases: OperationCases = {
  'consent.campaignLinks': {
    input: async (workspace) => ({
      purposeId: PURPOSE_E_MARKETING,
      personIds: [await pendingPerson(workspace)],
      server: standInServer(),
    }),
    audits: [{ action: 'create', kind: 'unsubscribe-link' }],
  },
  'consent.requestConfirmation': {
    input: async (workspace) => confirmationInput(await pendingPerson(workspace)),
    audits: [{ action: 'export', kind: 'confirmation-message' }],
  },
  'consent.recordLinkClicks': {
    input: async (workspace) => {
      const sent = await requestConfirmation(
        workspace,
        LOCAL_ACTOR,
        confirmationInput(await pendingPerson(workspace)),
      );
      const token = sent.confirmUrl.slice(`${SERVER_URL}/c/`.length);
      const click: LinkClick = {
        tokenHash: await linkTokenHash(token),
        kind: 'confirm',
        clickedAt: Date.now(),
        seq: 1,
        // What the server takes from the clicked link: the stand-in answers as an honest one would.
        proof: await linkClickProof(token),
      };
      return { server: standInServer([click]), recordedBy };
    },
    audits: [
      { action: 'consent', kind: 'subscription-event' },
      { action: 'consent', kind: 'consent-event' },
    ],
  },
};
