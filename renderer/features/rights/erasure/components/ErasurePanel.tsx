// Erasing one person or organisation (Art. 17), as an erasure request asks: what will be erased, what
// must be kept under an Art. 17(3) exception, a typed confirmation, the progress, and then the certificate.
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { eraseSubject, type ErasureStep } from '../../../../../shared/erasure';
import { certificateIdFor } from '../../../../../shared/erasure';
import { ValidationError } from '../../../../../shared/store';
import { notify } from '../../../../kit/notification-store';
import { useSyncStore } from '../../../sync/stores/sync-store';
import { useWorkspace } from '../../../../kit/workspace';
import { useErasurePreview } from '../hooks/useErasurePreview';
import { ErasureCertificateView } from './ErasureCertificateView';
import { KeepItems, type KeepChoice } from './KeepItems';
import { KindCountRows } from './KindCountRows';

export interface ErasurePanelProps {
  readonly subjectId: string;
  /** The request register's id of the erasure request this answers. */
  readonly requestId: string;
  /** Offered after the erasure, beside its certificate (in a dialog: closes it); none on a request page. */
  readonly onClose?: () => void;
  /** Offered before the erasure starts (in a dialog: closes it); none on a request page. */
  readonly onCancel?: () => void;
}

type Phase =
  | { readonly name: 'form' }
  | { readonly name: 'running'; readonly step: ErasureStep }
  | { readonly name: 'done'; readonly certificateId: string };

const NO_KEEP: KeepChoice = { itemIds: [], exception: 'legal-obligation', note: '', retainUntil: '' };

export function ErasurePanel({ subjectId, requestId, onClose, onCancel }: ErasurePanelProps) {
  const { t } = useTranslation();
  const { workspace: session, actor } = useWorkspace();
  const ledger = useSyncStore((s) => s.erasures);
  const preview = useErasurePreview(subjectId);
  const [keep, setKeep] = useState<KeepChoice>(NO_KEEP);
  const [typed, setTyped] = useState('');
  const [phase, setPhase] = useState<Phase>({ name: 'form' });
  const [error, setError] = useState<string | null>(null);
  const [noteMissing, setNoteMissing] = useState(false);
  const word = t('erasure.confirmWord');

  if (phase.name === 'done')
    return (
      <Stack spacing={2}>
        <Alert severity="success">{t('erasure.done')}</Alert>
        <ErasureCertificateView certificateId={phase.certificateId} />
        {onClose && (
          <Stack direction="row">
            <Button variant="contained" onClick={onClose}>
              {t('erasure.close')}
            </Button>
          </Stack>
        )}
      </Stack>
    );
  if (preview.status === 'loading')
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <CircularProgress size={20} />
        <Typography>{t('erasure.loading')}</Typography>
      </Stack>
    );
  if (preview.status === 'erased')
    return (
      <Stack spacing={2}>
        <Alert severity="info">{t('erasure.alreadyErased')}</Alert>
        <ErasureCertificateView certificateId={certificateIdFor(subjectId)} />
      </Stack>
    );
  if (preview.status === 'missing') return <Alert severity="info">{t('erasure.missing')}</Alert>;
  if (preview.status === 'failed')
    return (
      <Alert severity="error" role="alert">
        {t('erasure.loadFailed')}
      </Alert>
    );

  const running = phase.name === 'running';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim().toUpperCase() !== word.toUpperCase()) return;
    if (keep.itemIds.length && !keep.note.trim()) return setNoteMissing(true);
    setNoteMissing(false);
    setError(null);
    setPhase({ name: 'running', step: 'checking' });
    try {
      const certificate = await eraseSubject(session, actor, {
        subjectId,
        requestId,
        ledger,
        keep: keep.itemIds.length
          ? [
              {
                itemIds: [...keep.itemIds],
                exception: keep.exception,
                note: keep.note.trim(),
                ...(keep.retainUntil ? { retainUntil: keep.retainUntil } : {}),
              },
            ]
          : [],
        onProgress: (p) => setPhase({ name: 'running', step: p.step }),
      });
      notify(t('erasure.done'));
      // The erasure schedules a page-key rotation; an admin's device starts it now, in the background.
      void useSyncStore.getState().checkKeys();
      setPhase({ name: 'done', certificateId: certificateIdFor(certificate.subjectId) });
    } catch (caught) {
      setPhase({ name: 'form' });
      setError(
        caught instanceof ValidationError
          ? t('erasure.invalidKeep', {
              details: caught.issues.map((i) => `${i.path} (${i.code})`).join(', '),
            })
          : t('erasure.failed'),
      );
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('erasure.panelTitle')}>
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          {t('erasure.panelTitle')}
        </Typography>
        <Typography variant="subtitle2" component="h3">
          {t('erasure.willErase')}
        </Typography>
        <Table size="small" aria-label={t('erasure.willErase')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('erasure.kindColumn')}</TableCell>
              <TableCell align="right">{t('erasure.countColumn')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            <KindCountRows counts={preview.counts} />
          </TableBody>
        </Table>
        <KeepItems
          items={preview.items}
          value={keep}
          onChange={setKeep}
          disabled={running}
          noteMissing={noteMissing}
        />
        <Typography variant="subtitle2" component="h3">
          {t('erasure.confirmTitle')}
        </Typography>
        <Alert severity="warning">{t('erasure.confirmBody', { word })}</Alert>
        <TextField
          label={t('erasure.confirmLabel', { word })}
          value={typed}
          disabled={running}
          autoComplete="off"
          onChange={(e) => setTyped(e.target.value)}
        />
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        {running && (
          <Stack spacing={1} role="status">
            <LinearProgress />
            <Typography variant="body2">{t(`erasure.steps.${phase.step}`)}</Typography>
          </Stack>
        )}
        <Stack direction="row" spacing={1}>
          <Button
            type="submit"
            variant="contained"
            color="error"
            disabled={running || typed.trim().toUpperCase() !== word.toUpperCase()}
          >
            {t('erasure.erase')}
          </Button>
          {onCancel && (
            <Button onClick={onCancel} disabled={running}>
              {t('erasure.cancel')}
            </Button>
          )}
        </Stack>
      </Stack>
    </form>
  );
}
