// Loads what the gate and the bulk update need, once per run: the people and every ledger entry of the
// consent kinds (loadAll by kind), grouped by person. Decrypted values stay in memory only.
import { PERSON_KIND, type PersonPayload } from '../people';
import type { Decrypted } from '../store';
import type { RecordDoc } from '../store';
import type { Session } from '../vault';
import type { PersonFacts } from './types';
import { CONSENT_EVENT, SUBSCRIPTION_EVENT } from './types';
import type { LedgerEntry } from '../purposes';
import { OBJECTION } from '../objection';
import { entriesBySubject, PURPOSE_BASIS } from '../purposes';
import { RESTRICTION } from '../restriction';

export type Progress = (progress: { done: number; total: number }) => void;

/** Records decrypted between two turns of the event loop: small enough that the UI never stalls long. */
export const DECRYPT_CHUNK = 500;

/** People by id: everybody, or the given ids (ids not found are absent: erased or never here). */
export const loadPeople = async (
  session: Session,
  personIds: readonly string[] | undefined,
  signal?: AbortSignal,
): Promise<Map<string, Decrypted<PersonPayload>>> => {
  let records: Decrypted<PersonPayload>[];
  if (personIds) {
    const found = await session.db.records.findByIds([...new Set(personIds)]).exec();
    const docs = [...found.values()]
      .map((d) => d.toJSON() as RecordDoc)
      .filter((d) => d.kind === PERSON_KIND);
    records = (await session.people.openMany(docs, { signal, chunkSize: DECRYPT_CHUNK })).records;
  } else {
    records = (await session.people.loadAll({ signal, chunkSize: DECRYPT_CHUNK })).records;
  }
  return new Map(records.map((r) => [r.id, r]));
};

export interface LedgerIndex {
  readonly bases: Map<string, LedgerEntry<PersonFacts['bases'][number]['data']>[]>;
  readonly consents: Map<string, LedgerEntry<PersonFacts['consents'][number]['data']>[]>;
  readonly subscriptions: Map<string, LedgerEntry<PersonFacts['subscriptions'][number]['data']>[]>;
  readonly objections: Map<string, LedgerEntry<PersonFacts['objections'][number]['data']>[]>;
  readonly restrictions: Map<string, LedgerEntry<PersonFacts['restrictions'][number]['data']>[]>;
}

/** Every consent-related ledger in the vault, grouped by person. */
export const loadLedgers = async (session: Session, signal?: AbortSignal): Promise<LedgerIndex> => {
  const options = { signal, chunkSize: DECRYPT_CHUNK };
  const [bases, consents, subscriptions, objections, restrictions] = await Promise.all([
    session.items(PURPOSE_BASIS).loadAll(options),
    session.items(CONSENT_EVENT).loadAll(options),
    session.items(SUBSCRIPTION_EVENT).loadAll(options),
    session.items(OBJECTION).loadAll(options),
    session.items(RESTRICTION).loadAll(options),
  ]);
  return {
    bases: entriesBySubject(bases.records),
    consents: entriesBySubject(consents.records),
    subscriptions: entriesBySubject(subscriptions.records),
    objections: entriesBySubject(objections.records),
    restrictions: entriesBySubject(restrictions.records),
  };
};

/** The facts about one person; a person not loaded is treated as erased. */
export const factsFor = (
  personId: string,
  person: Decrypted<PersonPayload> | undefined,
  ledgers: LedgerIndex,
): PersonFacts => {
  const address = person?.data.address;
  return {
    personId,
    erased: !person,
    contact: {
      email: (person?.data.emails.length ?? 0) > 0,
      phone: (person?.data.phones.length ?? 0) > 0,
      post: !!address && !!address.street && (!!address.city || !!address.postalCode),
    },
    bases: ledgers.bases.get(personId) ?? [],
    consents: ledgers.consents.get(personId) ?? [],
    subscriptions: ledgers.subscriptions.get(personId) ?? [],
    objections: ledgers.objections.get(personId) ?? [],
    restrictions: ledgers.restrictions.get(personId) ?? [],
  };
};

/** Yields to the event loop so the UI keeps painting and responding during long runs. */
export const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
