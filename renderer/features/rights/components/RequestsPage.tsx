// The request register: open requests soonest due first, overdue ones unmistakable (red, "n days
// overdue", an icon), filters for open/closed/all and the right asked for, and "New request".
import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import { isOpen, requestDueOn, RIGHTS, type Right } from '../../../../shared/requests';
import { formatRoute, NEW_ID } from '../../../kit/routing';
import { PageHeader } from '../../../ui/PageHeader';
import { useRequests } from '../hooks/useRequests';
import { useSubjectName } from '../hooks/useSubjectName';
import { DueChip } from './DueChip';
import { useNow } from '../hooks/useNow';
import { DataTable } from '../../../ui/DataTable';
import { SelectField } from '../../../ui/forms/SelectField';
import { RouteButton } from '../../../kit/RouteButton';
import { useFormat } from '../../../kit/useFormat';

type OpenFilter = 'open' | 'closed' | 'all';

export function RequestsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { requests, loaded, failed } = useRequests();
  const subjectName = useSubjectName();
  const [open, setOpen] = useState<OpenFilter>('open');
  const [right, setRight] = useState<'all' | Right>('all');
  const now = useNow();

  const rows = useMemo(
    () =>
      requests
        .filter(
          (r) =>
            (open === 'all' || (open === 'open') === isOpen(r.data.status)) &&
            (right === 'all' || r.data.right === right),
        )
        .map((r) => ({ request: r, dueOn: requestDueOn(r.data) }))
        .sort((a, b) =>
          isOpen(a.request.data.status) !== isOpen(b.request.data.status)
            ? isOpen(a.request.data.status)
              ? -1
              : 1
            : a.dueOn < b.dueOn
              ? -1
              : a.dueOn > b.dueOn
                ? 1
                : a.request.id < b.request.id
                  ? -1
                  : 1,
        ),
    [requests, open, right],
  );
  const date = (iso: string) => format.date(iso);

  return (
    <>
      <PageHeader
        title={t('rights.title')}
        subtitle={t('rights.subtitle')}
        actions={
          <RouteButton variant="contained" to={{ name: 'request', id: NEW_ID }}>
            {t('rights.new')}
          </RouteButton>
        }
      />
      {failed && <Alert severity="error">{t('rights.list.failed')}</Alert>}
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
        <SelectField<OpenFilter>
          size="small"
          label={t('rights.filters.state')}
          value={open}
          onChange={setOpen}
          options={['open', 'closed', 'all']}
          labelOf={(f) => t(`rights.filters.${f}`)}
          sx={{ minWidth: 160 }}
        />
        <SelectField<'all' | Right>
          size="small"
          label={t('rights.fields.right')}
          value={right}
          onChange={setRight}
          options={['all', ...RIGHTS]}
          labelOf={(r) => (r === 'all' ? t('rights.filters.allRights') : t(`rights.right.${r}`))}
          sx={{ minWidth: 200 }}
        />
      </Box>
      {!loaded ? (
        <CircularProgress aria-label={t('common.loading')} />
      ) : (
        <DataTable
          label={t('rights.list.label')}
          size="small"
          frame="outlined"
          empty={!rows.length && t('rights.list.empty')}
          columns={[
            t('rights.list.columns.who'),
            t('rights.fields.right'),
            t('rights.fields.receivedOn'),
            t('rights.list.columns.dueOn'),
            t('rights.list.columns.deadline'),
            t('rights.fields.status'),
          ]}
        >
          {rows.map(({ request, dueOn }) => (
            <TableRow key={request.id} hover data-request-id={request.id}>
              <TableCell>
                <Link href={formatRoute({ name: 'request', id: request.id })} underline="hover">
                  {subjectName(request.data)}
                </Link>
              </TableCell>
              <TableCell>{t(`rights.right.${request.data.right}`)}</TableCell>
              <TableCell>{date(request.data.receivedOn)}</TableCell>
              <TableCell>{date(dueOn)}</TableCell>
              <TableCell>
                <DueChip request={request.data} now={now} />
              </TableCell>
              <TableCell>{t(`rights.status.${request.data.status}`)}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </>
  );
}
