// What an admin can do with the retention rules and the review queue: add or edit a rule, switch it on or
// off — each stored and audited under 'retention-rule' with its id — and decide on a waiting review
// (anonymise, erase, keep only the suppression entry, or extend), audited under 'retention-review'.
import { defineOperation, type Actor, type Workspace } from '../workspace';
import { saveSetting } from '../workspace';
import { decideReviewInSteps, type DecideOptions, type ReviewDecision } from './retention-decide';
import { RETENTION_RULE } from './retention-rules';

export const saveRetentionRule = defineOperation('retention.saveRule', saveSetting(RETENTION_RULE));

/** Switches a rule on or off. */
export const setRetentionRuleActive = defineOperation(
  'retention.setRuleActive',
  async (workspace, _actor, { id, active }: { readonly id: string; readonly active: boolean }) => {
    await workspace.settings(RETENTION_RULE).update(id, (current) => ({ ...current, active }));
    return {
      result: undefined,
      audit: { action: 'update', kind: RETENTION_RULE.kind, recordIds: [id], details: { active } },
    };
  },
);

export const decideReview = defineOperation(
  'retention.decide',
  (
    workspace,
    _actor,
    { reviewId, decision, ...options }: DecideOptions & { reviewId: string; decision: ReviewDecision },
    step,
  ) => decideReviewInSteps(workspace, reviewId, decision, options, step),
);

/**
 * Decides many reviews one after another (each one the operation above), reporting progress; a failure is
 * reported and the rest go on.
 */
export const decideReviews = async (
  workspace: Workspace,
  actor: Actor,
  reviewIds: readonly string[],
  decision: ReviewDecision,
  onProgress?: (progress: { done: number; total: number; failed: number }) => void,
  options: Omit<DecideOptions, 'onProgress'> = {},
): Promise<{ done: string[]; failed: { id: string; error: string }[] }> => {
  const done: string[] = [];
  const failed: { id: string; error: string }[] = [];
  for (const reviewId of reviewIds) {
    try {
      await decideReview(workspace, actor, { ...options, reviewId, decision });
      done.push(reviewId);
    } catch (error) {
      failed.push({ id: reviewId, error: error instanceof Error ? error.name : 'Error' });
    }
    onProgress?.({ done: done.length + failed.length, total: reviewIds.length, failed: failed.length });
  }
  return { done, failed };
};
