// The retention review queue as the tab shows it: reviews with their rule, kept current as reviews are
// written here or arrive by sync, plus the anonymous figures that prove anonymisation kept the totals.
import { useEffect, useState } from 'react';
import { ANONYMOUS_AGGREGATE, loadSalesFigures, type SalesFigures } from '../../../../shared/retention';
import { RETENTION_REVIEW, RETENTION_RUN, RETENTION_RUN_ID } from '../../../../shared/retention';
import type { Review, Rule } from '../../../../shared/retention';
import { RETENTION_RULE } from '../../../../shared/retention';
import { useWorkspace } from '../../../kit/workspace';

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

export const useRetentionQueue = (): RetentionQueue | null => {
  const { workspace: session } = useWorkspace();
  const [queue, setQueue] = useState<RetentionQueue | null>(null);
  useEffect(() => {
    let current = true;
    const load = async () => {
      const [reviews, rules, runs, aggregates, figures] = await Promise.all([
        session.compliance(RETENTION_REVIEW).list(),
        session.settings(RETENTION_RULE).list(),
        session.compliance(RETENTION_RUN).list(),
        session.settings(ANONYMOUS_AGGREGATE).list(),
        loadSalesFigures(session),
      ]);
      if (!current || session.isLocked) return;
      setQueue({
        reviews: reviews.records.sort((a, b) => a.data.dueAt - b.data.dueAt || (a.id < b.id ? -1 : 1)),
        rules: new Map(rules.records.map((r) => [r.id, r])),
        lastRunAt: runs.records.find((r) => r.id === RETENTION_RUN_ID)?.data.at ?? null,
        figures,
        anonymised: aggregates.records.length,
        loadedAt: Date.now(),
      });
    };
    // A bulk decision writes many documents: read once they settle, not once per write.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reload = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void load().catch(() => undefined), 200);
    };
    void load().catch(() => undefined);
    const compliance = session.db.compliance.$.subscribe(reload);
    const settings = session.db.settings.$.subscribe(reload);
    return () => {
      current = false;
      clearTimeout(timer);
      compliance.unsubscribe();
      settings.unsubscribe();
    };
  }, [session]);
  return queue;
};
