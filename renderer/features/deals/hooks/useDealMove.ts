// Moving a deal between stages from the board, the list or the menu: an open stage moves at once; a won
// or lost stage first asks for the reason (the dialog renders from `pending`).
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stageOfDeal } from '../../../../shared/deals';
import type { Pipeline, Stage } from '../../../../shared/deals';
import { notify } from '../../../kit/notification-store';
import { useWorkspace } from '../../../kit/workspace';
import { moveDeal, type Deal } from '../../../../shared/deals';

export interface PendingClose {
  readonly deal: Deal;
  readonly stage: Stage & { kind: 'won' | 'lost' };
}

const isClosing = (stage: Stage): stage is Stage & { kind: 'won' | 'lost' } => stage.kind !== 'open';

export const useDealMove = (pipeline: Pipeline | null) => {
  const { workspace, actor } = useWorkspace();
  const { t } = useTranslation();
  const [pending, setPending] = useState<PendingClose | null>(null);

  const move = useCallback(
    async (deal: Deal, stage: Stage, reason?: string) => {
      try {
        await moveDeal(workspace, actor, { id: deal.id, stage, ...(reason === undefined ? {} : { reason }) });
      } catch {
        notify(t('deals.errors.move'), 'error');
      }
    },
    [workspace, actor, t],
  );

  const requestMove = useCallback(
    (deal: Deal, stage: Stage) => {
      if (!pipeline || stageOfDeal(pipeline, deal.data).id === stage.id) return;
      if (isClosing(stage)) setPending({ deal, stage });
      else void move(deal, stage);
    },
    [pipeline, move],
  );

  const confirm = useCallback(
    async (reason: string) => {
      if (!pending) return;
      await move(pending.deal, pending.stage, reason);
      setPending(null);
    },
    [pending, move],
  );

  return { requestMove, pending, confirm, cancel: () => setPending(null) };
};
