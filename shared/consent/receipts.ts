// Consent receipts: any consent event as a Kantara Consent Receipt v1.1 and as an ISO/IEC TS 27560
// consent record, so a person (or an auditor) gets a standard, machine-readable proof.
import type { PersonPayload } from '../domain/person';
import type { Decrypted } from '../repositories/subject-repository';
import type { ConsentEventPayload, ControllerPayload, LedgerEntry, PurposePayload } from './types';

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

export const toKantaraReceipt = (
  _event: LedgerEntry<ConsentEventPayload>,
  _person: Decrypted<PersonPayload>,
  _purpose: { readonly id: string; readonly data: PurposePayload },
  _controller: ControllerPayload,
  _options: ReceiptOptions = {},
): KantaraReceipt => {
  throw new Error('toKantaraReceipt: not implemented yet');
};

/** The record for one event, with the purpose's whole ledger up to that event as its events. */
export const toIso27560Record = (
  _event: LedgerEntry<ConsentEventPayload>,
  _ledger: readonly LedgerEntry<ConsentEventPayload>[],
  _person: Decrypted<PersonPayload>,
  _purpose: { readonly id: string; readonly data: PurposePayload },
  _controller: ControllerPayload,
  _options: ReceiptOptions = {},
): Iso27560Record => {
  throw new Error('toIso27560Record: not implemented yet');
};
