// What the breach screens read, live: the register (admins only receive the compliance collection), and
// the dashboard's open breaches with their 72-hour clocks.
import { defineQuery } from '../workspace';
import { summariseBreaches, type BreachesSummary } from './summary';
import { BREACH } from './types';

export const breachRegister = defineQuery(
  'breach.register',
  [{ collection: 'compliance', kinds: [BREACH.kind] }],
  async (workspace) => (await workspace.compliance(BREACH).list()).records,
);

/** Open breaches, most urgent first, and when that was read: what the clocks are measured from. */
export const breachFigures = defineQuery(
  'breach.figures',
  [{ collection: 'compliance', kinds: [BREACH.kind] }],
  async (workspace): Promise<BreachesSummary & { readonly loadedAt: number }> => {
    const loadedAt = Date.now();
    return { ...(await summariseBreaches(workspace, loadedAt)), loadedAt };
  },
);
