// An erasure certificate as the DPO shows it: what was erased and kept, whether the sync server recorded
// it, which devices confirmed their purge (checked again on request), and its export as HTML or JSON.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../../ui/DataTable';
import { NamedId } from '../../../../ui/NamedId';
import { useMemberNames } from '../../../../kit/useMemberNames';
import { backupsText, formatDay, formatTime, kindLabel } from '../certificate-export';
import { useCertificateExport } from '../hooks/useCertificateExport';
import { useErasureCertificate } from '../hooks/useErasureCertificate';
import { KindCountRows } from './KindCountRows';

export function ErasureCertificateView({ certificateId }: { readonly certificateId: string }) {
  const { t, i18n } = useTranslation();
  const nameOf = useMemberNames();
  const language = i18n.language.startsWith('nl') ? 'nl' : 'en';
  const { state, refresh } = useErasureCertificate(certificateId);
  const exportAs = useCertificateExport();
  const [checking, setChecking] = useState(false);
  const [refreshFailed, setRefreshFailed] = useState(false);

  if (state.status === 'loading') return <CircularProgress size={24} aria-label={t('erasure.loading')} />;
  if (state.status === 'failed')
    return (
      <Alert severity="error" role="alert">
        {t('erasure.certificate.loadFailed')}
      </Alert>
    );
  const c = state.certificate;
  const check = async () => {
    if (!refresh) return;
    setChecking(true);
    setRefreshFailed(!(await refresh()));
    setChecking(false);
  };
  const erased = Object.entries(c.erased);

  return (
    <Stack spacing={2} aria-label={t('erasure.certificate.title')} data-testid="erasure-certificate">
      <Typography variant="h6" component="h2">
        {t('erasure.certificate.title')}
      </Typography>
      <Typography variant="body2">{t('erasure.certificate.statement')}</Typography>
      <Typography variant="body2" data-testid="erasure-certificate-backups">
        <strong>{t('erasure.certificate.backups.title')}: </strong>
        {backupsText(t, c, language)}
      </Typography>
      <Table size="small">
        <TableBody>
          {(
            [
              ['request', c.requestId],
              ['subject', c.subjectId],
              ['subjectKind', kindLabel(t, c.subjectKind)],
              ['erasedAt', formatTime(c.erasedAt, language)],
              ['erasedBy', c.erasedBy],
            ] as const
          ).map(([key, value]) => (
            <TableRow key={key}>
              <TableCell component="th" scope="row">
                {t(`erasure.certificate.${key}`)}
              </TableCell>
              <TableCell>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="subtitle2" component="h3">
        {t('erasure.certificate.erased')}
      </Typography>
      {erased.length ? (
        <Table size="small" aria-label={t('erasure.certificate.erased')}>
          <TableBody>
            <KindCountRows counts={c.erased} />
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2">{t('erasure.certificate.nothingErased')}</Typography>
      )}
      <Typography variant="subtitle2" component="h3">
        {t('erasure.certificate.kept')}
      </Typography>
      {c.kept.length ? (
        c.kept.map((k) => (
          <Typography key={k.retainedSubjectId} variant="body2">
            {t('erasure.certificate.keptRow', {
              count: k.itemCount,
              exception: t(`erasure.exceptions.${k.exception}`),
              id: k.retainedSubjectId,
            })}
            {k.retainUntil
              ? ` — ${t('erasure.certificate.until', { date: formatDay(k.retainUntil, language) })}`
              : ''}
            {` — ${k.note}`}
          </Typography>
        ))
      ) : (
        <Typography variant="body2">{t('erasure.certificate.keptNothing')}</Typography>
      )}
      <Alert severity={c.ledger === 'queued' ? 'warning' : 'info'}>
        {t(`erasure.certificate.ledgerStates.${c.ledger}`)}
      </Alert>
      <Typography variant="subtitle2" component="h3">
        {t('erasure.certificate.devices')}
      </Typography>
      <DataTable
        size="small"
        label={t('erasure.certificate.devices')}
        columns={[
          t('erasure.certificate.device'),
          t('erasure.certificate.user'),
          t('erasure.certificate.state'),
        ]}
      >
        {c.devices.map((d) => (
          <TableRow key={d.deviceId}>
            <TableCell>
              <NamedId name={nameOf.names.devices[d.deviceId]} id={d.deviceId} />
            </TableCell>
            <TableCell>
              <NamedId name={nameOf.names.users[d.userId]} id={d.userId} />
            </TableCell>
            <TableCell>
              {d.confirmedAt !== null
                ? t('erasure.certificate.confirmedAt', { date: formatTime(d.confirmedAt, language) })
                : t('erasure.certificate.outstanding', {
                    date: d.lastSyncAt
                      ? formatTime(d.lastSyncAt, language)
                      : t('erasure.certificate.neverSeen'),
                  })}
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
      <Typography variant="caption">
        {c.checkedAt
          ? t('erasure.certificate.checkedAt', { date: formatTime(c.checkedAt, language) })
          : t('erasure.certificate.notChecked')}
      </Typography>
      {refreshFailed && <Alert severity="warning">{t('erasure.certificate.refreshFailed')}</Alert>}
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {refresh && (
          <Button onClick={() => void check()} disabled={checking}>
            {t('erasure.certificate.refresh')}
          </Button>
        )}
        <Button onClick={() => void exportAs(c, 'html-en')}>{t('erasure.certificate.exportHtmlEn')}</Button>
        <Button onClick={() => void exportAs(c, 'html-nl')}>{t('erasure.certificate.exportHtmlNl')}</Button>
        <Button onClick={() => void exportAs(c, 'json')}>{t('erasure.certificate.exportJson')}</Button>
      </Stack>
    </Stack>
  );
}
