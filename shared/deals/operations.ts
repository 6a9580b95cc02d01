// What a user can do with deals. Each operation validates, stores the deal encrypted under its subject's
// key and returns the audit entry the core writes (ids and codes only, never field contents).
import type { Decrypted } from '../store';
import { defineOperation } from '../workspace';
import { DEAL_CONFIG, dealSubjectId, moveDealTo, type DealInput, type DealPayload } from './deal';
import {
  defaultPipeline,
  PIPELINE_CONFIG,
  PIPELINE_ID,
  type DefaultStageNames,
  type Pipeline,
  type Stage,
} from './pipeline';

export type Deal = Decrypted<DealPayload>;

export const createDeal = defineOperation('deals.create', async (workspace, _actor, input: DealInput) => {
  const deals = workspace.items(DEAL_CONFIG);
  const data = deals.validate(input);
  const deal = await deals.create(dealSubjectId(data), data);
  return { result: deal, audit: { action: 'create', kind: 'deal', recordIds: [deal.id] } };
});

/**
 * Saves an edited deal. A deal is encrypted with its subject's key, so when the edit links it to another
 * subject it is stored anew under that one and the old record removed (its id changes).
 */
export const saveDeal = defineOperation(
  'deals.save',
  async (workspace, _actor, { id, input }: { readonly id: string; readonly input: DealInput }) => {
    const deals = workspace.items(DEAL_CONFIG);
    const current = await deals.get(id);
    const data = deals.validate(input);
    const subjectId = dealSubjectId(data);
    if (subjectId === current.subjectId) {
      const deal = await deals.update(id, () => data);
      return { result: deal, audit: { action: 'update', kind: 'deal', recordIds: [id] } };
    }
    const moved = await deals.create(subjectId, data);
    await deals.remove(id);
    return {
      result: moved,
      audit: { action: 'update', kind: 'deal', recordIds: [id, moved.id], details: { relinked: true } },
    };
  },
);

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
