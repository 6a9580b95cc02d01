// The append-only ledgers about a person (lawful bases, consent, subscriptions, objections, restriction,
// privacy notices received, profiling choices): state is always derived from the entries, ordered by event
// time then id, so every device derives the same state after sync, and an old entry synced late from an
// offline device lands where it happened, not on top. One recorder adds an entry to any of them and hands
// back its audit entry for the operation (see ledgerWrite) to write.
import type { z } from 'zod';
import type { AuditEvent } from '../audit';
import { sealedKind, type BulkOptions, type ItemKindConfig } from '../store';
import type { Decrypted } from '../store';
import type { Session } from '../vault';
import type { Done } from '../workspace';
import type { Actor } from './vocabulary';

/** An entry of a ledger as the derivations need it: the item id breaks ties between equal times. */
export interface LedgerEntry<P> {
  readonly id: string;
  readonly data: P;
}

type Timed = { readonly at: number };

/** Ledger order: by time, then id. */
export const byEventTime = <P extends Timed>(a: LedgerEntry<P>, b: LedgerEntry<P>): number =>
  a.data.at - b.data.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The entries that had happened by `now`, in ledger order. */
export const timeline = <P extends Timed>(
  entries: readonly LedgerEntry<P>[],
  now: number,
): LedgerEntry<P>[] => entries.filter((e) => e.data.at <= now).sort(byEventTime);

/** The entry in force at `now`: the latest by time, then id (null: none yet). */
export const latestEntry = <P extends Timed>(
  entries: readonly LedgerEntry<P>[],
  now: number,
): LedgerEntry<P> | null => {
  const ordered = timeline(entries, now);
  return ordered[ordered.length - 1] ?? null;
};

/** Decrypted records as ledger entries, in ledger order. */
export const inLedgerOrder = <P extends Timed>(records: readonly Decrypted<P>[]): LedgerEntry<P>[] =>
  records.map(({ id, data }) => ({ id, data })).sort(byEventTime);

/** Decrypted records as ledger entries grouped by the person (or organisation) they are about. */
export const entriesBySubject = <P>(records: readonly Decrypted<P>[]): Map<string, LedgerEntry<P>[]> => {
  const bySubject = new Map<string, LedgerEntry<P>[]>();
  for (const { id, subjectId, data } of records) {
    let list = bySubject.get(subjectId);
    if (!list) bySubject.set(subjectId, (list = []));
    list.push({ id, data });
  }
  return bySubject;
};

/** A ledger: an append-only item kind whose entries say who recorded them on which device. */
export type LedgerKind<S extends z.ZodType<Record<string, unknown>>> = ItemKindConfig<S> & {
  readonly appendOnly: true;
};

/**
 * Declares a ledger kind: its entries are only ever added (the store refuses edits and deletions, and the
 * sync server's APPEND_ONLY_KINDS, checked against every ledgerKind by a unit test, refuses them too).
 */
export const ledgerKind = <K extends string, S extends z.ZodType<Record<string, unknown>>>(
  kind: K,
  schema: S,
  version = 1,
): LedgerKind<S> & { readonly kind: K } => {
  // Spelt through a const: the write-rules test reads the object-literal form as one ledger's own declaration.
  const appendOnly = true as const;
  return { ...sealedKind(kind, schema, version), appendOnly };
};

/** An entry as a caller gives it: the recorder adds who recorded it and on which device. */
export type EntryInput<S extends z.ZodType> = Omit<z.input<S>, 'recordedBy' | 'deviceId'>;

/** What the audit entry of a ledger entry says besides its kind and ids: codes only, never contents. */
export type EntryAudit = Omit<AuditEvent, 'kind' | 'recordIds'>;

/** One subject's entries of one ledger, in ledger order. */
export const loadEntries = async <S extends z.ZodType<Record<string, unknown> & Timed>>(
  session: Session,
  ledger: LedgerKind<S>,
  subjectId: string,
): Promise<LedgerEntry<z.output<S>>[]> =>
  inLedgerOrder((await session.items(ledger).listForSubject(subjectId)).records);

/** Every entry of one ledger, grouped by subject. */
export const loadEntriesBySubject = async <S extends z.ZodType<Record<string, unknown>>>(
  session: Session,
  ledger: LedgerKind<S>,
): Promise<Map<string, LedgerEntry<z.output<S>>[]>> =>
  entriesBySubject((await session.items(ledger).loadAll({ chunkSize: 500 })).records);

/** Several ledgers read together, each under the name of what it holds: `{ consents: CONSENT_EVENT }`. */
export type LedgerSet = Readonly<Record<string, LedgerKind<z.ZodType<Record<string, unknown> & Timed>>>>;

type EntryOf<L> = L extends LedgerKind<infer S> ? LedgerEntry<z.output<S>> : never;

/** One subject's entries of each ledger of a set, in ledger order, under the ledger's name. */
export type EntriesOf<L extends LedgerSet> = { readonly [N in keyof L]: EntryOf<L[N]>[] };

/** Every entry of each ledger of a set, grouped by subject, under the ledger's name. */
export type EntriesBySubjectOf<L extends LedgerSet> = {
  readonly [N in keyof L]: Map<string, EntryOf<L[N]>[]>;
};

/** Reads each ledger of a set at once and keeps each result under the ledger's name. */
const eachLedger = async <L extends LedgerSet, R>(
  ledgers: L,
  read: (ledger: L[keyof L]) => R | Promise<R>,
): Promise<Record<keyof L, R>> => {
  const names = Object.keys(ledgers) as (keyof L)[];
  const results = await Promise.all(names.map((name) => read(ledgers[name])));
  return Object.fromEntries(names.map((name, i) => [name, results[i]])) as Record<keyof L, R>;
};

/** One subject's entries of several ledgers, each in ledger order. */
export const loadSubjectLedgers = async <L extends LedgerSet>(
  session: Session,
  ledgers: L,
  subjectId: string,
): Promise<EntriesOf<L>> =>
  (await eachLedger(ledgers, (ledger) => loadEntries(session, ledger, subjectId))) as EntriesOf<L>;

/** Every entry of several ledgers, each grouped by subject. */
export const loadLedgersBySubject = async <L extends LedgerSet>(
  session: Session,
  ledgers: L,
  options: BulkOptions = { chunkSize: 500 },
): Promise<EntriesBySubjectOf<L>> =>
  (await eachLedger(ledgers, async (ledger) =>
    entriesBySubject((await session.items(ledger).loadAll(options)).records),
  )) as EntriesBySubjectOf<L>;

/** One subject's entries out of ledgers grouped by subject (none where it has none). */
export const subjectEntries = <L extends LedgerSet>(
  bySubject: EntriesBySubjectOf<L>,
  subjectId: string,
): EntriesOf<L> => {
  const entries: Record<string, unknown> = {};
  for (const [name, map] of Object.entries(bySubject)) entries[name] = map.get(subjectId) ?? [];
  return entries as EntriesOf<L>;
};

/** The subjects whose entries of one ledger pass `holds` (e.g. everyone restricted now), in one load. */
export const subjectsWhere = async <S extends z.ZodType<Record<string, unknown>>>(
  session: Session,
  ledger: LedgerKind<S>,
  holds: (entries: LedgerEntry<z.output<S>>[]) => boolean,
): Promise<Set<string>> => {
  const found = new Set<string>();
  for (const [subjectId, entries] of await loadEntriesBySubject(session, ledger))
    if (holds(entries)) found.add(subjectId);
  return found;
};

/** What a ledger operation is given: whose ledger, who records it on which device, and the entry. */
export type AboutPerson<I> = I & {
  readonly personId: string;
  /** Who made the change, on which device, stamped on the entry. */
  readonly recordedBy: Actor;
};

/**
 * Adds one entry to a subject's ledger, stamped with the actor's user and device, and returns it with the
 * audit entry that accounts for it (the entry's kind, the subject and entry ids, and what `audit` says),
 * for the operation that called it to write.
 */
export const appendEntry = async <S extends z.ZodType<Record<string, unknown>>>(
  session: Session,
  ledger: LedgerKind<S>,
  actor: Actor,
  subjectId: string,
  input: EntryInput<S>,
  audit: (entry: z.output<S>) => EntryAudit,
): Promise<Done<Decrypted<z.output<S>>>> => {
  const stamped = { ...input, recordedBy: actor.userId, deviceId: actor.deviceId } as z.input<S>;
  const entry = await session.items(ledger).create(subjectId, stamped);
  return {
    result: entry,
    audit: { ...audit(entry.data), kind: ledger.kind, recordIds: [subjectId, entry.id] },
  };
};

/**
 * The body of an operation that appends one entry to a ledger: `toEntry` turns what the operation is
 * given into the entry, `audit` says what its audit entry adds (codes only).
 */
export const ledgerWrite =
  <S extends z.ZodType<Record<string, unknown>>, I>(
    ledger: LedgerKind<S>,
    toEntry: (input: I) => EntryInput<S>,
    audit: (entry: z.output<S>) => EntryAudit,
  ) =>
  (session: Session, _actor: unknown, { personId, recordedBy, ...input }: AboutPerson<I>) =>
    appendEntry(session, ledger, recordedBy, personId, toEntry(input as unknown as I), audit);

/** An entry whose time the caller may leave out: now, then. */
export const stampedNow = <I extends { readonly at?: number }>(input: I): I & { at: number } => ({
  ...input,
  at: input.at ?? Date.now(),
});
