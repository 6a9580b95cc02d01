// The dashboard's view of the breach register: open incidents, the clocks that demand action first.
import { describe, expect, it } from 'vitest';
import { summariseBreaches } from '../../../../shared/breach/summary';
import { BREACH, type BreachInput } from '../../../../shared/breach/types';
import { useMemoryVaults } from '../../../helpers/vaults';

const open = useMemoryVaults();

const HOUR = 60 * 60 * 1000;
const now = Date.UTC(2027, 5, 10, 12);
const breach = (title: string, awareAt: number, more: Partial<BreachInput> = {}): BreachInput => ({
  title,
  awareAt,
  createdAt: awareAt,
  ...more,
});

describe('breach summary', () => {
  it('counts open incidents and lists running clocks soonest deadline first, settled ones after', async () => {
    const session = await open();
    const register = session.compliance(BREACH);
    await register.put(breach('Laptop stolen', now - 10 * HOUR), 'b-laptop');
    await register.put(breach('List mis-sent', now - 65 * HOUR), 'b-list');
    await register.put(
      breach('Notified', now - 30 * HOUR, { notifiedAuthorityAt: now - 2 * HOUR }),
      'b-notified',
    );
    await register.put(breach('Closed', now - 200 * HOUR, { closedAt: now - 100 * HOUR }), 'b-closed');

    const summary = await summariseBreaches(session, now);
    expect(summary.open).toBe(3);
    expect(summary.clocks.map((c) => c.id)).toEqual(['b-list', 'b-laptop', 'b-notified']);
    expect(summary.clocks[0]).toEqual({
      id: 'b-list',
      title: 'List mis-sent',
      awareAt: now - 65 * HOUR,
      deadlineAt: now + 7 * HOUR,
      notifiedAt: null,
    });
    expect(summary.clocks[2]!.notifiedAt).toBe(now - 2 * HOUR);
  });

  it('is empty for an organisation without incidents', async () => {
    const session = await open();
    expect(await summariseBreaches(session, now)).toEqual({ open: 0, clocks: [] });
  });
});
