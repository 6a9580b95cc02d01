// Writing deals: every change is validated, stored encrypted under the deal's subject and recorded in the
// audit trail (ids and codes only, never field contents).
import {
  DEAL_CONFIG,
  dealSubjectId,
  moveDealTo,
  type DealInput,
  type DealPayload,
} from '../../../shared/deals';
import type { Stage } from '../../../shared/deals';
import type { Decrypted } from '../../../shared/store';
import type { Session } from '../../../shared/vault';

export type Deal = Decrypted<DealPayload>;

export const createDeal = async (session: Session, input: DealInput): Promise<Deal> => {
  const deals = session.items(DEAL_CONFIG);
  const data = deals.validate(input);
  const deal = await deals.create(dealSubjectId(data), data);
  await session.audit.record({ action: 'create', kind: 'deal', recordIds: [deal.id] });
  return deal;
};

/**
 * Saves an edited deal. A deal is encrypted with its subject's key, so when the edit links it to another
 * subject it is stored anew under that one and the old record removed (its id changes).
 */
export const saveDeal = async (session: Session, id: string, input: DealInput): Promise<Deal> => {
  const deals = session.items(DEAL_CONFIG);
  const current = await deals.get(id);
  const data = deals.validate(input);
  const subjectId = dealSubjectId(data);
  if (subjectId === current.subjectId) {
    const deal = await deals.update(id, () => data);
    await session.audit.record({ action: 'update', kind: 'deal', recordIds: [id] });
    return deal;
  }
  const moved = await deals.create(subjectId, data);
  await deals.remove(id);
  await session.audit.record({
    action: 'update',
    kind: 'deal',
    recordIds: [id, moved.id],
    details: { relinked: true },
  });
  return moved;
};

/** Moves a deal to another stage; a won or lost stage needs the reason (ReasonRequiredError without). */
export const moveDeal = async (
  session: Session,
  id: string,
  stage: Stage,
  reason?: string,
): Promise<Deal> => {
  const deal = await session.items(DEAL_CONFIG).update(id, (d) => moveDealTo(d, stage, reason));
  await session.audit.record({
    action: 'update',
    kind: 'deal',
    recordIds: [id],
    details: { outcome: deal.data.outcome },
  });
  return deal;
};

export const deleteDeal = async (session: Session, id: string): Promise<void> => {
  await session.items(DEAL_CONFIG).remove(id);
  await session.audit.record({ action: 'delete', kind: 'deal', recordIds: [id] });
};
