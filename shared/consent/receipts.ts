// Consent receipts: any consent event as a Kantara Consent Receipt v1.1 and as an ISO/IEC TS 27560
// consent record, so a person (or an auditor) gets a standard, machine-readable proof.
import type { PersonPayload } from '../people';
import type { Decrypted } from '../store';
import type { ConsentEventPayload } from './types';
import {
  byEventTime,
  DATA_CATEGORY_NAMES,
  type ControllerPayload,
  type LawfulBasis,
  type LedgerEntry,
  type Localized,
  type PurposePayload,
} from '../purposes';

export interface ReceiptOptions {
  readonly language?: 'en' | 'nl';
  /** The privacy notice URL; the controller's policy URL when left out. */
  readonly policyUrl?: string;
}

export interface KantaraReceipt {
  readonly version: 'KI-CR-v1.1.0';
  readonly jurisdiction: string;
  readonly consentTimestamp: number;
  readonly collectionMethod: string;
  readonly consentReceiptID: string;
  readonly publicKey?: string;
  readonly language: string;
  readonly piiPrincipalId: string;
  readonly piiControllers: readonly {
    piiController: string;
    onBehalf: boolean;
    contact: string;
    address: string;
    email: string;
    phone: string;
    piiControllerUrl?: string;
  }[];
  readonly policyUrl: string;
  readonly services: readonly {
    service: string;
    purposes: readonly {
      purpose: string;
      purposeCategory: readonly string[];
      consentType: string;
      piiCategory: readonly string[];
      primaryPurpose: boolean;
      termination: string;
      thirdPartyDisclosure: boolean;
      thirdPartyName?: string;
    }[];
  }[];
  readonly sensitive: boolean;
  readonly spiCat: readonly string[];
}

export interface Iso27560Record {
  readonly schemaVersion: 'ISO/IEC TS 27560:2023';
  readonly recordId: string;
  readonly piiPrincipalId: string;
  readonly privacyNotice: {
    readonly noticeId: string | null;
    readonly version: string;
    readonly url: string;
  };
  readonly language: string;
  readonly purpose: { readonly id: string; readonly name: string; readonly description: string };
  readonly piiCategories: readonly string[];
  readonly controllers: readonly {
    name: string;
    contact: string;
    address: string;
    email: string;
    dpo: string;
  }[];
  readonly storageLocations: readonly string[];
  readonly retention: { readonly text: string; readonly months: number | null; readonly trigger: string };
  readonly jurisdiction: string;
  readonly recipients: readonly string[];
  readonly thirdCountryTransfers: readonly { country: string; safeguard: string }[];
  readonly withdrawalMethod: string;
  readonly lawfulBasis: string;
  readonly events: readonly {
    eventId: string;
    time: string;
    validity: { from: string; until: string | null };
    type: string;
    state: string;
    method: string;
  }[];
}

type Lang = 'en' | 'nl';

const METHOD_NAMES: Record<ConsentEventPayload['method'], Localized> = {
  web_form: { en: 'Web form', nl: 'Webformulier' },
  email: { en: 'Email', nl: 'E-mail' },
  phone: { en: 'Phone', nl: 'Telefoon' },
  paper: { en: 'Paper form', nl: 'Papieren formulier' },
  business_card: { en: 'Business card', nl: 'Visitekaartje' },
  in_person: { en: 'In person', nl: 'Persoonlijk' },
};

/** The purpose's data categories, named as the record of processing and breach reports name them. */
const categoryNames = (p: PurposePayload, lang: Lang): string[] =>
  p.dataCategories.map((c) => DATA_CATEGORY_NAMES[lang][c]);

const BASIS_NAMES: Record<LawfulBasis, string> = {
  consent: 'GDPR Art. 6(1)(a) consent',
  contract: 'GDPR Art. 6(1)(b) contract',
  legal_obligation: 'GDPR Art. 6(1)(c) legal obligation',
  vital_interests: 'GDPR Art. 6(1)(d) vital interests',
  public_task: 'GDPR Art. 6(1)(e) public task',
  legitimate_interests: 'GDPR Art. 6(1)(f) legitimate interests',
};

/** Kantara purpose categories (Consent Receipt Specification v1.1, Appendix) derived from the register. */
const purposeCategories = (p: PurposePayload): string[] => {
  if (p.purposeCategory.length) return p.purposeCategory;
  if (p.directMarketing) return ['Marketing'];
  switch (p.lawfulBasis) {
    case 'contract':
      return ['Contracted Service'];
    case 'legal_obligation':
      return ['Legally Required Data Retention'];
    case 'vital_interests':
      return ['Protecting Your Health'];
    case 'public_task':
      return ['Required by Law Enforcement or Government'];
    case 'legitimate_interests':
      return ['Core Function'];
    case 'consent':
      return ['Core Function'];
  }
};

const text = (value: Localized, lang: Lang): string => value[lang] || value.en || value.nl;
const iso = (time: number): string => new Date(time).toISOString();

const principalId = (person: Decrypted<PersonPayload>): string => person.data.emails[0]?.value ?? person.id;

const withdrawal = (controller: ControllerPayload, lang: Lang): string =>
  controller.withdrawalMethod ||
  (lang === 'nl'
    ? `Trek uw toestemming op elk moment in via ${controller.email || controller.contact || controller.name}.`
    : `Withdraw your consent at any time via ${controller.email || controller.contact || controller.name}.`);

export const toKantaraReceipt = (
  event: LedgerEntry<ConsentEventPayload>,
  person: Decrypted<PersonPayload>,
  purpose: { readonly id: string; readonly data: PurposePayload },
  controller: ControllerPayload,
  options: ReceiptOptions = {},
): KantaraReceipt => {
  const lang = options.language ?? 'en';
  const p = purpose.data;
  const special = p.dataCategories.includes('special_category');
  const retention = text(p.retention.text, lang);
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: controller.jurisdiction,
    consentTimestamp: Math.floor(event.data.at / 1000),
    collectionMethod: text(METHOD_NAMES[event.data.method], lang),
    consentReceiptID: event.id,
    language: lang,
    piiPrincipalId: principalId(person),
    piiControllers: [
      {
        piiController: controller.name,
        onBehalf: false,
        contact: controller.contact || controller.dpo?.name || controller.name,
        address: controller.address,
        email: controller.email,
        phone: controller.phone,
        ...(controller.website ? { piiControllerUrl: controller.website } : {}),
      },
    ],
    policyUrl: options.policyUrl || controller.privacyPolicyUrl,
    services: [
      {
        service: text(p.name, lang),
        purposes: [
          {
            purpose: text(p.description, lang) || text(p.name, lang),
            purposeCategory: purposeCategories(p),
            consentType: p.lawfulBasis === 'consent' ? 'EXPLICIT' : 'NOT_APPLICABLE',
            piiCategory: categoryNames(p, lang),
            primaryPurpose: true,
            termination: [retention, withdrawal(controller, lang)].filter(Boolean).join(' '),
            thirdPartyDisclosure: p.recipients.length > 0 || p.thirdCountryTransfers.length > 0,
            ...(p.recipients.length ? { thirdPartyName: p.recipients.join('; ') } : {}),
          },
        ],
      },
    ],
    sensitive: special,
    spiCat: special ? [p.specialCategoryException || DATA_CATEGORY_NAMES[lang].special_category] : [],
  };
};

const STATE_AFTER: Record<ConsentEventPayload['type'], string> = {
  given: 'active',
  renewed: 'active',
  withdrawn: 'withdrawn',
  expired: 'expired',
};

/** The record for one event, with the purpose's ledger up to and including that event as its events. */
export const toIso27560Record = (
  event: LedgerEntry<ConsentEventPayload>,
  ledger: readonly LedgerEntry<ConsentEventPayload>[],
  person: Decrypted<PersonPayload>,
  purpose: { readonly id: string; readonly data: PurposePayload },
  controller: ControllerPayload,
  options: ReceiptOptions = {},
): Iso27560Record => {
  const lang = options.language ?? 'en';
  const p = purpose.data;
  const history = [...ledger, ...(ledger.some((e) => e.id === event.id) ? [] : [event])]
    .filter((e) => e.data.purposeId === purpose.id && byEventTime(e, event) <= 0)
    .sort(byEventTime);
  return {
    schemaVersion: 'ISO/IEC TS 27560:2023',
    recordId: event.id,
    piiPrincipalId: principalId(person),
    privacyNotice: {
      noticeId: event.data.noticeId,
      version: event.data.noticeVersion,
      url: options.policyUrl || controller.privacyPolicyUrl,
    },
    language: lang,
    purpose: { id: purpose.id, name: text(p.name, lang), description: text(p.description, lang) },
    piiCategories: categoryNames(p, lang),
    controllers: [controller.name, ...controller.jointControllers].map((name, i) => ({
      name,
      contact: i === 0 ? controller.contact : '',
      address: i === 0 ? controller.address : '',
      email: i === 0 ? controller.email : '',
      dpo:
        i === 0 && controller.dpo
          ? [controller.dpo.name, controller.dpo.email].filter(Boolean).join(', ')
          : '',
    })),
    storageLocations: controller.storageLocations,
    retention: {
      text: text(p.retention.text, lang),
      months: p.retention.months,
      trigger: p.retention.trigger,
    },
    jurisdiction: controller.jurisdiction,
    recipients: p.recipients,
    thirdCountryTransfers: p.thirdCountryTransfers,
    withdrawalMethod: withdrawal(controller, lang),
    lawfulBasis: BASIS_NAMES[p.lawfulBasis],
    events: history.map((e) => ({
      eventId: e.id,
      time: iso(e.data.at),
      validity: { from: iso(e.data.at), until: e.data.expiresAt === null ? null : iso(e.data.expiresAt) },
      type: e.data.type,
      state: STATE_AFTER[e.data.type],
      method: e.data.method,
    })),
  };
};
