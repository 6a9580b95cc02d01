// The pure core of retention: given one rule and the facts about one subject, is the subject past the
// rule's period, and since when? No I/O and no clock of its own, so it is tested exhaustively with fixed
// times; retention.ts gathers the facts from the items and writes the review queue.
import type { RetentionRulePayload, RuleTrigger, SubjectKind } from './retention-rules';
import type { DataCategory } from '../purposes';

/** What retention needs to know about a subject; times are epoch ms, derived from decrypted items. */
export interface SubjectFacts {
  readonly subjectId: string;
  readonly kind: SubjectKind;
  /** When the data was obtained (the source's date, else when the record was made). */
  readonly collectedAt: number;
  /** The latest activity, deal or consent/subscription event about the subject, or null. */
  readonly lastActivityAt: number | null;
  /** The latest won deal (its close) or purchase, or null: never a customer. */
  readonly lastContractAt: number | null;
  /** Every consent and subscription the subject had has ended (withdrawn, unsubscribed): when the last did. */
  readonly unsubscribedAt: number | null;
  /** Purposes that apply to the subject (the register's appliesToAll, a recorded basis, consent, a list). */
  readonly purposeIds: ReadonlySet<string>;
  /** Data categories the subject's record holds (non-empty catalogued fields). */
  readonly categories: ReadonlySet<DataCategory>;
}

export type NotDueReason = 'inactive' | 'other-kind' | 'out-of-scope' | 'no-trigger' | 'not-yet';

export type DueDecision =
  | { readonly due: true; readonly triggerAt: number; readonly dueAt: number }
  | { readonly due: false; readonly reason: NotDueReason; readonly dueAt: number | null };

/** Adds calendar months in UTC; the day is clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export const addMonths = (at: number, months: number): number => {
  const d = new Date(at);
  const target = new Date(
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() + months,
      1,
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime();
};

/** A customer: has ever won a deal or bought; a prospect: not (yet). */
export const isCustomer = (facts: SubjectFacts): boolean => facts.lastContractAt !== null;

/** Whether the rule's scope covers the subject. 'unsubscribed' excludes customers: their contract data
 * falls under the contract rule, not under the end of a newsletter. */
export const inScope = (rule: RetentionRulePayload, facts: SubjectFacts): boolean => {
  const scope = rule.scope;
  switch (scope.type) {
    case 'purpose':
      return facts.purposeIds.has(scope.purposeId);
    case 'category':
      return facts.categories.has(scope.category);
    case 'status':
      switch (scope.status) {
        case 'any':
          return true;
        case 'prospect':
          return !isCustomer(facts);
        case 'customer':
          return isCustomer(facts);
        case 'unsubscribed':
          return facts.unsubscribedAt !== null && !isCustomer(facts);
      }
  }
};

/** The moment the period runs from, or null when the trigger has not happened. */
export const triggerTime = (trigger: RuleTrigger, facts: SubjectFacts): number | null => {
  switch (trigger) {
    case 'last_activity':
      return Math.max(facts.collectedAt, facts.lastActivityAt ?? facts.collectedAt);
    case 'last_contract':
      return facts.lastContractAt;
    case 'unsubscribed':
      return facts.unsubscribedAt;
    case 'collection':
      return facts.collectedAt;
  }
};

/** Is the subject past the rule at `now`? A subject exactly at the end of the period is due. */
export const retentionDue = (rule: RetentionRulePayload, facts: SubjectFacts, now: number): DueDecision => {
  if (!rule.active) return { due: false, reason: 'inactive', dueAt: null };
  if (!rule.subjectKinds.includes(facts.kind)) return { due: false, reason: 'other-kind', dueAt: null };
  if (!inScope(rule, facts)) return { due: false, reason: 'out-of-scope', dueAt: null };
  const triggerAt = triggerTime(rule.trigger, facts);
  if (triggerAt === null) return { due: false, reason: 'no-trigger', dueAt: null };
  const dueAt = addMonths(triggerAt, rule.months);
  return dueAt <= now ? { due: true, triggerAt, dueAt } : { due: false, reason: 'not-yet', dueAt };
};
