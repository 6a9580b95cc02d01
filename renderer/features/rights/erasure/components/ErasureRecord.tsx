// What stays at an erased person's (or organisation's) address: that they were erased, when, and the
// erasure certificate, which opens here again at any time. Nothing when no certificate is on file.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import { certificateIdFor, erasureCertificate } from '../../../../../shared/erasure';
import { formatRoute } from '../../../../kit/routing';
import { useCurrentUser } from '../../../../kit/useCurrentUser';
import { useLiveQuery } from '../../../../kit/useLiveQuery';
import { formatTime } from '../certificate-export';
import { ErasureCertificateView } from './ErasureCertificateView';

export function ErasureRecord({ subjectId }: { readonly subjectId: string }) {
  const { role } = useCurrentUser();
  // Certificates are compliance files, which only administrators hold.
  return role === 'admin' ? <AdminErasureRecord subjectId={subjectId} /> : null;
}

function AdminErasureRecord({ subjectId }: { readonly subjectId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('nl') ? 'nl' : 'en';
  const certificateId = certificateIdFor(subjectId);
  const result = useLiveQuery(erasureCertificate, certificateId);
  const [open, setOpen] = useState(false);
  if (result.status !== 'ready' || !result.value) return null;
  return (
    <Stack spacing={2} sx={{ mb: 3 }} component="section" aria-label={t('erasure.record.title')}>
      <Alert
        severity="info"
        data-testid="erasure-record"
        action={
          <Stack direction="row" spacing={1}>
            <Button color="inherit" size="small" aria-expanded={open} onClick={() => setOpen(!open)}>
              {t(open ? 'erasure.record.hide' : 'erasure.record.show')}
            </Button>
            <Button color="inherit" size="small" href={formatRoute({ name: 'privacy', tab: 'erasures' })}>
              {t('erasure.record.all')}
            </Button>
          </Stack>
        }
      >
        <AlertTitle>{t('erasure.record.title')}</AlertTitle>
        {t('erasure.record.body', { date: formatTime(result.value.erasedAt, language) })}
      </Alert>
      {open && <ErasureCertificateView certificateId={certificateId} />}
    </Stack>
  );
}
