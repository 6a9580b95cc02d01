// Cases for shared/consent/operations.ts.
import { LOCAL_ACTOR } from '../../../shared/workspace';
import {
  DEFAULT_PURPOSES,
  recordConsent,
  type PrivacyNoticeInput,
  type SubscriptionTypePayload,
} from '../../../shared/consent';
import { PURPOSE } from '../../../shared/purposes';
import type { Workspace } from '../../../shared/workspace';
import { annelies } from '../../fixtures/people';
import type { OperationCases } from './harness';

const aPurpose = async (workspace: Workspace) => {
  await workspace.settings(PURPOSE).seed(DEFAULT_PURPOSES);
  return (await workspace.settings(PURPOSE).list()).records[0]!;
};

const notice: PrivacyNoticeInput = {
  version: '7',
  publishedOn: '2026-10-01',
  url: '',
  text: { en: 'How we use your data.', nl: 'Hoe wij uw gegevens gebruiken.' },
};

const source = { method: 'business_card', description: 'Beurs', obtainedOn: '2026-10-01' } as const;

export const cases: OperationCases = {
  'consent.campaignList': {
    input: async (workspace) => {
      const { id } = await aPurpose(workspace);
      await workspace.people.create(annelies);
      return { purposeId: id, channel: 'email' };
    },
    audits: [{ action: 'view', kind: 'campaign-list' }],
  },
  'consent.savePurpose': {
    input: async (workspace) => {
      const { id, data } = await aPurpose(workspace);
      return { id, input: { ...data, recipients: [...data.recipients, 'Accountant'] } };
    },
    audits: [{ action: 'update', kind: 'purpose' }],
  },
  'consent.saveSubscriptionType': {
    input: async (workspace) => ({
      id: null,
      input: {
        name: { en: 'Newsletter', nl: 'Nieuwsbrief' },
        description: { en: '', nl: '' },
        purposeId: (await aPurpose(workspace)).id,
        doubleOptIn: true,
        active: true,
      } satisfies SubscriptionTypePayload,
    }),
    audits: [{ action: 'create', kind: 'subscription-type' }],
  },
  'consent.saveController': {
    input: async () => ({ name: 'Kluis BV', email: 'privacy@kluis.example' }),
    audits: [{ action: 'update', kind: 'controller' }],
  },
  'consent.publishNotice': {
    input: async () => notice,
    audits: [{ action: 'create', kind: 'privacy-notice' }],
  },
  'consent.captureCard': {
    input: async () => ({
      person: { givenName: 'Joost', familyName: 'Mulder', source },
      organisation: { create: { name: 'Mulder Mosselen', source } },
    }),
    audits: [
      { action: 'create', kind: 'organisation' },
      { action: 'create', kind: 'person' },
    ],
  },
  'consent.exportRegister': {
    input: async (workspace) => {
      await aPurpose(workspace);
      const text = (value: { en: string }) => value.en;
      return {
        labels: { text, basis: String, category: String, channel: String },
        column: String,
        sheetName: 'Register',
        deliver: async () => 'register.xlsx',
      };
    },
    audits: [{ action: 'export', kind: 'purpose' }],
  },
  'consent.exportReceipt': {
    input: async (workspace) => {
      const purpose = await aPurpose(workspace);
      const person = await workspace.people.create(annelies);
      const event = await recordConsent(workspace, LOCAL_ACTOR, {
        recordedBy: { userId: 'local', deviceId: 'this-device' },
        personId: person.id,
        purposeId: purpose.id,
        type: 'given',
        method: 'web_form',
      });
      return {
        personId: person.id,
        eventId: event.id,
        format: 'kantara',
        language: 'en',
        deliver: async () => 'receipt.json',
      };
    },
    audits: [{ action: 'export', kind: 'consent-event' }],
  },
};
