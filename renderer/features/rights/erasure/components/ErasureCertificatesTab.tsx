// Privacy → Erasure certificates: every erasure certificate on file, the latest first, with whether the
// sync server recorded it and how many devices confirmed their purge; one opens below the list with its
// device list kept current, so the DPO can come back and watch the other devices confirm.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { erasureCertificates, type FiledCertificate } from '../../../../../shared/erasure';
import { formatRoute } from '../../../../kit/routing';
import { useLiveQuery, valueOr } from '../../../../kit/useLiveQuery';
import { DataTable } from '../../../../ui/DataTable';
import { formatDay, formatTime, kindLabel } from '../certificate-export';
import { useRequests } from '../../hooks/useRequests';
import { ErasureCertificateView } from './ErasureCertificateView';

const NONE: readonly FiledCertificate[] = [];

export function ErasureCertificatesTab() {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('nl') ? 'nl' : 'en';
  const result = useLiveQuery(erasureCertificates, null);
  const certificates = valueOr(result, NONE);
  const { requests } = useRequests();
  const [shown, setShown] = useState<string | null>(null);
  const inRegister = new Map(requests.map((r) => [r.id, r.data.receivedOn]));

  if (result.status === 'failed')
    return (
      <Alert severity="error" role="alert">
        {t('erasure.list.loadFailed')}
      </Alert>
    );
  return (
    <Stack spacing={3}>
      <Typography variant="body2" color="text.secondary">
        {t('erasure.list.intro')}
      </Typography>
      <DataTable
        label={t('erasure.list.title')}
        frame="outlined"
        columns={[
          t('erasure.certificate.erasedAt'),
          t('erasure.certificate.subjectKind'),
          t('erasure.certificate.request'),
          t('erasure.certificate.ledger'),
          t('erasure.list.confirmed'),
          '',
        ]}
        empty={result.status === 'ready' && !certificates.length && t('erasure.list.none')}
      >
        {certificates.map(({ id, certificate: c }) => {
          const confirmed = c.devices.filter((d) => d.confirmedAt !== null).length;
          return (
            <TableRow key={id} selected={shown === id}>
              <TableCell>{formatTime(c.erasedAt, language)}</TableCell>
              <TableCell>{kindLabel(t, c.subjectKind)}</TableCell>
              <TableCell>
                {inRegister.has(c.requestId) ? (
                  <Link href={formatRoute({ name: 'request', id: c.requestId })}>
                    {t('erasure.list.requestOf', { date: formatDay(inRegister.get(c.requestId)!, language) })}
                  </Link>
                ) : (
                  t('erasure.list.noRequest')
                )}
              </TableCell>
              <TableCell>{t(`erasure.list.ledger.${c.ledger}`)}</TableCell>
              <TableCell>{t('erasure.list.devices', { confirmed, count: c.devices.length })}</TableCell>
              <TableCell align="right">
                <Button
                  size="small"
                  aria-pressed={shown === id}
                  aria-label={t('erasure.list.showNamed', { date: formatTime(c.erasedAt, language) })}
                  onClick={() => setShown(shown === id ? null : id)}
                >
                  {t(shown === id ? 'erasure.list.hide' : 'erasure.list.show')}
                </Button>
              </TableCell>
            </TableRow>
          );
        })}
      </DataTable>
      {shown && <ErasureCertificateView key={shown} certificateId={shown} />}
    </Stack>
  );
}
