// Loads what the gate and the bulk update need, once per run: the people and every ledger entry of the
// consent kinds (loadAll by kind), grouped by person. Decrypted values stay in memory only.
import { PERSON_KIND, type PersonPayload } from '../people';
import type { Decrypted } from '../store';
import type { RecordDoc } from '../store';
import type { Session } from '../vault';
import type { PersonFacts } from './types';
import { loadLedgersBySubject, subjectEntries, type EntriesBySubjectOf, type EntriesOf } from '../purposes';
import { CONSENT_LEDGERS, onePerClick } from './ledgers';

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

/** Every consent-related ledger in the vault, grouped by person. */
export type LedgerIndex = EntriesBySubjectOf<typeof CONSENT_LEDGERS>;

/** Every consent-related ledger in the vault, grouped by person (one entry per link click: onePerClick). */
export const loadLedgers = async (session: Session, signal?: AbortSignal): Promise<LedgerIndex> => {
  const index = await loadLedgersBySubject(session, CONSENT_LEDGERS, { signal, chunkSize: DECRYPT_CHUNK });
  const once = <E extends Parameters<typeof onePerClick>[0][number]>(byPerson: Map<string, E[]>) => {
    for (const [personId, entries] of byPerson) byPerson.set(personId, onePerClick(entries));
  };
  once(index.consents);
  once(index.subscriptions);
  return index;
};

/** The facts about one person; a person not loaded is treated as erased. */
export const factsFor = (
  personId: string,
  person: Decrypted<PersonPayload> | undefined,
  ledgers: LedgerIndex,
): PersonFacts => personFacts(personId, person, subjectEntries(ledgers, personId));

/** The facts about one person from their own ledgers (loadPersonLedgers); not loaded: erased. */
export const personFacts = (
  personId: string,
  person: Decrypted<PersonPayload> | undefined,
  entries: EntriesOf<typeof CONSENT_LEDGERS>,
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
    bases: entries.bases,
    consents: entries.consents,
    subscriptions: entries.subscriptions,
    objections: entries.objections,
    restrictions: entries.restrictions,
  };
};

/** Yields to the event loop so the UI keeps painting and responding during long runs. */
export const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
