// The request register's figures for the privacy dashboard: counts, ids and due times only.
import type { Session } from '../vault';
import { deadlineState, startOfDay, localDay } from './deadline';
import { isOpen, listRequests, requestDueOn } from './requests';

/** The request register's figures for the privacy dashboard. */
export interface RequestsSummary {
  readonly open: number;
  /** Open requests due within the next 7 days (not yet overdue). */
  readonly dueSoon: number;
  readonly overdue: number;
  /** Open requests, soonest due first, at most 5: id, the right asked for, due time (ms). */
  readonly next: readonly { readonly id: string; readonly right: string; readonly dueAt: number }[];
}

export const summariseRequests = async (session: Session, now: number): Promise<RequestsSummary> => {
  const today = localDay(now);
  const open = (await listRequests(session))
    .filter((r) => isOpen(r.data.status))
    .map((r) => {
      const dueOn = requestDueOn(r.data);
      return {
        id: r.id,
        right: r.data.right,
        dueOn,
        dueAt: startOfDay(dueOn),
        state: deadlineState(dueOn, today).state,
      };
    })
    .sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1));
  return {
    open: open.length,
    dueSoon: open.filter((r) => r.state === 'due-soon').length,
    overdue: open.filter((r) => r.state === 'overdue').length,
    next: open.slice(0, 5).map(({ id, right, dueAt }) => ({ id, right, dueAt })),
  };
};
