// The History tab (Art. 16): every change to the record's fields, newest first — what it was, what it
// became, who changed it on which device, and the request that asked for it. Entries are append-only.
import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { formatRoute } from '../../../kit/routing';
import { recordedByColumn } from '../../consent/components/RecordedBy';
import { useFormatters } from '../../consent/hooks/useLocalized';
import type { SubjectPanelProps } from '../../../kit/subject-panel';
import { useWorkspace } from '../../../kit/workspace';
import { fieldLabel } from '../field-labels';
import { useSubjectRights } from '../hooks/useSubjectRights';
import { valueText } from '../value-text';
import { ColumnTable } from '../../../ui/ColumnTable';

export function FieldHistoryPanel({ subjectId }: SubjectPanelProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { directory } = useWorkspace();
  const { status, history } = useSubjectRights(subjectId);
  if (status === 'loading')
    return <CircularProgress size={24} aria-label={t('subjectRights.history.loading')} />;
  if (status === 'failed')
    return (
      <Alert severity="error" role="alert">
        {t('subjectRights.history.loadFailed')}
      </Alert>
    );
  if (!history.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {t('subjectRights.history.empty')}
      </Typography>
    );
  const text = (value: unknown, field: string) =>
    (field === 'organisationId' && typeof value === 'string'
      ? directory.organisationName(value)
      : valueText(value)) || t('subjectRights.history.emptyValue');
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('subjectRights.history.intro')}
      </Typography>
      <ColumnTable
        label={t('subjectRights.history.label')}
        size="small"
        rows={history}
        rowKey={(change) => change.id}
        columns={[
          {
            header: t('subjectRights.history.time'),
            sx: { whiteSpace: 'nowrap' },
            cell: ({ data }) => format.dateTime(data.at),
          },
          { header: t('subjectRights.history.field'), cell: ({ data }) => fieldLabel(t, data.field) },
          {
            header: t('subjectRights.history.before'),
            sx: { color: 'text.secondary', wordBreak: 'break-word' },
            cell: ({ data }) => text(data.before, data.field),
          },
          {
            header: t('subjectRights.history.after'),
            sx: { wordBreak: 'break-word' },
            cell: ({ data }) => text(data.after, data.field),
          },
          recordedByColumn(t('subjectRights.history.by')),
          {
            header: t('subjectRights.history.request'),
            cell: ({ data }) =>
              data.requestId ? (
                <Link href={formatRoute({ name: 'request', id: data.requestId })}>
                  {t('subjectRights.history.requestLink')}
                </Link>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </>
  );
}
