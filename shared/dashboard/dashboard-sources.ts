// What the privacy dashboard (issue 7) reads from the request register, the breach register and the
// retention review queue. Each feature computes its own summary from its compliance files:
//   shared/requests/summary.ts        summariseRequests(session, now): Promise<RequestsSummary>
//   shared/breach/summary.ts        summariseBreaches(session, now): Promise<BreachesSummary>
//   shared/retention/retention.ts   summariseRetention(session, now): Promise<RetentionSummary>
// Summaries carry ids, counts and times only: the dashboard shows no one's name it does not need.

export interface RequestsSummary {
  readonly open: number;
  /** Open requests due within the next 7 days (not yet overdue). */
  readonly dueSoon: number;
  readonly overdue: number;
  /** Open requests, soonest due first, at most 5: id, the right asked for, due time (ms). */
  readonly next: readonly { readonly id: string; readonly right: string; readonly dueAt: number }[];
}

export interface BreachClock {
  readonly id: string;
  /** A short title the admin gave the incident (no personal data by convention). */
  readonly title: string;
  /** When the company became aware (ms): the 72-hour clock of Art. 33(1) runs from here. */
  readonly awareAt: number;
  /** awareAt + 72 hours. */
  readonly deadlineAt: number;
  /** When the authority was notified, or null. */
  readonly notifiedAt: number | null;
}

export interface BreachesSummary {
  readonly open: number;
  /** Open breaches, most urgent first. */
  readonly clocks: readonly BreachClock[];
}

export interface RetentionSummary {
  /** Subjects a retention rule found that wait for a decision in the review queue. */
  readonly waiting: number;
  /** When the rules last ran (ms), or null. */
  readonly lastRunAt: number | null;
}
