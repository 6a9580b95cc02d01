// Confirms a retention decision that cannot be undone (anonymise, erase, keep only the suppression
// entry) for one review or many, and shows progress while a bulk decision runs.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

export type FinalAction = 'anonymise' | 'erase' | 'suppress';

interface Props {
  readonly action: FinalAction | null;
  readonly count: number;
  /** Progress of a running decision, or null before it starts. */
  readonly progress: { done: number; total: number } | null;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}

export function DecisionDialog({ action, count, progress, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const busy = progress !== null;
  return (
    <Dialog
      open={action !== null}
      onClose={busy ? undefined : onClose}
      aria-labelledby="decision-title"
      maxWidth="sm"
    >
      <DialogTitle id="decision-title">
        {action ? t(`retention.confirm.${action}Title`, { count }) : ''}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>{action ? t(`retention.confirm.${action}Text`) : ''}</DialogContentText>
        {progress && (
          <>
            <LinearProgress
              variant="determinate"
              value={progress.total ? (100 * progress.done) / progress.total : 0}
              sx={{ mt: 2 }}
              aria-label={t('retention.progress')}
            />
            <Typography variant="caption" color="text.secondary">
              {t('retention.progressCount', { done: progress.done, total: progress.total })}
            </Typography>
          </>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy} autoFocus>
          {t('retention.cancel')}
        </Button>
        <Button color="error" variant="contained" onClick={onConfirm} disabled={busy}>
          {action ? t(`retention.actions.${action}`) : ''}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
