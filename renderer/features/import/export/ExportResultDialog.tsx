// What a gated list export did: the file saved (or that nobody could be written), and who was left out,
// grouped by the gate's reason with their names — on screen only, never in the file or the audit trail.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ListExportResult, ListKind } from '../../../../shared/list-export';
import { useWorkspace } from '../../../kit/workspace';
import { ExclusionGroups } from '../../consent/components/ExclusionGroups';

interface Props {
  readonly kind: ListKind;
  readonly result: ListExportResult;
  readonly onClose: () => void;
}

export function ExportResultDialog({ kind, result, onClose }: Props) {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  const excluded = result.excluded.map(({ id, reason }) => ({ personId: id, reason }));
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="export-result-title">
      <DialogTitle id="export-result-title">{t('import.export.resultTitle')}</DialogTitle>
      <DialogContent>
        <Typography role="status" sx={{ fontWeight: 600 }}>
          {result.savedAs
            ? t('import.export.savedAs', { count: result.eligible.length, name: result.savedAs })
            : t('import.export.nothingSaved')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {t('import.export.excluded', { count: result.excluded.length })} {t('import.export.audited')}
        </Typography>
        <ExclusionGroups excluded={excluded} directory={directory} kind={kind} />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button variant="contained" onClick={onClose}>
          {t('import.export.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
