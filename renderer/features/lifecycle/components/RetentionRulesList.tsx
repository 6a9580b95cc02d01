// The retention rules in force: what each looks at, from when the period runs, how long, what it
// proposes and the legal reason — so the DPO sees why the queue holds what it holds. Admins add, edit
// and (de)activate rules here; a deactivated rule stays listed, dimmed, so its history stays readable.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../../shared/retention';
import { setRetentionRuleActive, type RetentionScope } from '../../../../shared/retention';
import { notify } from '../../../kit/notification-store';
import { useLocalized } from '../../consent/hooks/useLocalized';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useWorkspace } from '../../../kit/workspace';
import { useRegisters } from '../hooks/useRegisters';
import { RetentionRuleDialog } from './RetentionRuleDialog';
import { ColumnTable } from '../../../ui/ColumnTable';

export function RetentionRulesList({ rules }: { rules: readonly Rule[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { workspace: session, actor } = useWorkspace();
  const admin = useCurrentUser().role === 'admin';
  const purposes = useRegisters()?.purposes ?? [];
  // null: closed; 'new': adding; a rule: editing it.
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const scope = (s: RetentionScope) => {
    if (s.type === 'status') return t(`retention.rules.statuses.${s.status}`);
    if (s.type === 'category') return t(`lifecycle.categories.${s.category}`);
    const purpose = purposes.find((p) => p.id === s.purposeId);
    return purpose ? localized(purpose.data.name) : s.purposeId;
  };
  const toggle = async (rule: Rule) => {
    try {
      await setRetentionRuleActive(session, actor, { id: rule.id, active: !rule.data.active });
    } catch {
      notify(t('retention.rules.saveFailed'), 'error');
    }
  };
  return (
    <Paper
      component="section"
      variant="outlined"
      sx={{ p: 2, mt: 3 }}
      aria-label={t('retention.rules.title')}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1, gap: 2 }}>
        <Typography variant="subtitle1" sx={{ flex: 1 }}>
          {t('retention.rules.title')}
        </Typography>
        {admin && (
          <Button variant="outlined" size="small" onClick={() => setEditing('new')}>
            {t('retention.rules.add')}
          </Button>
        )}
      </Box>
      <ColumnTable
        size="small"
        rows={rules}
        rowKey={(r) => r.id}
        rowSx={(r) => ({ opacity: r.data.active ? 1 : 0.5 })}
        columns={[
          {
            header: t('retention.rules.name'),
            cell: ({ data }) => (
              <>
                {localized(data.name)}
                {!data.active && (
                  <Typography variant="caption" sx={{ display: 'block' }}>
                    {t('retention.rules.inactive')}
                  </Typography>
                )}
              </>
            ),
          },
          { header: t('retention.rules.scope'), cell: ({ data }) => scope(data.scope) },
          {
            header: t('retention.rules.period'),
            cell: ({ data }) =>
              t('retention.rules.months', {
                count: data.months,
                trigger: t(`retention.rules.triggers.${data.trigger}`),
              }),
          },
          { header: t('retention.rules.action'), cell: ({ data }) => t(`retention.actions.${data.action}`) },
          { header: t('retention.rules.legalReason'), cell: ({ data }) => localized(data.legalReason) },
          admin && {
            header: '',
            sx: { whiteSpace: 'nowrap' },
            cell: (r) => (
              <>
                <Button
                  size="small"
                  aria-label={t('retention.rules.editFor', { name: localized(r.data.name) })}
                  onClick={() => setEditing(r)}
                >
                  {t('retention.rules.edit')}
                </Button>
                <Button
                  size="small"
                  aria-label={t(
                    r.data.active ? 'retention.rules.deactivateFor' : 'retention.rules.activateFor',
                    {
                      name: localized(r.data.name),
                    },
                  )}
                  onClick={() => void toggle(r)}
                >
                  {t(r.data.active ? 'retention.rules.deactivate' : 'retention.rules.activate')}
                </Button>
              </>
            ),
          },
        ]}
      />
      {editing && (
        <RetentionRuleDialog
          rule={editing === 'new' ? undefined : editing}
          purposes={purposes}
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}
