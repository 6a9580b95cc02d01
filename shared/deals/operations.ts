// What a user can do with deals. Each operation validates, stores the deal encrypted under its subject's
// key and returns the audit entry the core writes (ids and codes only, never field contents).
import type { Decrypted } from '../store';
import { createLinkedItem, defineOperation, saveLinkedItem } from '../workspace';
import { DEAL_CONFIG, dealSubjectId, moveDealTo, type DealPayload } from './deal';
import {
  defaultPipeline,
  PIPELINE_CONFIG,
  PIPELINE_ID,
  type DefaultStageNames,
  type Pipeline,
  type Stage,
} from './pipeline';

export type Deal = Decrypted<DealPayload>;

export const createDeal = defineOperation('deals.create', createLinkedItem(DEAL_CONFIG, dealSubjectId));

/**
 * Saves an edited deal; linked to another subject, it is stored anew under that one's key (its id changes).
 */
export const saveDeal = defineOperation('deals.save', saveLinkedItem(DEAL_CONFIG, dealSubjectId));

/** Moves a deal to another stage; a won or lost stage needs the reason (ReasonRequiredError without). */
export const moveDeal = defineOperation(
  'deals.move',
  async (
    workspace,
    _actor,
    { id, stage, reason }: { readonly id: string; readonly stage: Stage; readonly reason?: string },
  ) => {
    const deal = await workspace.items(DEAL_CONFIG).update(id, (d) => moveDealTo(d, stage, reason));
    return {
      result: deal,
      audit: { action: 'update', kind: 'deal', recordIds: [id], details: { outcome: deal.data.outcome } },
    };
  },
);

export const deleteDeal = defineOperation('deals.delete', async (workspace, _actor, id: string) => {
  await workspace.items(DEAL_CONFIG).remove(id);
  return { result: undefined, audit: { action: 'delete', kind: 'deal', recordIds: [id] } };
});

/** Opens one deal to read or edit it: the view is recorded (who looked at which deal). */
export const openDeal = defineOperation('deals.open', async (workspace, _actor, id: string) => {
  const deal = await workspace.items(DEAL_CONFIG).get(id);
  return { result: deal, audit: { action: 'view', kind: 'deal', recordIds: [deal.id] } };
});

/** Managers and admins shape the pipeline (and only they may push settings to the server). */
export const PIPELINE_EDITORS = ['admin', 'manager'] as const;

export const savePipeline = defineOperation(
  'deals.savePipeline',
  async (workspace, _actor, pipeline: Pipeline) => {
    const saved = await workspace.settings(PIPELINE_CONFIG).put(pipeline, PIPELINE_ID);
    return { result: saved.data, audit: { action: 'update', kind: 'pipeline', recordIds: [PIPELINE_ID] } };
  },
  { roles: PIPELINE_EDITORS },
);

/**
 * Stores the default pipeline when none exists yet (fixed id, so two devices seeding offline converge).
 * Only for an unlinked vault or a user who may write settings; others wait for the organisation's copy.
 */
export const seedPipeline = defineOperation(
  'deals.seedPipeline',
  async (workspace, _actor, names: DefaultStageNames) => {
    await workspace.settings(PIPELINE_CONFIG).seed([{ id: PIPELINE_ID, data: defaultPipeline(names) }]);
    return { result: undefined, audit: { action: 'create', kind: 'pipeline', recordIds: [PIPELINE_ID] } };
  },
);
