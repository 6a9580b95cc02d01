// Service cases: filtered by status, priority and "assigned to me", most urgent and oldest first.
import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Switch from '@mui/material/Switch';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import {
  CASE_PRIORITIES,
  CASE_STATUSES,
  compareCases,
  isCaseClosed,
  type CasePriority,
  type CaseStatus,
} from '../../../../shared/cases';
import { formatRoute, NEW_ID } from '../../../kit/routing';
import { PageHeader } from '../../../ui/PageHeader';
import { ProblemsBanner } from '../../../ui/ProblemsBanner';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useDirectoryVersion, useWorkspace } from '../../../kit/workspace';
import { useCases } from '../hooks/useCases';
import { relativeTime, useAssigneeLabel } from '../hooks/useCaseLabels';
import { PriorityChip, StatusChip } from './CaseChips';
import { DataTable } from '../../../ui/DataTable';
import { SelectField } from '../../../ui/forms/SelectField';
import { RouteButton } from '../../../kit/RouteButton';

type StatusFilter = 'active' | 'all' | CaseStatus;

const STATUS_FILTERS: readonly StatusFilter[] = ['active', 'all', ...CASE_STATUSES];

export function CasesPage() {
  const { t, i18n } = useTranslation();
  const { directory } = useWorkspace();
  const directoryVersion = useDirectoryVersion(directory);
  const { userId } = useCurrentUser();
  const assigneeLabel = useAssigneeLabel();
  const { cases, loaded, problems } = useCases();
  const [status, setStatus] = useState<StatusFilter>('active');
  const [priority, setPriority] = useState<'all' | CasePriority>('all');
  const [mine, setMine] = useState(false);

  const rows = useMemo(
    () =>
      cases
        .filter(
          (c) =>
            (status === 'all' ||
              (status === 'active' ? !isCaseClosed(c.data.status) : c.data.status === status)) &&
            (priority === 'all' || c.data.priority === priority) &&
            (!mine || c.data.assigneeId === userId),
        )
        .sort((a, b) => compareCases(a.data, b.data)),
    [cases, status, priority, mine, userId],
  );
  const subjectName = (organisationId: string | null, personId: string | null) =>
    directory.organisationName(organisationId) ||
    (personId ? (directory.person(personId)?.displayName ?? '') : '');
  void directoryVersion; // re-render on directory changes so renamed subjects show

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        subtitle={t('cases.subtitle')}
        actions={
          <RouteButton variant="contained" to={{ name: 'case', id: NEW_ID }}>
            {t('cases.new')}
          </RouteButton>
        }
      />
      <ProblemsBanner count={problems.length} />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2, alignItems: 'center' }}>
        <SelectField
          size="small"
          label={t('cases.status.label')}
          value={status}
          onChange={setStatus}
          options={STATUS_FILTERS}
          labelOf={(s) =>
            s === 'active'
              ? t('cases.filters.statusActive')
              : s === 'all'
                ? t('cases.filters.statusAll')
                : t(`cases.status.${s}`)
          }
          sx={{ minWidth: 170 }}
        />
        <SelectField<'all' | CasePriority>
          size="small"
          label={t('cases.priority.label')}
          value={priority}
          onChange={setPriority}
          options={['all', ...CASE_PRIORITIES]}
          labelOf={(p) => (p === 'all' ? t('cases.filters.priorityAll') : t(`cases.priority.${p}`))}
          sx={{ minWidth: 170 }}
        />
        <FormControlLabel
          control={<Switch checked={mine} onChange={(e) => setMine(e.target.checked)} />}
          label={t('cases.filters.mine')}
        />
      </Box>
      {!loaded ? (
        <CircularProgress aria-label={t('common.loading')} />
      ) : (
        <DataTable
          label={t('cases.list.label')}
          size="small"
          frame="outlined"
          empty={!rows.length && t('cases.list.empty')}
          columns={[
            t('cases.list.columns.subject'),
            t('cases.list.columns.for'),
            t('cases.list.columns.priority'),
            t('cases.list.columns.status'),
            t('cases.list.columns.assignee'),
            t('cases.list.columns.age'),
          ]}
        >
          {rows.map((c) => (
            <TableRow key={c.id} hover>
              <TableCell>
                <Link href={formatRoute({ name: 'case', id: c.id })} underline="hover">
                  {c.data.subject}
                </Link>
              </TableCell>
              <TableCell>{subjectName(c.data.organisationId, c.data.personId)}</TableCell>
              <TableCell>
                <PriorityChip priority={c.data.priority} />
              </TableCell>
              <TableCell>
                <StatusChip status={c.data.status} />
              </TableCell>
              <TableCell>{assigneeLabel(c.data.assigneeId)}</TableCell>
              <TableCell>{relativeTime(c.data.createdAt, i18n.language)}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </>
  );
}
