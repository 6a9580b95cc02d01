// Decisions on the retention review queue: anonymise (aggregates kept, subject erased), erase, keep only
// the suppression entry (the consent and list ledgers kept under a new pseudonymous subject, the rest
// erased), or extend with a reason and a new date. Each decision hands back its audit entry, with the
// review's id as the reference, for the operation retention.decide to write (the erasure it causes writes
// its own entry as a step); no decision touches a review that is not waiting.
import { CONSENT_EVENT, SUBSCRIPTION_EVENT } from '../consent';
import { ValidationError } from '../store';
import type { Session } from '../vault';
import type { ErasureLedger, ErasureProgress } from '../erasure';
import { eraseSubjectInSteps } from '../erasure';
import type { AuditEvent } from '../audit';
import type { AuditStep, Done } from '../workspace';
import type { KeepGroup } from '../erasure';
import { anonymiseSubject } from './anonymise';
import { isWaiting, RETENTION_REVIEW, type ReviewStatus } from './retention-review';
import { OBJECTION } from '../objection';

export type ReviewDecision =
  | { readonly action: 'anonymise' | 'erase' | 'suppress' }
  | { readonly action: 'extend'; readonly until: number; readonly reason: string };

export interface DecideOptions {
  readonly ledger?: ErasureLedger | null;
  readonly onProgress?: (progress: ErasureProgress) => void;
  readonly now?: () => number;
}

export class ReviewNotWaitingError extends Error {
  override readonly name = 'ReviewNotWaitingError';
  constructor(
    readonly reviewId: string,
    readonly status: ReviewStatus,
  ) {
    super(`Retention review ${reviewId} is ${status}, not waiting for a decision`);
  }
}

/** The suppression entry: the ledgers that prove the person withdrew, kept under Art. 17(3)(e). */
const suppressionKeep = async (session: Session, subjectId: string): Promise<KeepGroup[]> => {
  const kinds = new Set<string>([CONSENT_EVENT.kind, SUBSCRIPTION_EVENT.kind, OBJECTION.kind]);
  const docs = await session.db.items.find({ selector: { subjectId } }).exec();
  const itemIds = docs.filter((d) => kinds.has(d.kind)).map((d) => d.id);
  if (!itemIds.length) return [];
  return [
    {
      itemIds,
      exception: 'legal-claims',
      note: 'Suppression entry: proof that the person withdrew consent or unsubscribed, so they are never contacted again.',
    },
  ];
};

const STATUS: Record<Exclude<ReviewDecision['action'], 'extend'>, ReviewStatus> = {
  anonymise: 'anonymised',
  erase: 'erased',
  suppress: 'suppressed',
};

/** Carries out one decision on a waiting review and records it on the review; returns its audit entry. */
export const decideReviewInSteps = async (
  session: Session,
  reviewId: string,
  decision: ReviewDecision,
  options: DecideOptions,
  step: AuditStep,
): Promise<Done<void>> => {
  const now = options.now ?? Date.now;
  const reviews = session.compliance(RETENTION_REVIEW);
  const review = await reviews.get(reviewId);
  if (!isWaiting(review.data, now())) throw new ReviewNotWaitingError(reviewId, review.data.status);
  const { subjectId, ruleId } = review.data;
  const decided = { decidedAt: now(), decidedBy: session.audit.actor };
  const audited = (details: AuditEvent['details']): Done<void> => ({
    result: undefined,
    audit: {
      action: 'update',
      kind: 'retention-review',
      recordIds: [reviewId, subjectId],
      requestId: reviewId,
      details,
    },
  });

  if (decision.action === 'extend') {
    const reason = decision.reason.trim();
    const issues = [
      ...(reason ? [] : [{ path: 'reason', code: 'required' }]),
      ...(decision.until > now() ? [] : [{ path: 'extendedUntil', code: 'future' }]),
    ];
    if (issues.length) throw new ValidationError('retention-review', issues);
    await reviews.put(
      { ...review.data, ...decided, status: 'extended', reason, extendedUntil: decision.until },
      reviewId,
    );
    return audited({ decision: 'extend', rule: ruleId, until: decision.until });
  }

  let aggregateId: string | null = null;
  const common = {
    subjectId,
    requestId: reviewId,
    ledger: options.ledger,
    onProgress: options.onProgress,
    now,
  };
  if (decision.action === 'anonymise') {
    aggregateId = (await anonymiseSubject(session, { ...common, ruleId }, step)).aggregateId;
  } else {
    const keep = decision.action === 'suppress' ? await suppressionKeep(session, subjectId) : [];
    await eraseSubjectInSteps(session, { ...common, keep }, step);
  }
  // The erasure wrote its own entry as a step; this one ties it to the rule and the decision.
  await reviews.put({ ...review.data, ...decided, status: STATUS[decision.action], aggregateId }, reviewId);
  return audited({ decision: decision.action, rule: ruleId });
};
