// What a user can do with a person's consent, notices and subscriptions (each one ledger entry), and with
// the consent registers and receipts: the purposes register, the controller, the
// privacy notices and the subscription types (admins and managers), a business card captured at an
// event, the campaign list and the exports of the register and of one consent's receipt. Each stores, then returns the
// audit entry the core writes: ids, kinds and formats, never names or the register's words.
import { toXlsx } from '../export';
import type { OrganisationInput } from '../organisations';
import type { PersonInput } from '../people';
import { CONTROLLER, CONTROLLER_ID, ControllerPayload, type ControllerInput } from '../purposes';
import { ledgerWrite, type AboutPerson, type Actor } from '../purposes';
import { PURPOSE } from '../purposes';
import { NotFoundError } from '../store';
import type { Deliver } from '../workspace';
import { defineOperation, deliverFile } from '../workspace';
import { saveSetting } from '../workspace';
import {
  consentAudit,
  consentEntry,
  loadPersonLedgers,
  noticeReceiptAudit,
  type ConsentRecordInput,
  type NoticeReceiptInput,
} from './ledgers';
import { changeSubscription, type SubscriptionChange } from './subscriptions';
import { sendConfirmations, type BulkConfirmationInput } from './campaign-confirmations';
import { exportCampaignFile, type CampaignExportInput } from './campaign-export';
import { campaignUnsubscribeLinks, type CampaignLinksRequest } from './campaign-links';
import { pullAndRecordClicks, sendConfirmation, type ConfirmationRequest, type LinkServer } from './links';
import { toIso27560Record, toKantaraReceipt } from './receipts';
import { REGISTER_COLUMNS, registerRows, type RegisterLabels } from './register-export';
import { decideCampaignList } from './run-gate';
import {
  CONSENT_EVENT,
  NOTICE_RECEIPT,
  PRIVACY_NOTICE,
  SUBSCRIPTION_TYPE,
  type SubscribeRequest,
  type PrivacyNoticeInput,
  type ProgressOptions,
  type RunGateInput,
} from './types';

export const savePurpose = defineOperation('consent.savePurpose', saveSetting(PURPOSE));

/** Adds one consent event (given, withdrawn, expired, renewed) to a person's ledger. */
export const recordConsent = defineOperation(
  'consent.record',
  ledgerWrite(CONSENT_EVENT, consentEntry, consentAudit),
);

/** Withdrawing is one action, as easy as giving (Art. 7(3)). */
export const withdrawConsent = defineOperation(
  'consent.withdraw',
  ledgerWrite(
    CONSENT_EVENT,
    (input: Pick<ConsentRecordInput, 'purposeId' | 'method' | 'evidence'>) =>
      consentEntry({ ...input, type: 'withdrawn' }),
    consentAudit,
  ),
);

/** Records that a person was given a privacy notice version (Art. 13/14). */
export const recordNoticeReceipt = defineOperation(
  'consent.recordNotice',
  ledgerWrite(
    NOTICE_RECEIPT,
    (input: NoticeReceiptInput) => ({
      ...input,
      receivedAt: input.receivedAt ?? Date.now(),
    }),
    noticeReceiptAudit,
  ),
);

const subscriptionOperation = (name: string, change: SubscriptionChange) =>
  defineOperation(
    name,
    (workspace, _actor, { personId, recordedBy, ...request }: AboutPerson<SubscribeRequest>) =>
      changeSubscription(workspace, recordedBy, personId, request, change),
    // A request that would change nothing (already subscribed, nothing pending) stores nothing.
    { mayChangeNothing: true },
  );

/** Subscribes a person to a list (pending first for double opt-in), or says why not. */
export const subscribe = subscriptionOperation('consent.subscribe', 'subscribe');
/** The person confirmed a pending double opt-in. */
export const confirmSubscription = subscriptionOperation('consent.confirmSubscription', 'confirm');
/** Unsubscribes: always possible, one action. */
export const unsubscribe = subscriptionOperation('consent.unsubscribe', 'unsubscribe');

/**
 * The campaign list for a purpose and a channel, checked on screen: who may be contacted, who is left out
 * and why; audited as a view of the eligible ids (the file is consent.exportCampaign).
 */
export const runGate = defineOperation(
  'consent.campaignList',
  (workspace, _actor, { onProgress, signal, now, ...input }: RunGateInput & ProgressOptions) =>
    decideCampaignList(workspace, input, { onProgress, signal, now }),
);

/**
 * Saves a campaign list (the only way people leave Kluis for marketing): the gate is asked again as the
 * file is written, so a change since the list was checked counts; audited as an export once delivered.
 */
export const exportCampaign = defineOperation(
  'consent.exportCampaign',
  (workspace, _actor, input: CampaignExportInput, step) => exportCampaignFile(workspace, input, step),
  // Nobody left to contact: no file, nothing exported. The roles that run campaigns (permissions.ts).
  { mayChangeNothing: true, roles: ['admin', 'manager', 'marketing'] },
);

/**
 * The double opt-in message for every pending subscription to a list, each gated and audited per person
 * as consent.requestConfirmation does for one; who was left out comes back with the reason.
 */
export const requestConfirmations = defineOperation(
  'consent.requestConfirmations',
  (workspace, _actor, input: BulkConfirmationInput, step) => sendConfirmations(workspace, input, step),
  // Nobody pending, or nobody the gate lets through: nothing sent, nothing to account for.
  { mayChangeNothing: true, roles: ['admin', 'manager', 'marketing'] },
);

/**
 * The double opt-in message for a pending subscription (issue 17): gated for the list's purpose on e-mail,
 * its /c/ and /u/ tokens held in the person's sealed link records and registered by hash, handed to
 * `send`, then audited.
 */
export const requestConfirmation = defineOperation(
  'consent.requestConfirmation',
  (workspace, _actor, request: ConfirmationRequest) => sendConfirmation(workspace, request),
);

/**
 * Records the clicks on the organisation's confirmation and unsubscribe links: its clicks after this
 * device's cursor, each written to the person's ledgers with the token's hash and time as evidence (a
 * click on another device's token after that device had its turn: MAKER_FIRST_MS). `now` is the clock.
 */
export const recordLinkClicks = defineOperation(
  'consent.recordLinkClicks',
  (
    workspace,
    _actor,
    { server, recordedBy, now }: { server: LinkServer; recordedBy: Actor; now?: () => number },
    step,
  ) => pullAndRecordClicks(workspace, recordedBy, server, step, now),
  // A pull that found no click to record (or only ones left to their maker for now) stores nothing.
  { mayChangeNothing: true },
);

/**
 * A per-person unsubscribe link for a campaign list's eligible people: tokens held in the people's sealed
 * link records and registered by hash, with the List-Unsubscribe values; audited with the people's ids.
 */
export const campaignLinks = defineOperation(
  'consent.campaignLinks',
  (workspace, _actor, request: CampaignLinksRequest) => campaignUnsubscribeLinks(workspace, request),
);

export const saveSubscriptionType = defineOperation(
  'consent.saveSubscriptionType',
  saveSetting(SUBSCRIPTION_TYPE),
);

/** Saves the controller's identity and contact details (one record). */
export const saveController = defineOperation(
  'consent.saveController',
  async (workspace, _actor, input: ControllerInput) => {
    const saved = await workspace.settings(CONTROLLER).put(input, CONTROLLER_ID);
    return { result: saved, audit: { action: 'update', kind: CONTROLLER.kind, recordIds: [CONTROLLER_ID] } };
  },
);

/** Publishes a new privacy notice version (versions are never edited: a change is a new version). */
export const publishNotice = defineOperation(
  'consent.publishNotice',
  async (workspace, _actor, input: PrivacyNoticeInput) => {
    const saved = await workspace.settings(PRIVACY_NOTICE).put(input);
    return { result: saved, audit: { action: 'create', kind: PRIVACY_NOTICE.kind, recordIds: [saved.id] } };
  },
);

export interface CapturedCard {
  readonly person: PersonInput;
  /** The existing organisation the card names, a new one to create, or none. */
  readonly organisation: { readonly id: string } | { readonly create: OrganisationInput } | null;
}

/** Records a business card: the person, and the organisation when the card names a new one. */
export const captureCard = defineOperation(
  'consent.captureCard',
  async (workspace, _actor, { person, organisation }: CapturedCard) => {
    workspace.people.validate(person);
    const created =
      organisation && 'create' in organisation
        ? await workspace.organisations.create(organisation.create)
        : null;
    const organisationId = created?.id ?? (organisation && 'id' in organisation ? organisation.id : null);
    const stored = await workspace.people.create({ ...person, organisationId });
    return {
      result: stored,
      audit: [
        ...(created ? [{ action: 'create', kind: 'organisation', recordIds: [created.id] } as const] : []),
        { action: 'create', kind: 'person', recordIds: [stored.id], details: { source: 'business_card' } },
      ],
    };
  },
);

/** The purposes register as a spreadsheet (Art. 30(1)) in the interface language; audited once saved. */
export const exportPurposeRegister = defineOperation(
  'consent.exportRegister',
  async (
    workspace,
    _actor,
    {
      labels,
      column,
      sheetName,
      deliver,
    }: {
      readonly labels: RegisterLabels;
      readonly column: (name: (typeof REGISTER_COLUMNS)[number]) => string;
      readonly sheetName: string;
      readonly deliver: Deliver;
    },
  ) => {
    const purposes = (await workspace.settings(PURPOSE).list()).records;
    const bytes = toXlsx(REGISTER_COLUMNS.map(column), registerRows(purposes, labels), { sheetName });
    const savedAs = await deliverFile(deliver, 'record-of-processing-activities', 'xlsx', bytes);
    return {
      result: savedAs,
      audit: { action: 'export', kind: PURPOSE.kind, recordIds: purposes.map((p) => p.id) },
    };
  },
);

export type ReceiptFormat = 'kantara' | 'iso27560';

const orNull = async <T>(load: Promise<T>): Promise<T | null> => {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
};

/**
 * One consent event as a Kantara Consent Receipt v1.1 or an ISO/IEC TS 27560 record (with the purpose's
 * ledger up to that event); audited once saved.
 */
export const exportConsentReceipt = defineOperation(
  'consent.exportReceipt',
  async (
    workspace,
    _actor,
    {
      personId,
      eventId,
      format,
      language,
      deliver,
    }: {
      readonly personId: string;
      readonly eventId: string;
      readonly format: ReceiptFormat;
      readonly language: 'en' | 'nl';
      readonly deliver: Deliver;
    },
  ) => {
    const { consents } = await loadPersonLedgers(workspace, personId);
    const event = consents.find((e) => e.id === eventId);
    if (!event) throw new NotFoundError(CONSENT_EVENT.kind, eventId);
    const purpose = await workspace.settings(PURPOSE).get(event.data.purposeId);
    const controller =
      (await orNull(workspace.settings(CONTROLLER).get(CONTROLLER_ID)))?.data ??
      ControllerPayload.parse({ name: '-' });
    const notice = event.data.noticeId
      ? await orNull(workspace.settings(PRIVACY_NOTICE).get(event.data.noticeId))
      : null;
    const options = { language, ...(notice?.data.url ? { policyUrl: notice.data.url } : {}) } as const;
    const person = await workspace.people.get(personId);
    const receipt =
      format === 'kantara'
        ? toKantaraReceipt(event, person, purpose, controller, options)
        : toIso27560Record(
            event,
            consents.filter((e) => e.data.purposeId === purpose.id),
            person,
            purpose,
            controller,
            options,
          );
    const savedAs = await deliverFile(
      deliver,
      `consent-${format === 'kantara' ? 'receipt' : 'record-27560'}-${event.id}`,
      'json',
      new TextEncoder().encode(`${JSON.stringify(receipt, null, 2)}\n`),
    );
    return {
      result: savedAs,
      audit: {
        action: 'export',
        kind: CONSENT_EVENT.kind,
        recordIds: [personId, event.id],
        purposeId: purpose.id,
        details: { format },
      },
    };
  },
);
