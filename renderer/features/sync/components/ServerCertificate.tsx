// The server certificate that devices joining the organisation pin: its SHA-256 fingerprint as the server
// printed it at start (so the admin can compare the two), where it came from and until when it is valid.
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateState } from '../hooks/useServerCertificate';
import { useFormat } from '../../../kit/useFormat';

export function ServerCertificate({ certificate }: { readonly certificate: CertificateState }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  if (certificate.status === 'loading') return null;
  const info = certificate.status === 'ready' ? certificate.info : null;
  return (
    <Stack spacing={1} component="section" aria-labelledby={headingId}>
      <Typography variant="h3" id={headingId} sx={{ fontSize: '1rem', fontWeight: 600 }}>
        {t('sync.admin.certificate.title')}
      </Typography>
      {!info ? (
        <Alert severity="warning" role="note">
          {t('sync.admin.certificate.error')}
        </Alert>
      ) : !info.tls || !info.fingerprint256 ? (
        <Alert severity="warning" role="note">
          {t('sync.admin.certificate.none')}
        </Alert>
      ) : (
        <>
          <Typography variant="body2">{t('sync.admin.certificate.fingerprint')}</Typography>
          <Typography
            variant="body2"
            data-testid="server-fingerprint"
            sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
          >
            {info.fingerprint256}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t(
              info.source === 'configured'
                ? 'sync.admin.certificate.configured'
                : 'sync.admin.certificate.generated',
            )}{' '}
            {info.validTo &&
              t('sync.admin.certificate.validTo', {
                date: format.date(info.validTo, 'long'),
              })}
          </Typography>
        </>
      )}
    </Stack>
  );
}
