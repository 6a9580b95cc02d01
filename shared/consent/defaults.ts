// The purposes register and subscription list a new vault starts with; the admin changes them. Fixed
// ids, so two devices that seed offline converge on one document per default.
import type { Session } from '../vault';
import type { PrivacyNoticeInput } from './types';
import { PRIVACY_NOTICE, SUBSCRIPTION_TYPE } from './types';
import type { PurposeInput } from '../purposes';
import { CONTROLLER, CONTROLLER_ID, PLACEHOLDER_CONTROLLER_NAME, type ControllerInput } from '../purposes';
import { PURPOSE } from '../purposes';

export const PURPOSE_SALES_SERVICE = 'purpose-sales-service';
export const PURPOSE_E_MARKETING = 'purpose-e-marketing';
export const PURPOSE_CONTRACT_ADMINISTRATION = 'purpose-contract-administration';
export const SUBSCRIPTION_NEWSLETTER = 'subscription-newsletter';

const SECURITY = [
  'End-to-end encryption of every record (XChaCha20-Poly1305, per-person keys)',
  'Role-based access per user; devices can be revoked',
  'Audit trail of views, changes and exports',
];

export const DEFAULT_PURPOSES: readonly { id: string; data: PurposeInput }[] = [
  {
    id: PURPOSE_SALES_SERVICE,
    data: {
      name: { en: 'Sales and service', nl: 'Verkoop en service' },
      description: {
        en: 'Contacting business contacts about our products and services, answering their questions and keeping our relationship.',
        nl: 'Zakelijke contactpersonen benaderen over onze producten en diensten, hun vragen beantwoorden en de relatie onderhouden.',
      },
      lawfulBasis: 'legitimate_interests',
      balancingTest:
        'Interest: keeping business relationships. Necessity: only professional contact details. Balance: business contacts expect to be approached in their professional role; they can object at any time.',
      appliesToAll: true,
      directMarketing: false,
      dataCategories: ['identity', 'contact', 'professional', 'communications'],
      categoriesOfSubjects: ['Business contacts', 'Prospects', 'Customers'],
      recipients: ['Employees in sales and service'],
      retention: {
        text: {
          en: '24 months after the last contact.',
          nl: '24 maanden na het laatste contact.',
        },
        months: 24,
        trigger: 'last_contact',
      },
      securityMeasures: SECURITY,
      channels: ['email', 'phone', 'post', 'in_person'],
      requiresSubscription: false,
    },
  },
  {
    id: PURPOSE_E_MARKETING,
    data: {
      name: { en: 'E-marketing', nl: 'E-marketing' },
      description: {
        en: 'Sending newsletters and offers by email to people who asked for them.',
        nl: 'Nieuwsbrieven en aanbiedingen per e-mail sturen aan mensen die daarom vroegen.',
      },
      lawfulBasis: 'consent',
      appliesToAll: false,
      directMarketing: true,
      dataCategories: ['identity', 'contact'],
      categoriesOfSubjects: ['Subscribers'],
      recipients: ['Email service provider (processor)'],
      retention: {
        text: {
          en: 'Until consent is withdrawn; proof of consent 5 years after that.',
          nl: 'Tot de toestemming wordt ingetrokken; het bewijs van toestemming 5 jaar daarna.',
        },
        months: 60,
        trigger: 'consent_withdrawn',
      },
      securityMeasures: SECURITY,
      channels: ['email'],
      requiresSubscription: true,
      purposeCategory: ['Marketing'],
    },
  },
  {
    id: PURPOSE_CONTRACT_ADMINISTRATION,
    data: {
      name: { en: 'Contract administration', nl: 'Contractadministratie' },
      description: {
        en: 'Performing contracts with customers: orders, delivery, invoicing and support.',
        nl: 'Uitvoeren van overeenkomsten met klanten: bestellingen, levering, facturatie en ondersteuning.',
      },
      lawfulBasis: 'contract',
      appliesToAll: false,
      directMarketing: false,
      dataCategories: ['identity', 'contact', 'professional', 'financial'],
      categoriesOfSubjects: ['Customers'],
      recipients: ['Employees in administration', 'Accountant'],
      retention: {
        text: {
          en: '7 years after the end of the contract (tax retention duty).',
          nl: '7 jaar na het einde van de overeenkomst (fiscale bewaarplicht).',
        },
        months: 84,
        trigger: 'contract_end',
      },
      securityMeasures: SECURITY,
      channels: ['email', 'phone', 'post', 'in_person'],
      requiresSubscription: false,
    },
  },
];

export const DEFAULT_SUBSCRIPTION_TYPES = [
  {
    id: SUBSCRIPTION_NEWSLETTER,
    data: {
      name: { en: 'Newsletter', nl: 'Nieuwsbrief' },
      purposeId: PURPOSE_E_MARKETING,
      doubleOptIn: true,
    },
  },
] as const;

export const DEFAULT_CONTROLLER: ControllerInput = {
  name: PLACEHOLDER_CONTROLLER_NAME,
  storageLocations: [
    'Encrypted on the devices of authorised users',
    "Encrypted on the organisation's sync server",
  ],
};

export const NOTICE_DEFAULT = 'notice-v1';

/** A first privacy notice to adapt, so consent can be recorded with the version shown from day one. */
export const defaultNotice = (today: string): PrivacyNoticeInput => ({
  version: '1',
  publishedOn: today,
  text: {
    en: 'We keep your name, contact and professional details to stay in touch with you about our products and services (legitimate interests), to carry out our agreements with you (contract) and, where you agreed, to send you our newsletter (consent). We keep them no longer than the periods in our record of processing, share them only with our processors under an agreement, and you may ask us for access, rectification, erasure, restriction or a copy, object, or withdraw consent at any time. You may also complain to the Autoriteit Persoonsgegevens. Replace this text with your own notice.',
    nl: 'Wij bewaren uw naam, contact- en beroepsgegevens om met u in contact te blijven over onze producten en diensten (gerechtvaardigd belang), om onze overeenkomsten met u uit te voeren (overeenkomst) en, als u daarmee instemde, om u onze nieuwsbrief te sturen (toestemming). Wij bewaren ze niet langer dan de termijnen in ons verwerkingsregister, delen ze alleen met onze verwerkers onder een verwerkersovereenkomst, en u kunt ons altijd vragen om inzage, rectificatie, wissing, beperking of een kopie, bezwaar maken of uw toestemming intrekken. U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens. Vervang deze tekst door uw eigen privacyverklaring.',
  },
});

/** Seeds the register, the default list and a controller stub: call once, when a new vault is created. */
export const seedConsentDefaults = async (session: Session): Promise<void> => {
  await session
    .settings(PRIVACY_NOTICE)
    .seed([{ id: NOTICE_DEFAULT, data: defaultNotice(new Date().toISOString().slice(0, 10)) }]);
  await session.settings(PURPOSE).seed(DEFAULT_PURPOSES);
  await session.settings(SUBSCRIPTION_TYPE).seed(DEFAULT_SUBSCRIPTION_TYPES);
  await session.settings(CONTROLLER).seed([{ id: CONTROLLER_ID, data: DEFAULT_CONTROLLER }]);
};
