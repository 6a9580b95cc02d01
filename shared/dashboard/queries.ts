// What the privacy dashboard reads, live: the figures this device computes alone (lawful-basis gaps,
// consents running out, processor reviews) and the devices, which only the server knows. Each names
// exactly what it reads, so a tile reloads only for its own data. (The audit chains: shared/accountability.)
import { OBJECTION } from '../objection';
import { CONSENT_EVENT, SUBSCRIPTION_EVENT, SUBSCRIPTION_TYPE } from '../consent';
import { PERSON_KIND } from '../people';
import { PROCESSOR } from '../processors';
import { CONTROLLER, PURPOSE, PURPOSE_BASIS, controllerGaps, storedController } from '../purposes';
import type { ControllerGap } from '../purposes';
import { RESTRICTION } from '../restriction';
import { listDevices } from '../sync';
import type { AccountLink } from '../sync';
import type { Fetch } from '../sync';
import { defineQuery } from '../workspace';
import { deviceFreshness, type DeviceFreshness } from './dashboard';
import { loadConsentExpiry, loadLawfulBasisGaps, loadProcessorReviews } from './dashboard-load';

/** A figure that needs the server has none: no server linked, or the server unreachable. */
export class ServerUnavailable extends Error {
  override readonly name = 'ServerUnavailable';
  constructor(readonly reason: 'not-linked' | 'offline') {
    super(`The server is needed for this figure: ${reason}`);
  }
}

/** The server a figure is asked of, or null for a vault kept on this device only. */
export type DashboardServer = Pick<AccountLink, 'serverUrl' | 'token'> | null;

/** People on a list or with a recorded basis for a purpose that no lawful basis covers now. */
export const lawfulBasisFigures = defineQuery(
  'dashboard.lawfulBasis',
  [
    {
      collection: 'items',
      kinds: [
        PURPOSE_BASIS.kind,
        CONSENT_EVENT.kind,
        SUBSCRIPTION_EVENT.kind,
        OBJECTION.kind,
        RESTRICTION.kind,
      ],
    },
    { collection: 'records', kinds: [PERSON_KIND] },
    { collection: 'settings', kinds: [PURPOSE.kind, SUBSCRIPTION_TYPE.kind] },
  ],
  (workspace) => loadLawfulBasisGaps(workspace, Date.now()),
);

/** Consents that run out within 30, 60 or 90 days. */
export const consentExpiryFigures = defineQuery(
  'dashboard.consentExpiry',
  [{ collection: 'items', kinds: [CONSENT_EVENT.kind] }],
  (workspace) => loadConsentExpiry(workspace, Date.now()),
);

/** Processor agreements due for review, overdue, or never signed. */
export const processorReviewFigures = defineQuery(
  'dashboard.processorReviews',
  [{ collection: 'settings', kinds: [PROCESSOR.kind] }],
  (workspace) => loadProcessorReviews(workspace, Date.now()),
);

/** Devices that have not synced for a while; asked of the server with the page's `fetch`. */
export const deviceFreshnessFigures = (fetch: Fetch) =>
  defineQuery(
    'dashboard.devices',
    [],
    async (_workspace, server: DashboardServer): Promise<DeviceFreshness> => {
      if (!server) throw new ServerUnavailable('not-linked');
      const reply = await listDevices(fetch, server);
      if (!reply.ok) {
        if (reply.error === 'offline') throw new ServerUnavailable('offline');
        throw new Error(`Devices could not be listed: ${reply.error}`);
      }
      return deviceFreshness(reply.value, Date.now());
    },
  );

/** The controller details still missing (its real name, a contact, a DPO or contact point), in that order. */
export interface ControllerDetails {
  readonly missing: readonly ControllerGap[];
}

/** What the controller's details lack: the dashboard counts each as a gap, the access package waits for a name. */
export const controllerDetailsFigures = defineQuery(
  'dashboard.controller',
  [{ collection: 'settings', kinds: [CONTROLLER.kind] }],
  async (workspace): Promise<ControllerDetails> => ({
    missing: controllerGaps(await storedController(workspace)),
  }),
);
