// What the breach screens read, live: the register (admins only receive the compliance collection).
import { defineQuery } from '../workspace/query';
import { BREACH } from './types';

export const breachRegister = defineQuery(
  'breach.register',
  [{ collection: 'compliance', kinds: [BREACH.kind] }],
  async (workspace) => (await workspace.compliance(BREACH).list()).records,
);
