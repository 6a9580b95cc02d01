// The lost-device drill (Art. 33/34): revoke the device, ask the server which documents it held at its
// last sync (ids and plaintext metadata only), map them to people and data categories here, where the
// keys are, and pre-fill a breach with the figures. The server never learns who was on the laptop.
import { FIELD_CATALOGUE, type CataloguedKind } from '../processing-record';
import { FIELD_KINDS, filled, ITEM_KINDS } from './data-kinds';
import type { Result } from '../platform';
import type { RecordDoc } from '../store';
import {
  ROUTES,
  serverClient,
  type AccountError,
  type AccountLink,
  type DeviceExposureResponse,
  type Fetch,
} from '../sync';
import type { Session } from '../vault';
import { readableBy } from '../territories';
import {
  BREACH_DATA_KINDS,
  MAX_AFFECTED,
  type BreachDataKind,
  type BreachInput,
  type BreachPayload,
  type ExposureFigures,
  type KeyProtection,
} from './types';
import type { ControllerPayload } from '../purposes';
import type { DataCategory } from '../purposes';

/** GET /devices/:deviceId/exposure (admin only), the answer checked before it is used. */
export const fetchExposure = (
  fetch: Fetch,
  link: Pick<AccountLink, 'serverUrl' | 'token'>,
  deviceId: string,
): Promise<Result<DeviceExposureResponse, AccountError>> =>
  serverClient(fetch, link).call(ROUTES.deviceExposure, { params: { deviceId } });

export interface DrillFindings {
  readonly figures: ExposureFigures;
  /** The people who were on the device, for the Art. 34 letters. */
  readonly personIds: readonly string[];
  readonly organisationIds: readonly string[];
}

/**
 * Maps the exposed documents to people, organisations and data categories by decrypting this device's
 * current copy of each exposed person and organisation; with territories, only the subjects whose
 * territory key the lost device's user held (what it could read). A subject this device no longer holds
 * (erased since, or not synced here) is counted as unmapped rather than guessed.
 */
export const mapExposure = async (
  session: Session,
  exposure: DeviceExposureResponse,
): Promise<DrillFindings> => {
  // With territories, only the subjects the device's user held a key for at its last sync (shared/territories).
  const readable = await readableBy(session, exposure.userId, exposure.documents, exposure.lastSyncAt);
  const personal = readable.filter((d) => d.collection !== 'settings');
  const records: Record<string, number> = {};
  for (const d of personal) records[d.kind] = (records[d.kind] ?? 0) + 1;

  const subjectIds = [...new Set(personal.map((d) => d.subjectId).filter(Boolean))];
  const found = await session.db.records.findByIds(subjectIds).exec();
  const docs = [...found.values()].map((d) => d.toJSON() as RecordDoc);
  const people = await session.people.openMany(docs.filter((d) => d.kind === 'person'));
  const organisations = await session.organisations.openMany(docs.filter((d) => d.kind === 'organisation'));

  const kindsBySubject = new Map<string, Set<BreachDataKind>>();
  const categoriesBySubject = new Map<string, Set<DataCategory>>();
  const fields: Record<string, number> = {};
  const note = (subjectId: string, kind: BreachDataKind | null, category: DataCategory | null) => {
    if (kind) kindsBySubject.set(subjectId, (kindsBySubject.get(subjectId) ?? new Set()).add(kind));
    if (category) {
      categoriesBySubject.set(subjectId, (categoriesBySubject.get(subjectId) ?? new Set()).add(category));
    }
  };
  const scan = (kind: CataloguedKind, id: string, data: Record<string, unknown>) => {
    const catalogue = FIELD_CATALOGUE[kind] as Record<string, { category: DataCategory | null }>;
    for (const [field, { category }] of Object.entries(catalogue)) {
      if (!category || !filled(data[field])) continue;
      fields[`${kind}.${field}`] = (fields[`${kind}.${field}`] ?? 0) + 1;
      // A field the form has no kind for counts as 'other'; bookkeeping fields are mapped to null.
      const mapped = FIELD_KINDS[kind][field];
      note(id, mapped === undefined ? 'other' : mapped, category);
    }
  };
  for (const p of people.records) scan('person', p.id, p.data);
  for (const o of organisations.records) scan('organisation', o.id, o.data);
  const opened = new Set([...people.records, ...organisations.records].map((r) => r.id));
  for (const d of personal) {
    const item = d.collection === 'items' ? ITEM_KINDS[d.kind] : undefined;
    if (item && opened.has(d.subjectId)) note(d.subjectId, item.kind, item.category);
  }

  const dataKinds: Partial<Record<BreachDataKind, number>> = {};
  for (const kinds of kindsBySubject.values()) for (const k of kinds) dataKinds[k] = (dataKinds[k] ?? 0) + 1;
  const categories: Partial<Record<DataCategory, number>> = {};
  for (const cats of categoriesBySubject.values())
    for (const c of cats) categories[c] = (categories[c] ?? 0) + 1;

  return {
    personIds: people.records.map((p) => p.id).sort(),
    organisationIds: organisations.records.map((o) => o.id).sort(),
    figures: {
      people: people.records.length,
      organisations: organisations.records.length,
      records,
      dataKinds,
      categories,
      fields,
      unmapped: subjectIds.length - opened.size,
      lastSyncAt: exposure.lastSyncAt,
    },
  };
};

/** The form's data kinds present in the figures, in the form's order. */
export const presentDataKinds = (figures: ExposureFigures): BreachDataKind[] =>
  BREACH_DATA_KINDS.filter((k) => (figures.dataKinds[k] ?? 0) > 0);

/** The contact point the report names: the DPO when there is one, otherwise the controller's contact. */
export const contactFromController = (controller: ControllerPayload | null): BreachPayload['contact'] => {
  if (!controller) return { name: '', email: '', phone: '' };
  if (controller.dpo?.name) return { ...controller.dpo };
  return {
    name: controller.contact || controller.name,
    email: controller.email,
    phone: controller.phone,
  };
};

export interface DrillContext {
  readonly exposure: DeviceExposureResponse;
  readonly findings: DrillFindings;
  readonly keyProtection: KeyProtection;
  readonly controller: ControllerPayload | null;
  /** When the admin learnt of the loss (the clock's start); the drill's start by default. */
  readonly awareAt: number;
  readonly now: number;
  readonly userId: string;
  readonly title: string;
}

/**
 * The breach the drill pre-fills: a stolen device (confidentiality), the categories and counts it held,
 * and the Art. 34(3)(a) exemption suggested when the vault's keys were never on the disk in the clear.
 * Risk and the decisions stay open: the admin makes them.
 */
export const prefillFromDrill = (context: DrillContext): BreachInput => {
  const { figures, personIds } = context.findings;
  const records = Object.values(figures.records).reduce((a, b) => a + b, 0);
  return {
    title: context.title,
    source: 'device-loss',
    awareAt: context.awareAt,
    nature: { properties: ['confidentiality'], events: ['stolen'] },
    dataKinds: presentDataKinds(figures),
    people: { group: '', min: figures.people, max: figures.people },
    records,
    contact: contactFromController(context.controller),
    beforehand: { encrypted: true, keyProtection: context.keyProtection, text: '' },
    notifyPeople: {
      decision: null,
      reasons: '',
      exemptions: context.keyProtection === 'passphrase_only' ? ['unintelligible'] : [],
    },
    affectedSubjectIds: personIds.slice(0, MAX_AFFECTED),
    deviceId: context.exposure.deviceId,
    exposure: figures,
    createdAt: context.now,
    createdBy: context.userId,
  };
};
