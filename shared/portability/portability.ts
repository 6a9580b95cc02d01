// Data portability (Art. 20): the data the person gave us, where we process it on their consent or under
// a contract with them, in "structured, commonly used and machine-readable" formats — JSON, CSV and a
// vCard 4.0 contact card — in one ZIP. What we observed or concluded about them (notes, tags, call notes,
// the audit trail) is not "provided by" them and stays in the access package (Art. 15) instead.
import { ADDRESS_PARTS } from '../people';
import { strToU8, zipSync } from 'fflate';
import { consentStatus } from '../consent';
import { loadPersonLedgers } from '../consent';
import { ACTIVITY_ITEMS } from '../activities';
import { toCsv } from '../export';
import type { ExportCell } from '../export';
import type { Session } from '../vault';
import { toVcard } from '../access';
import { basisStatus, PURPOSE } from '../purposes';
import { type LawfulBasis } from '../purposes';

export const PORTABLE_FORMAT = 'kluis-portable-data/1';

export interface PortableData {
  readonly format: typeof PORTABLE_FORMAT;
  readonly generatedAt: number;
  readonly subjectId: string;
  /** The purposes whose consent or contract basis makes the data portable. */
  readonly grounds: { readonly purposeId: string; readonly basis: LawfulBasis }[];
  readonly contact: {
    readonly givenName: string;
    readonly familyName: string;
    readonly emails: { readonly value: string; readonly label: string }[];
    readonly phones: { readonly value: string; readonly label: string }[];
    readonly address: {
      readonly street: string;
      readonly postalCode: string;
      readonly city: string;
      readonly region: string;
      readonly country: string;
    } | null;
    readonly jobTitle: string;
    readonly organisation: string | null;
  };
  readonly consents: { readonly purposeId: string; readonly type: string; readonly at: number }[];
  readonly subscriptions: {
    readonly subscriptionTypeId: string;
    readonly type: string;
    readonly at: number;
  }[];
  /** Orders and purchases they made, and the emails they sent us. */
  readonly activities: {
    readonly type: string;
    readonly occurredAt: number;
    readonly title: string;
    readonly body: string;
    readonly purchase: {
      readonly amount: number;
      readonly currency: string;
      readonly product: string;
    } | null;
  }[];
}

export class NotPortableError extends Error {
  constructor(readonly subjectId: string) {
    super('No consent or contract basis is recorded for this person: Art. 20 does not apply');
    this.name = 'NotPortableError';
  }
}

const PORTABLE_BASES: readonly LawfulBasis[] = ['consent', 'contract'];

/** Gathers the portable data; throws NotPortableError when no purpose rests on consent or contract. */
export const collectPortableData = async (
  session: Session,
  subjectId: string,
  now = Date.now(),
): Promise<PortableData> => {
  const person = await session.people.get(subjectId);
  const ledgers = await loadPersonLedgers(session, subjectId);
  const purposes = (await session.settings(PURPOSE).list()).records.filter((p) => p.data.active);
  const grounds = purposes.flatMap((purpose) => {
    const { basis } = basisStatus(ledgers.bases, purpose, now);
    if (!basis || !PORTABLE_BASES.includes(basis)) return [];
    if (basis === 'consent' && consentStatus(ledgers.consents, purpose.id, now).state !== 'given') return [];
    return [{ purposeId: purpose.id, basis }];
  });
  if (!grounds.length) throw new NotPortableError(subjectId);
  const orgId = person.data.organisationId;
  const organisation = orgId ? await session.organisations.get(orgId).catch(() => null) : null;
  const activities = (await session.items(ACTIVITY_ITEMS).listForSubject(subjectId)).records
    .map((a) => a.data)
    .filter((a) => a.type === 'purchase' || (a.type === 'email' && a.direction === 'in'))
    .sort((a, b) => a.occurredAt - b.occurredAt);
  const p = person.data;
  return {
    format: PORTABLE_FORMAT,
    generatedAt: now,
    subjectId,
    grounds,
    contact: {
      givenName: p.givenName,
      familyName: p.familyName,
      emails: p.emails.map(({ value, label }) => ({ value, label })),
      phones: p.phones.map(({ value, label }) => ({ value, label })),
      address: p.address ? { ...p.address } : null,
      jobTitle: p.jobTitle,
      organisation: organisation?.data.name ?? null,
    },
    consents: ledgers.consents.map(({ data }) => ({
      purposeId: data.purposeId,
      type: data.type,
      at: data.at,
    })),
    subscriptions: ledgers.subscriptions.map(({ data }) => ({
      subscriptionTypeId: data.subscriptionTypeId,
      type: data.type,
      at: data.at,
    })),
    activities: activities.map((a) => ({
      type: a.type,
      occurredAt: a.occurredAt,
      title: a.title,
      body: a.body,
      purchase: a.purchase
        ? { amount: a.purchase.amount, currency: a.purchase.currency, product: a.purchase.product }
        : null,
    })),
  };
};

const iso = (ms: number) => new Date(ms).toISOString();

/** contact.csv (one row), activities.csv and consents.csv: RFC 4180, UTF-8. */
export const portableCsv = (data: PortableData): Record<string, Uint8Array> => {
  const c = data.contact;
  const contactRow: ExportCell[] = [
    c.givenName,
    c.familyName,
    c.emails.map((e) => e.value).join('; '),
    c.phones.map((x) => x.value).join('; '),
    ...ADDRESS_PARTS.map((part) => c.address?.[part]),
    c.jobTitle,
    c.organisation,
  ];
  return {
    'contact.csv': toCsv(
      ['givenName', 'familyName', 'emails', 'phones', ...ADDRESS_PARTS, 'jobTitle', 'organisation'],
      [contactRow],
    ),
    'activities.csv': toCsv(
      ['type', 'occurredAt', 'title', 'body', 'amount', 'currency', 'product'],
      data.activities.map((a) => [
        a.type,
        iso(a.occurredAt),
        a.title,
        a.body,
        a.purchase?.amount,
        a.purchase?.currency,
        a.purchase?.product,
      ]),
    ),
    'consents.csv': toCsv(
      ['record', 'purposeOrList', 'type', 'at'],
      [
        ...data.consents.map((x): ExportCell[] => ['consent', x.purposeId, x.type, iso(x.at)]),
        ...data.subscriptions.map((x): ExportCell[] => [
          'subscription',
          x.subscriptionTypeId,
          x.type,
          iso(x.at),
        ]),
      ],
    ),
  };
};

/** The ZIP: portable.json, the CSV files and contact.vcf. */
export const portabilityZip = (data: PortableData): Uint8Array => {
  const mtime = new Date(data.generatedAt);
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {
    'portable.json': [strToU8(`${JSON.stringify(data, null, 2)}\n`), { mtime }],
    'contact.vcf': [
      strToU8(
        toVcard({
          profile: data.contact,
          organisation: data.contact.organisation,
          subjectId: data.subjectId,
          revisedAt: data.generatedAt,
        }),
      ),
      { mtime },
    ],
  };
  for (const [name, bytes] of Object.entries(portableCsv(data))) files[name] = [bytes, { mtime }];
  return zipSync(files, { level: 6 });
};
