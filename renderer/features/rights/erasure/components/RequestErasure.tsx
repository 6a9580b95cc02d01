// The erasure on an erasure request's page: held back until the person's identity is verified, then the
// erasure panel; once erased, the certificate — linked to the request by the erasure itself, so it is
// there after a reload and stays there, with the other devices' confirmations as they come in.
import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import { isOpen, type SubjectRequest } from '../../../../../shared/requests';
import { ErasureCertificateView } from './ErasureCertificateView';
import { ErasurePanel } from './ErasurePanel';

export function RequestErasure({ request }: { readonly request: SubjectRequest }) {
  const { t } = useTranslation();
  const { subjectId, links, status, verification } = request.data;
  if (links.erasureCertificateId)
    return <ErasureCertificateView certificateId={links.erasureCertificateId} />;
  if (!subjectId) return <Alert severity="info">{t('rights.action.unmatched')}</Alert>;
  if (!isOpen(status)) return null;
  if (!verification)
    return (
      <Alert severity="info" role="note" data-testid="identity-gate">
        {t('rights.gate.erasure')}
      </Alert>
    );
  return <ErasurePanel subjectId={subjectId} requestId={request.id} />;
}
