// Cases for the operations that append to a person's ledgers: consent, notices and subscriptions
// (shared/consent), objections and profiling (shared/objection), restriction and the lawful basis.
import {
  PURPOSE_E_MARKETING,
  PURPOSE_SALES_SERVICE,
  seedConsentDefaults,
  SUBSCRIPTION_NEWSLETTER,
  subscribe,
} from '../../../shared/consent';
import { recordObjection } from '../../../shared/objection';
import { LOCAL_ACTOR, type Workspace } from '../../../shared/workspace';
import { annelies } from '../../fixtures/people';
import type { OperationCase, OperationCases } from './harness';

const recordedBy = { userId: 'local', deviceId: 'this-device' };

/** A person with the default purposes and lists, for an entry about them. */
const aPerson = async (workspace: Workspace) => {
  await seedConsentDefaults(workspace);
  return { recordedBy, personId: (await workspace.people.create(annelies)).id };
};

/** One entry about a new person, audited under the ledger's kind. */
const entry = (
  action: 'consent' | 'update',
  kind: string,
  fields: Readonly<Record<string, unknown>>,
): OperationCase => ({
  input: async (workspace) => ({ ...(await aPerson(workspace)), ...fields }),
  audits: [{ action, kind }],
});

const newsletter = { subscriptionTypeId: SUBSCRIPTION_NEWSLETTER, origin: 'web_form' } as const;

export const cases: OperationCases = {
  'consent.record': entry('consent', 'consent-event', {
    purposeId: PURPOSE_E_MARKETING,
    type: 'given',
    method: 'web_form',
  }),
  'consent.withdraw': entry('consent', 'consent-event', { purposeId: PURPOSE_E_MARKETING, method: 'email' }),
  'consent.recordNotice': entry('consent', 'notice-receipt', {
    noticeId: 'notice-7',
    version: '7',
    method: 'email',
  }),
  'consent.subscribe': entry('consent', 'subscription-event', newsletter),
  'consent.confirmSubscription': {
    // The newsletter asks for a double opt-in: subscribing leaves it pending until the person confirms.
    input: async (workspace) => {
      const about = await aPerson(workspace);
      await subscribe(workspace, LOCAL_ACTOR, { ...about, ...newsletter });
      return { ...about, ...newsletter };
    },
    audits: [{ action: 'consent', kind: 'subscription-event' }],
  },
  'consent.unsubscribe': entry('consent', 'subscription-event', newsletter),
  'objection.record': entry('consent', 'objection', {
    type: 'objected',
    scope: 'direct_marketing',
    method: 'email',
  }),
  'objection.assess': {
    input: async (workspace) => {
      const about = await aPerson(workspace);
      const objection = { purposeId: PURPOSE_SALES_SERVICE, method: 'email' } as const;
      await recordObjection(workspace, LOCAL_ACTOR, {
        ...about,
        ...objection,
        type: 'objected',
        scope: 'purpose',
        grounds: 'I left the company',
      });
      return { ...about, ...objection, personGrounds: 'I left the company', outcome: 'upheld' };
    },
    audits: [{ action: 'consent', kind: 'objection' }],
  },
  'objection.recordProfiling': entry('consent', 'profiling-optout', { type: 'opted_out', method: 'email' }),
  'restriction.record': entry('update', 'restriction', { type: 'restricted', reason: 'accuracy_contested' }),
  'purposes.recordBasis': entry('consent', 'purpose-basis', {
    purposeId: PURPOSE_SALES_SERVICE,
    basis: 'contract',
  }),
};
