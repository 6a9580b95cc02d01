// Cases for the campaign operations of shared/consent/operations.ts: saving a campaign list (the gate asked
// again as the file is written) and confirmations for a whole double opt-in list. The organisation's server
// is a stand-in fetch that answers POST /links as the real one would (the real server's part is proven in
// test/integration/consent/campaign-export.test.ts); this file checks that each operation audits itself.
import {
  confirmSubscription,
  PURPOSE_E_MARKETING,
  recordConsent,
  seedConsentDefaults,
  subscribe,
  SUBSCRIPTION_NEWSLETTER,
  type LinkServer,
} from '../../../shared/consent';
import { CONTROLLER, CONTROLLER_ID } from '../../../shared/purposes';
import { serverClient } from '../../../shared/sync';
import { LOCAL_ACTOR, type Workspace } from '../../../shared/workspace';
import { annelies } from '../../fixtures/people';
import type { OperationCases } from './harness';

const SERVER_URL = 'https://kluis.example';
const recordedBy = { userId: 'local', deviceId: 'device-a' };

const standInServer = (): LinkServer => ({
  serverUrl: SERVER_URL,
  client: serverClient(
    async (_url, init) => {
      const links = (JSON.parse(String(init?.body)) as { links: unknown[] }).links;
      return new Response(JSON.stringify({ ok: true, value: { registered: links.length } }), {
        headers: { 'content-type': 'application/json' },
      });
    },
    { serverUrl: SERVER_URL, token: 'device-token' },
  ),
});

/** A person on the newsletter: consent given, double opt-in pending (or confirmed with `confirmed`). */
const onTheNewsletter = async (workspace: Workspace, confirmed: boolean) => {
  await seedConsentDefaults(workspace);
  await workspace
    .settings(CONTROLLER)
    .put({ name: 'Kluis BV', email: 'nieuws@kluis.example' }, CONTROLLER_ID);
  const person = await workspace.people.create(annelies);
  const about = { recordedBy, personId: person.id };
  await recordConsent(workspace, LOCAL_ACTOR, {
    ...about,
    purposeId: PURPOSE_E_MARKETING,
    type: 'given',
    method: 'web_form',
  });
  const list = { ...about, subscriptionTypeId: SUBSCRIPTION_NEWSLETTER, origin: 'web_form' } as const;
  await subscribe(workspace, LOCAL_ACTOR, list);
  if (confirmed) await confirmSubscription(workspace, LOCAL_ACTOR, list);
  return person.id;
};

export const cases: OperationCases = {
  'consent.exportCampaign': {
    input: async (workspace) => {
      await onTheNewsletter(workspace, true);
      return {
        purposeId: PURPOSE_E_MARKETING,
        channel: 'email',
        format: 'csv',
        column: (c: string) => c,
        sheetName: 'Campaign',
        fileName: 'e-marketing-email',
        deliver: async () => 'e-marketing-email.csv',
        server: standInServer(),
      };
    },
    audits: [
      { action: 'create', kind: 'unsubscribe-link' },
      { action: 'export', kind: 'campaign-list' },
    ],
  },
  'consent.requestConfirmations': {
    input: async (workspace) => {
      await onTheNewsletter(workspace, false);
      return {
        subscriptionTypeId: SUBSCRIPTION_NEWSLETTER,
        language: 'en',
        server: standInServer(),
        via: 'eml',
        deliver: async () => 'confirmations.zip',
        fileName: 'confirmations',
      };
    },
    audits: [{ action: 'export', kind: 'confirmation-message' }],
  },
};
