// Cases for shared/retention/operations.ts.
import { DEFAULT_RETENTION_RULES, RETENTION_REVIEW, saveRetentionRule } from '../../../shared/retention';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { annelies } from '../../fixtures/people';
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
  'retention.decide': {
    // Erasing a person past a rule: the erasure's own entry (written as a step) and the decision's.
    input: async (workspace) => {
      const person = await workspace.people.create(annelies);
      const at = Date.UTC(2026, 0, 1);
      const review = await workspace.compliance(RETENTION_REVIEW).put({
        ruleId: DEFAULT_RETENTION_RULES[0]!.id,
        subjectId: person.id,
        subjectKind: 'person',
        trigger: 'last_activity',
        triggerAt: at,
        dueAt: at,
        foundAt: at,
      });
      return { reviewId: review.id, decision: { action: 'erase' } };
    },
    audits: [
      { action: 'erasure', kind: 'person' },
      { action: 'update', kind: 'retention-review' },
    ],
  },
};
