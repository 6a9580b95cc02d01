// What the retention tab reads, live: the review queue with its rules, the last run, and the anonymous
// figures that prove anonymisation kept the totals. And the dashboard's count of subjects waiting.
import { defineQuery } from '../workspace';
import { ANONYMOUS_AGGREGATE, loadSalesFigures, type SalesFigures } from './anonymise';
import { summariseRetention, type Review, type Rule } from './retention';
import { RETENTION_REVIEW, RETENTION_RUN, RETENTION_RUN_ID } from './retention-review';
import { RETENTION_RULE } from './retention-rules';

export interface RetentionQueue {
  readonly reviews: Review[];
  readonly rules: Map<string, Rule>;
  readonly lastRunAt: number | null;
  readonly figures: SalesFigures;
  /** Subjects anonymised so far (one aggregate each). */
  readonly anonymised: number;
  /** When this was read: what "waiting" means (an extension may have run out since). */
  readonly loadedAt: number;
}

/** Reads compliance files and settings; a bulk decision writes many, so callers debounce longer. */
export const retentionQueue = defineQuery(
  'retention.queue',
  [{ collection: 'compliance' }, { collection: 'settings' }],
  async (workspace): Promise<RetentionQueue> => {
    const [reviews, rules, runs, aggregates, figures] = await Promise.all([
      workspace.compliance(RETENTION_REVIEW).list(),
      workspace.settings(RETENTION_RULE).list(),
      workspace.compliance(RETENTION_RUN).list(),
      workspace.settings(ANONYMOUS_AGGREGATE).list(),
      loadSalesFigures(workspace),
    ]);
    return {
      reviews: reviews.records.sort((a, b) => a.data.dueAt - b.data.dueAt || (a.id < b.id ? -1 : 1)),
      rules: new Map(rules.records.map((r) => [r.id, r])),
      lastRunAt: runs.records.find((r) => r.id === RETENTION_RUN_ID)?.data.at ?? null,
      figures,
      anonymised: aggregates.records.length,
      loadedAt: Date.now(),
    };
  },
);

/** Subjects waiting for a retention decision, and when the rules last ran. */
export const retentionFigures = defineQuery(
  'retention.figures',
  [{ collection: 'compliance', kinds: [RETENTION_REVIEW.kind, RETENTION_RUN.kind] }],
  (workspace) => summariseRetention(workspace, Date.now()),
);
