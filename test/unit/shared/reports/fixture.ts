// A small book of deals, activities, cases and tasks whose report figures were worked out by hand
// (in the comments of reports.test.ts), so the tests check the maths, not the code against itself.
import { defaultPipeline } from '../../../../shared/deals';
import type { ReportData, ReportDeal } from '../../../../shared/reports';

/** Local noon on a date: far from midnight, so a day never shifts with the time zone. */
export const noon = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12).getTime();
};

const pipeline = defaultPipeline({
  lead: 'Lead',
  qualified: 'Qualified',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
  won: 'Won',
  lost: 'Lost',
});

const deal = (
  id: string,
  subjectId: string,
  d: Partial<ReportDeal['data']> & Pick<ReportDeal['data'], 'ownerId' | 'stageId' | 'value'>,
): ReportDeal => ({
  id,
  subjectId,
  data: {
    title: id,
    currency: 'EUR',
    expectedCloseDate: null,
    probability: null,
    outcome: 'open',
    reason: '',
    closedAt: null,
    createdAt: noon('2026-01-01'),
    ...d,
  },
});

export const book: ReportData = {
  pipeline,
  deals: [
    // Open, in Q1 2026, EUR (cents):
    deal('d1', 's1', {
      ownerId: 'anna',
      stageId: 'proposal',
      value: 1_000_000,
      expectedCloseDate: '2026-02-10',
    }),
    deal('d2', 's2', {
      ownerId: 'anna',
      stageId: 'negotiation',
      value: 400_000,
      expectedCloseDate: '2026-02-20',
      probability: 90,
    }),
    deal('d3', 's3', { ownerId: 'bram', stageId: 'lead', value: 200_000, expectedCloseDate: '2026-03-05' }),
    // Open but closing after the period; and one in another currency.
    deal('d4', 's4', {
      ownerId: 'bram',
      stageId: 'qualified',
      value: 100_000,
      expectedCloseDate: '2026-05-01',
      createdAt: noon('2026-02-01'),
    }),
    deal('d5', 's5', {
      ownerId: 'anna',
      stageId: 'proposal',
      value: 50_000,
      currency: 'USD',
      expectedCloseDate: '2026-02-01',
      createdAt: noon('2026-01-20'),
    }),
    // Closed in the period:
    deal('d6', 's6', {
      ownerId: 'bram',
      stageId: 'won',
      value: 300_000,
      outcome: 'won',
      reason: 'Price',
      createdAt: noon('2026-01-05'),
      closedAt: noon('2026-02-04'),
    }),
    deal('d7', 's7', {
      ownerId: 'anna',
      stageId: 'won',
      value: 500_000,
      outcome: 'won',
      reason: 'Relationship',
      createdAt: noon('2026-01-10'),
      closedAt: noon('2026-03-01'),
    }),
    deal('d8', 's8', {
      ownerId: 'bram',
      stageId: 'lost',
      value: 150_000,
      outcome: 'lost',
      reason: 'price',
      createdAt: noon('2026-01-02'),
      closedAt: noon('2026-01-20'),
    }),
    // Closed before the period.
    deal('d9', 's9', {
      ownerId: 'anna',
      stageId: 'lost',
      value: 80_000,
      outcome: 'lost',
      reason: 'Timing',
      createdAt: noon('2025-11-01'),
      closedAt: noon('2025-12-20'),
    }),
  ],
  activities: [
    { id: 'a1', subjectId: 's1', data: { occurredAt: noon('2026-02-02'), createdBy: 'anna' } },
    { id: 'a2', subjectId: 's1', data: { occurredAt: noon('2026-02-04'), createdBy: 'anna' } },
    { id: 'a3', subjectId: 's7', data: { occurredAt: noon('2026-02-08'), createdBy: 'anna' } },
    { id: 'a4', subjectId: 's7', data: { occurredAt: noon('2026-02-09'), createdBy: 'anna' } },
    { id: 'a5', subjectId: 's3', data: { occurredAt: noon('2026-01-10'), createdBy: 'bram' } },
    { id: 'a6', subjectId: 's6', data: { occurredAt: noon('2026-02-03'), createdBy: 'bram' } },
    { id: 'a7', subjectId: 's6', data: { occurredAt: noon('2026-04-01'), createdBy: 'bram' } },
  ],
  cases: [
    {
      id: 'c1',
      subjectId: 's1',
      data: { status: 'open', assigneeId: 'anna', createdAt: noon('2026-03-28'), resolvedAt: null },
    },
    {
      id: 'c2',
      subjectId: 's2',
      data: { status: 'waiting', assigneeId: 'bram', createdAt: noon('2026-02-15'), resolvedAt: null },
    },
    {
      id: 'c3',
      subjectId: 's3',
      data: {
        status: 'resolved',
        assigneeId: 'anna',
        createdAt: noon('2026-01-05'),
        resolvedAt: noon('2026-01-15'),
      },
    },
    {
      id: 'c4',
      subjectId: 's4',
      data: { status: 'new', assigneeId: null, createdAt: noon('2025-11-01'), resolvedAt: null },
    },
  ],
  tasks: [
    {
      id: 't1',
      subjectId: 's1',
      data: { title: 'Call', dueDate: '2026-02-10', assigneeId: 'anna', status: 'open' },
    },
    {
      id: 't2',
      subjectId: 's2',
      data: { title: 'Mail', dueDate: '2026-02-01', assigneeId: 'anna', status: 'open' },
    },
    {
      id: 't3',
      subjectId: 's3',
      data: { title: 'Visit', dueDate: '2026-02-14', assigneeId: 'bram', status: 'done' },
    },
    {
      id: 't4',
      subjectId: 's4',
      data: { title: 'Quote', dueDate: '2026-02-20', assigneeId: 'bram', status: 'open' },
    },
  ],
};

export const Q1 = { from: '2026-01-01', to: '2026-03-31', ownerId: null, currency: 'EUR' } as const;
