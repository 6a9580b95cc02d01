// The Art. 21 objection ledger: a person objects to direct marketing or to one purpose, the company may
// override a purpose objection with compelling grounds (never direct marketing), and the person may lift it.
import { z } from 'zod';
import { trimmed } from '../people';
import { ledgerKind, timeline, type EntryAudit, type EntryInput, type LedgerEntry } from '../purposes';
import type { PurposePayload } from '../purposes';
import { ConsentMethod, Instant, RECORDED, SettingId } from '../purposes';

/**
 * Art. 21 objections. scope 'direct_marketing' covers every purpose with directMarketing; scope 'purpose'
 * one purpose. 'overridden' records compelling legitimate grounds (never for direct marketing, Art. 21(3));
 * 'lifted' records that the person withdrew the objection.
 */
export const OBJECTION_TYPES = ['objected', 'overridden', 'lifted'] as const;
/** upheld: processing for the purpose stops; overridden: compelling legitimate grounds win. */
export const OBJECTION_OUTCOMES = ['upheld', 'overridden'] as const;
export const ObjectionAssessment = z
  .object({
    /** The grounds relating to the person's particular situation, as they gave them. */
    personGrounds: trimmed(4000).min(1, 'person_grounds'),
    /** The company's compelling legitimate grounds (required when the objection is overridden). */
    compellingGrounds: trimmed(4000).default(''),
    outcome: z.enum(OBJECTION_OUTCOMES),
    decidedBy: trimmed(64).min(1, 'decided_by'),
    decidedAt: Instant,
  })
  .refine((a) => a.outcome !== 'overridden' || a.compellingGrounds.length > 0, {
    message: 'compelling_grounds',
    path: ['compellingGrounds'],
  });
export type ObjectionAssessment = z.infer<typeof ObjectionAssessment>;
export const ObjectionPayload = z
  .object({
    type: z.enum(OBJECTION_TYPES),
    scope: z.enum(['direct_marketing', 'purpose']),
    purposeId: SettingId.nullable().default(null),
    at: Instant,
    method: ConsentMethod,
    grounds: trimmed(4000).default(''),
    requestId: trimmed(64).nullable().default(null),
    ...RECORDED,
    /** Art. 21(1): the decision on an objection to legitimate-interest (or public-task) processing. */
    assessment: ObjectionAssessment.optional(),
  })
  .refine((o) => o.scope !== 'purpose' || o.purposeId !== null, { message: 'purpose', path: ['purposeId'] })
  // Direct marketing is never weighed: the objection stops it, unconditionally (Art. 21(3)).
  .refine((o) => !o.assessment || o.scope === 'purpose', {
    message: 'direct_marketing',
    path: ['assessment'],
  })
  .refine((o) => !o.assessment || (o.assessment.outcome === 'overridden') === (o.type === 'overridden'), {
    message: 'outcome',
    path: ['assessment', 'outcome'],
  })
  .refine((o) => !o.assessment || o.type !== 'lifted', { message: 'outcome', path: ['assessment'] })
  .refine((o) => o.type !== 'overridden' || o.scope === 'purpose', {
    message: 'direct_marketing',
    path: ['type'],
  })
  .refine((o) => o.type !== 'overridden' || o.grounds.length > 0, { message: 'grounds', path: ['grounds'] });
export type ObjectionPayload = z.infer<typeof ObjectionPayload>;
export const OBJECTION = ledgerKind('objection', ObjectionPayload);

export type ObjectionState = 'none' | 'objected' | 'overridden';

/**
 * Art. 21 objection state for a purpose. A direct-marketing objection covers every direct-marketing
 * purpose and cannot be overridden; a purpose objection can be overridden by recorded compelling grounds,
 * except for direct marketing.
 */
export const objectionState = (
  entries: readonly LedgerEntry<ObjectionPayload>[],
  purpose: { readonly id: string; readonly data: PurposePayload },
  now: number,
): ObjectionState => {
  let marketing: ObjectionState = 'none';
  let own: ObjectionState = 'none';
  for (const e of timeline(entries, now)) {
    const d = e.data;
    const next: ObjectionState = d.type === 'lifted' ? 'none' : d.type;
    if (d.scope === 'direct_marketing') marketing = next === 'overridden' ? marketing : next;
    else if (d.purposeId === purpose.id) own = next;
  }
  if (purpose.data.directMarketing) {
    if (marketing === 'objected' || own !== 'none') return 'objected';
    return 'none';
  }
  return own;
};

/** An objection entry as the operation objection.record is given it: its time may be left out. */
export type ObjectionInput = Omit<EntryInput<typeof ObjectionPayload>, 'at'> & { at?: number };

/** What the audit entry of an objection entry says: its type and scope, and the purpose. */
export const objectionAudit = (entry: ObjectionPayload): EntryAudit => ({
  action: 'consent',
  ...(entry.purposeId ? { purposeId: entry.purposeId } : {}),
  details: { type: entry.type, scope: entry.scope },
});
