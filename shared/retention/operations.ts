// What an admin can do with the retention rules: add or edit a rule, switch it on or off — each stored
// and audited under 'retention-rule' with its id.
import { defineOperation } from '../workspace/operation';
import { saveSetting } from '../workspace/settings';
import { RETENTION_RULE } from './retention-rules';

export const saveRetentionRule = defineOperation('retention.saveRule', saveSetting(RETENTION_RULE));

/** Switches a rule on or off. */
export const setRetentionRuleActive = defineOperation(
  'retention.setRuleActive',
  async (workspace, _actor, { id, active }: { readonly id: string; readonly active: boolean }) => {
    await workspace.settings(RETENTION_RULE).update(id, (current) => ({ ...current, active }));
    return {
      result: undefined,
      audit: { action: 'update', kind: RETENTION_RULE.kind, recordIds: [id], details: { active } },
    };
  },
);
