// The retention rules in force: what each looks at, from when the period runs, how long, what it
// proposes and the legal reason — so the DPO sees why the queue holds what it holds. Admins add, edit
// and (de)activate rules here; a deactivated rule stays listed, dimmed, so its history stays readable.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
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
import { DataTable } from '../../../ui/DataTable';

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
      <DataTable
        size="small"
        columns={[
          t('retention.rules.name'),
          t('retention.rules.scope'),
          t('retention.rules.period'),
          t('retention.rules.action'),
          t('retention.rules.legalReason'),
          admin && '',
        ]}
      >
        {rules.map((r) => (
          <TableRow key={r.id} sx={{ opacity: r.data.active ? 1 : 0.5 }}>
            <TableCell>
              {localized(r.data.name)}
              {!r.data.active && (
                <Typography variant="caption" sx={{ display: 'block' }}>
                  {t('retention.rules.inactive')}
                </Typography>
              )}
            </TableCell>
            <TableCell>{scope(r.data.scope)}</TableCell>
            <TableCell>
              {t('retention.rules.months', {
                count: r.data.months,
                trigger: t(`retention.rules.triggers.${r.data.trigger}`),
              })}
            </TableCell>
            <TableCell>{t(`retention.actions.${r.data.action}`)}</TableCell>
            <TableCell>{localized(r.data.legalReason)}</TableCell>
            {admin && (
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
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
              </TableCell>
            )}
          </TableRow>
        ))}
      </DataTable>
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
