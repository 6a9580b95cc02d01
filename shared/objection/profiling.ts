// Automated decisions and profiling (Art. 22, Art. 21(2)): a per-person opt-out, kept as an append-only
// ledger so the product can show when and how the person asked and who recorded it.
//
// Kluis has no scoring or profiling feature yet. Any feature that scores, ranks or profiles people (lead
// scoring, churn prediction, segment building on behaviour) MUST ask isProfilingAllowed for each person
// first and leave out everyone for whom it returns false.
import { z } from 'zod';
import { trimmed } from '../people';
import {
  latestEntry,
  ledgerKind,
  loadEntries,
  subjectsWhere,
  type EntryAudit,
  type EntryInput,
  type LedgerEntry,
} from '../purposes';
import { ConsentMethod, Instant, RECORDED } from '../purposes';
import type { Session } from '../vault';

export const PROFILING_CHOICES = ['opted_out', 'opted_in'] as const;

export const ProfilingChoicePayload = z.object({
  type: z.enum(PROFILING_CHOICES),
  at: Instant,
  /** How the person told us (their own choice: never set by an import or a bulk update). */
  method: ConsentMethod,
  note: trimmed(2000).default(''),
  requestId: trimmed(64).nullable().default(null),
  ...RECORDED,
});
export type ProfilingChoicePayload = z.infer<typeof ProfilingChoicePayload>;
export type ProfilingChoiceInput = z.input<typeof ProfilingChoicePayload>;
export const PROFILING_OPTOUT = ledgerKind('profiling-optout', ProfilingChoicePayload);

export interface ProfilingStatus {
  readonly allowed: boolean;
  /** The entry that decided it (null: the person never said). */
  readonly entry: LedgerEntry<ProfilingChoicePayload> | null;
}

/** The person's choice at `now`: the latest entry (by time, then id) decides; no entry means allowed. */
export const profilingStatus = (
  entries: readonly LedgerEntry<ProfilingChoicePayload>[],
  now: number = Date.now(),
): ProfilingStatus => {
  const last = latestEntry(entries, now);
  return { allowed: last?.data.type !== 'opted_out', entry: last };
};

/** THE check every scoring or profiling feature calls, per person, before it processes them. */
export const isProfilingAllowed = (
  entries: readonly LedgerEntry<ProfilingChoicePayload>[],
  now: number = Date.now(),
): boolean => profilingStatus(entries, now).allowed;

/** One person's profiling ledger, oldest first. */
export const loadProfilingChoices = (
  session: Session,
  personId: string,
): Promise<LedgerEntry<ProfilingChoicePayload>[]> => loadEntries(session, PROFILING_OPTOUT, personId);

/** A choice as the operation objection.recordProfiling is given it: its time may be left out. */
export type ProfilingChoice = Omit<EntryInput<typeof ProfilingChoicePayload>, 'at'> & { at?: number };

/** What the audit entry of a choice says: opted out or in, how, and the request. */
export const profilingAudit = (entry: ProfilingChoicePayload): EntryAudit => ({
  action: 'consent',
  ...(entry.requestId ? { requestId: entry.requestId } : {}),
  details: { type: entry.type, method: entry.method },
});

/** Everyone who has opted out now: what a scoring feature over many people leaves out, in one load. */
export const optedOutOfProfiling = (session: Session, now: number = Date.now()): Promise<Set<string>> =>
  subjectsWhere(session, PROFILING_OPTOUT, (entries) => !isProfilingAllowed(entries, now));
