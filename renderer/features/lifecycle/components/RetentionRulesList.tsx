// The retention rules in force: what each looks at, from when the period runs, how long, what it
// proposes and the legal reason — so the DPO sees why the queue holds what it holds.
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../../shared/lifecycle/retention';
import type { RetentionScope } from '../../../../shared/lifecycle/retention-rules';
import { useLocalized } from '../../consent/hooks/useLocalized';

export function RetentionRulesList({ rules }: { rules: readonly Rule[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const scope = (s: RetentionScope) =>
    s.type === 'status'
      ? t(`retention.rules.statuses.${s.status}`)
      : s.type === 'category'
        ? t(`lifecycle.categories.${s.category}`)
        : s.purposeId;
  return (
    <Paper
      component="section"
      variant="outlined"
      sx={{ p: 2, mt: 3 }}
      aria-label={t('retention.rules.title')}
    >
      <Typography variant="subtitle1" sx={{ mb: 1 }}>
        {t('retention.rules.title')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('retention.rules.name')}</TableCell>
            <TableCell>{t('retention.rules.scope')}</TableCell>
            <TableCell>{t('retention.rules.period')}</TableCell>
            <TableCell>{t('retention.rules.action')}</TableCell>
            <TableCell>{t('retention.rules.legalReason')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rules.map((r) => (
            <TableRow key={r.id} sx={{ opacity: r.data.active ? 1 : 0.5 }}>
              <TableCell>{localized(r.data.name)}</TableCell>
              <TableCell>{scope(r.data.scope)}</TableCell>
              <TableCell>
                {t('retention.rules.months', {
                  count: r.data.months,
                  trigger: t(`retention.rules.triggers.${r.data.trigger}`),
                })}
              </TableCell>
              <TableCell>{t(`retention.actions.${r.data.action}`)}</TableCell>
              <TableCell>{localized(r.data.legalReason)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
