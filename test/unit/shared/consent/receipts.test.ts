import { describe, expect, it } from 'vitest';
import { DEFAULT_PURPOSES, PURPOSE_E_MARKETING } from '../../../../shared/consent/defaults';
import { toIso27560Record, toKantaraReceipt } from '../../../../shared/consent/receipts';
import type { ConsentEventPayload } from '../../../../shared/consent/types';
import { PersonPayload } from '../../../../shared/people/person';
import { annelies } from '../../../fixtures/people';
import type { LedgerEntry } from '../../../../shared/purposes/ledger';
import { ControllerPayload } from '../../../../shared/purposes/controller';
import { PurposePayload } from '../../../../shared/purposes/purposes';

// Consent Receipt Specification v1.1 (Kantara Initiative), required fields.
const KANTARA_TOP = [
  'version',
  'jurisdiction',
  'consentTimestamp',
  'collectionMethod',
  'consentReceiptID',
  'language',
  'piiPrincipalId',
  'piiControllers',
  'policyUrl',
  'services',
  'sensitive',
  'spiCat',
];
const KANTARA_CONTROLLER = ['piiController', 'contact', 'address', 'email', 'phone'];
const KANTARA_PURPOSE = [
  'purpose',
  'purposeCategory',
  'consentType',
  'piiCategory',
  'primaryPurpose',
  'termination',
  'thirdPartyDisclosure',
];
// ISO/IEC TS 27560:2023 consent record fields as GDPR.md lists them.
const ISO_FIELDS = [
  'recordId',
  'piiPrincipalId',
  'privacyNotice',
  'language',
  'purpose',
  'piiCategories',
  'controllers',
  'storageLocations',
  'retention',
  'jurisdiction',
  'recipients',
  'withdrawalMethod',
  'lawfulBasis',
  'events',
];
const ISO_EVENT = ['time', 'validity', 'type', 'state'];

const person = {
  id: 'p00000000001',
  subjectId: 'p00000000001',
  updatedAt: 1,
  data: PersonPayload.parse(annelies),
};
const marketing = DEFAULT_PURPOSES.find((p) => p.id === PURPOSE_E_MARKETING)!;
const purpose = { id: marketing.id, data: PurposePayload.parse(marketing.data) };
const controller = ControllerPayload.parse({
  name: 'Mosselhandel BV',
  address: 'Havenweg 1, 4401 AA Yerseke',
  email: 'privacy@mossel.example',
  contact: 'Privacy desk',
  dpo: { name: 'J. Jansen', email: 'fg@mossel.example' },
  privacyPolicyUrl: 'https://mossel.example/privacy',
  storageLocations: ['Encrypted on staff laptops'],
});
const event = (
  id: string,
  type: ConsentEventPayload['type'],
  at: number,
): LedgerEntry<ConsentEventPayload> => ({
  id,
  data: {
    purposeId: purpose.id,
    type,
    at,
    method: 'web_form',
    noticeId: 'notice-2026',
    noticeVersion: '2026.1',
    evidence: { text: '', reference: 'form-77', file: null },
    expiresAt: type === 'given' ? at + 365 * 86_400_000 : null,
    batchId: null,
    recordedBy: 'u1',
    deviceId: 'd1',
  },
});

const present = (value: unknown) => value !== undefined && value !== null;

describe('consent receipts', () => {
  it('carries every required Kantara Consent Receipt v1.1 field', () => {
    const given = event('e00000000001', 'given', Date.UTC(2026, 4, 3, 10));
    const receipt = toKantaraReceipt(given, person, purpose, controller, {
      language: 'nl',
    }) as unknown as Record<string, unknown>;
    for (const key of KANTARA_TOP) expect(present(receipt[key]), key).toBe(true);
    expect(receipt.version).toBe('KI-CR-v1.1.0');
    expect(receipt.consentTimestamp).toBe(Date.UTC(2026, 4, 3, 10) / 1000);
    expect(receipt.collectionMethod).toBe('Webformulier');
    expect(receipt.piiPrincipalId).toBe('annelies.verbeek@voorbeeld.nl');
    const controllers = receipt.piiControllers as Record<string, unknown>[];
    for (const key of KANTARA_CONTROLLER) expect(present(controllers[0]![key]), key).toBe(true);
    const services = receipt.services as { service: string; purposes: Record<string, unknown>[] }[];
    expect(services[0]!.service).toBe('E-marketing');
    for (const key of KANTARA_PURPOSE) expect(present(services[0]!.purposes[0]![key]), key).toBe(true);
    expect(services[0]!.purposes[0]!.consentType).toBe('EXPLICIT');
    expect(services[0]!.purposes[0]!.purposeCategory).toEqual(['Marketing']);
    expect(JSON.parse(JSON.stringify(receipt))).toEqual(receipt);
  });

  it('carries every ISO/IEC TS 27560 field, with the ledger up to the event as its events', () => {
    const given = event('e00000000001', 'given', 1_000_000);
    const withdrawn = event('e00000000002', 'withdrawn', 2_000_000);
    const later = event('e00000000003', 'given', 3_000_000);
    const record = toIso27560Record(
      withdrawn,
      [later, withdrawn, given],
      person,
      purpose,
      controller,
    ) as unknown as Record<string, unknown>;
    for (const key of ISO_FIELDS) expect(present(record[key]), key).toBe(true);
    const events = record.events as Record<string, unknown>[];
    expect(events.map((e) => e.state)).toEqual(['active', 'withdrawn']);
    for (const e of events) for (const key of ISO_EVENT) expect(present(e[key]), key).toBe(true);
    expect(record.lawfulBasis).toBe('GDPR Art. 6(1)(a) consent');
    expect(record.privacyNotice).toMatchObject({ noticeId: 'notice-2026', version: '2026.1' });
    expect(record.storageLocations).toEqual(['Encrypted on staff laptops']);
  });
});
