import { describe, expect, it } from 'vitest';
import {
  ActivityPayload,
  activitySearchText,
  compareActivities,
  type ActivityInput,
} from '../../../../shared/activities/activity';

const call: ActivityInput = {
  type: 'call',
  occurredAt: Date.UTC(2026, 2, 10, 9),
  durationMinutes: 15,
  direction: 'out',
  title: 'Offerte besproken',
  createdBy: 'local',
};

const issuesOf = (input: unknown) => {
  const result = ActivityPayload.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('activity schema', () => {
  it('accepts a call with duration and direction, and fills the defaults', () => {
    const parsed = ActivityPayload.parse(call);
    expect(parsed).toMatchObject({ body: '', participantIds: [], email: null, purchase: null });
    expect(parsed.createdAt).toBeGreaterThan(0);
  });

  it('refuses a duration on a note and a direction on a meeting, naming the field', () => {
    expect(issuesOf({ ...call, type: 'note' })).toEqual([
      'durationMinutes:not_allowed',
      'direction:not_allowed',
    ]);
    expect(issuesOf({ ...call, type: 'meeting' })).toEqual(['direction:not_allowed']);
  });

  it('needs a title or text for a note, and the product, amount and currency for a purchase', () => {
    expect(issuesOf({ type: 'note', occurredAt: 1, createdBy: 'local' })).toEqual(['title:required']);
    expect(issuesOf({ type: 'purchase', occurredAt: 1, createdBy: 'local' })).toEqual(['purchase:required']);
    const purchase = {
      type: 'purchase',
      occurredAt: 1,
      createdBy: 'local',
      purchase: { amount: 1499.95, currency: 'eur', product: 'Jaarlicentie' },
    };
    expect(ActivityPayload.parse(purchase).purchase).toEqual({
      amount: 1499.95,
      currency: 'EUR',
      product: 'Jaarlicentie',
    });
    expect(issuesOf({ ...purchase, purchase: { amount: 12.345, currency: 'EURO', product: '' } })).toEqual([
      'purchase.amount:cents',
      'purchase.currency:currency',
      'purchase.product:product',
    ]);
  });

  it('refuses email details on anything but an email, and a bad participant id', () => {
    expect(issuesOf({ ...call, email: { messageId: '<x@y>' } })).toEqual(['email:not_allowed']);
    expect(issuesOf({ ...call, participantIds: ['Not An Id!'] })[0]).toMatch(/^participantIds\.0:/);
  });

  it('sorts newest first by when it happened, not by when it was logged', () => {
    const rows = [
      { id: 'a', data: { occurredAt: 10 } },
      { id: 'b', data: { occurredAt: 30 } },
      { id: 'c', data: { occurredAt: 20 } },
    ];
    expect(rows.sort(compareActivities).map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });

  it('is found by its title, text, product and email addresses', () => {
    const email = ActivityPayload.parse({
      type: 'email',
      occurredAt: 1,
      createdBy: 'local',
      title: 'Offerte',
      email: { from: { name: 'Zoë Jansen', address: 'zoe@kluis.example' } },
    });
    expect(activitySearchText(email)).toContain('zoë jansen');
    expect(activitySearchText(email)).toContain('zoe@kluis.example');
  });
});
