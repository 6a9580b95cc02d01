// Retention: evaluate the rules against every subject and keep the review queue current, and
// summarise the queue for the privacy dashboard. Run on an admin's device after unlock and daily; the
// queue is a compliance file (admins only). Decisions on a review live in retention-decide.ts.
import type { Setting } from '../store';
import type { Session } from '../vault';
import { CUSTOM_FIELD, customCategoryMap } from '../processing-record';
import { retentionDue, type SubjectFacts } from './retention-due';
import { loadRetentionFacts } from './retention-facts';
import {
  isWaiting,
  RETENTION_REVIEW,
  RETENTION_RUN,
  RETENTION_RUN_ID,
  reviewId,
  type RetentionReviewInput,
  type RetentionReviewPayload,
} from './retention-review';
import { RETENTION_RULE, type RetentionRulePayload } from './retention-rules';

/** The retention review queue's figures for the privacy dashboard. */
export interface RetentionSummary {
  /** Subjects a retention rule found that wait for a decision in the review queue. */
  readonly waiting: number;
  /** When the rules last ran (ms), or null. */
  readonly lastRunAt: number | null;
}

export type Review = Setting<RetentionReviewPayload>;
export type Rule = Setting<RetentionRulePayload>;

/** A write the evaluation wants: a new review, a reopened extension or a cleared one. */
export interface ReviewChange {
  readonly id: string;
  readonly data: RetentionReviewInput;
  readonly change: 'opened' | 'reopened' | 'cleared';
}

/**
 * The pure planning step: what the queue must become given the rules, the facts and the reviews already
 * there. Idempotent: planning again over its own result changes nothing. A decided review (anonymised,
 * erased, suppressed) is never touched; an extension comes back once it runs out; an open review whose
 * subject is no longer past the rule (new activity, gone) is cleared.
 */
export const planReviews = (
  rules: readonly Rule[],
  subjects: readonly SubjectFacts[],
  existing: ReadonlyMap<string, RetentionReviewPayload>,
  idOf: (ruleId: string, subjectId: string) => string,
  now: number,
): ReviewChange[] => {
  const changes: ReviewChange[] = [];
  const stillDue = new Set<string>();
  for (const rule of rules) {
    for (const facts of subjects) {
      const decision = retentionDue(rule.data, facts, now);
      if (!decision.due) continue;
      const id = idOf(rule.id, facts.subjectId);
      stillDue.add(id);
      const found = existing.get(id);
      const evidence = {
        ruleId: rule.id,
        subjectId: facts.subjectId,
        subjectKind: facts.kind,
        trigger: rule.data.trigger,
        triggerAt: decision.triggerAt,
        dueAt: decision.dueAt,
      };
      if (!found || found.status === 'cleared') {
        changes.push({ id, change: 'opened', data: { ...evidence, foundAt: now, status: 'open' } });
      } else if (found.status === 'extended' && isWaiting(found, now)) {
        changes.push({ id, change: 'reopened', data: { ...found, ...evidence, status: 'open' } });
      }
    }
  }
  for (const [id, review] of existing) {
    if (review.status === 'open' && !stillDue.has(id)) {
      changes.push({
        id,
        change: 'cleared',
        data: { ...review, status: 'cleared', decidedAt: now, decidedBy: 'retention-rules' },
      });
    }
  }
  return changes;
};

export interface EvaluationResult {
  readonly opened: number;
  readonly reopened: number;
  readonly cleared: number;
  readonly waiting: number;
}

/** Runs every active rule over every subject and updates the review queue (admins' devices only). */
export const evaluateRetention = async (session: Session, now: number): Promise<EvaluationResult> => {
  const [rules, fields, reviews] = await Promise.all([
    session.settings(RETENTION_RULE).list(),
    session.settings(CUSTOM_FIELD).list(),
    session.compliance(RETENTION_REVIEW).list(),
  ]);
  const facts = await loadRetentionFacts(session, now, customCategoryMap(fields.records));
  const existing = new Map(reviews.records.map((r) => [r.id, r.data]));
  const sodium = session.cipher.sodium;
  const changes = planReviews(
    rules.records,
    facts,
    existing,
    (ruleId, subjectId) => reviewId(sodium, ruleId, subjectId),
    now,
  );
  const repository = session.compliance(RETENTION_REVIEW);
  for (const change of changes) {
    await repository.put(change.data, change.id);
    existing.set(change.id, repository.validate(change.data));
  }
  const count = (kind: ReviewChange['change']) => changes.filter((c) => c.change === kind).length;
  const result = {
    opened: count('opened'),
    reopened: count('reopened'),
    cleared: count('cleared'),
    waiting: [...existing.values()].filter((r) => isWaiting(r, now)).length,
  };
  await session.compliance(RETENTION_RUN).put({ at: now, opened: result.opened }, RETENTION_RUN_ID);
  return result;
};

/** For the privacy dashboard: how many reviews wait for a decision, and when the rules last ran. */
export const summariseRetention = async (session: Session, now: number): Promise<RetentionSummary> => {
  const [reviews, runs] = await Promise.all([
    session.compliance(RETENTION_REVIEW).list(),
    session.compliance(RETENTION_RUN).list(),
  ]);
  const run = runs.records.find((r) => r.id === RETENTION_RUN_ID);
  return {
    waiting: reviews.records.filter((r) => isWaiting(r.data, now)).length,
    lastRunAt: run ? run.data.at : null,
  };
};
