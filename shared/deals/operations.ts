// What a user can do with deals. Each operation validates, stores the deal encrypted under its subject's
// key and returns the audit entry the core writes (ids and codes only, never field contents).
import type { Decrypted } from '../store/subject-repository';
import { defineOperation } from '../workspace/operation';
import { DEAL_CONFIG, dealSubjectId, moveDealTo, type DealInput, type DealPayload } from './deal';
import type { Stage } from './pipeline';

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
