// Cases for shared/retention/operations.ts.
import { DEFAULT_RETENTION_RULES, saveRetentionRule } from '../../../shared/retention';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import type { OperationCases } from './harness';

const rule = DEFAULT_RETENTION_RULES[0]!.data;

export const cases: OperationCases = {
  'retention.saveRule': {
    input: async () => ({ id: null, input: rule }),
    audits: [{ action: 'create', kind: 'retention-rule' }],
  },
  'retention.setRuleActive': {
    input: async (workspace) => ({
      id: (await saveRetentionRule(workspace, LOCAL_ACTOR, { id: null, input: rule })).id,
      active: false,
    }),
    audits: [{ action: 'update', kind: 'retention-rule' }],
  },
};
