// The retention review queue: one compliance file (kind `retention-review`, org-key encrypted, admins
// only) per subject and rule, written when the rule finds the subject past its period. The id is derived
// from rule and subject, so two devices that evaluate offline write the same document, never two.
// It holds ids, times and the decision only — never a name: the UI looks the person up while they exist.
import { z } from 'zod';
import { trimmed } from '../people';
import type { Sodium } from '../crypto';
import { RuleTrigger, SubjectKind } from './retention-rules';
import { Instant, ItemRef, SettingId } from '../purposes';
import { sealedKind } from '../store';

export const REVIEW_STATUSES = ['open', 'anonymised', 'erased', 'suppressed', 'extended', 'cleared'] as const;
export const ReviewStatus = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

export const RetentionReviewPayload = z
  .object({
    ruleId: SettingId,
    subjectId: ItemRef,
    subjectKind: SubjectKind,
    /** Evidence: what the period ran from and when (e.g. the last activity). */
    trigger: RuleTrigger,
    triggerAt: Instant,
    /** When the period ran out. */
    dueAt: Instant,
    foundAt: Instant,
    status: ReviewStatus.default('open'),
    /** The decision (anonymise, erase, suppress, extend), or the evaluation that cleared it. */
    decidedAt: Instant.nullable().default(null),
    decidedBy: trimmed(64).default(''),
    reason: trimmed(2000).default(''),
    /** extended: the review comes back after this time if the subject is still past the rule. */
    extendedUntil: Instant.nullable().default(null),
    /** anonymised: the aggregate record that kept the counts and revenue. */
    aggregateId: trimmed(64).nullable().default(null),
  })
  .refine((r) => r.status !== 'extended' || (r.extendedUntil !== null && r.reason.length > 0), {
    message: 'extension',
    path: ['extendedUntil'],
  });
export type RetentionReviewPayload = z.infer<typeof RetentionReviewPayload>;
export type RetentionReviewInput = z.input<typeof RetentionReviewPayload>;
export const RETENTION_REVIEW = sealedKind('retention-review', RetentionReviewPayload);

/** When the rules last ran on any admin device: one document with a fixed id. */
export const RetentionRunPayload = z.object({
  at: Instant,
  /** Reviews opened by that run. */
  opened: z.number().int().nonnegative(),
});
export type RetentionRunPayload = z.infer<typeof RetentionRunPayload>;
export const RETENTION_RUN = sealedKind('retention-run', RetentionRunPayload);
export const RETENTION_RUN_ID = 'retention-last-run';

/** Waiting for a decision at `now`: open, or an extension that has run out. */
export const isWaiting = (review: RetentionReviewPayload, now: number): boolean =>
  review.status === 'open' ||
  (review.status === 'extended' && review.extendedUntil !== null && review.extendedUntil <= now);

/** The review's id: a short hash of rule and subject, the same on every device. */
export const reviewId = (sodium: Sodium, ruleId: string, subjectId: string): string =>
  `rv-${sodium.to_hex(sodium.crypto_generichash(16, sodium.from_string(`${ruleId}|${subjectId}`), null))}`;
