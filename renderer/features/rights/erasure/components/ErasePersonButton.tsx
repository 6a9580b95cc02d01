// "Erase this person…" on a person's Privacy tab, for administrators: the erasure panel in a dialog,
// answering a request recorded with this id only (the request register links its own requests).
import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { mayManageOrganisation } from '../../../../../shared/sync';
import { newId } from '../../../../../shared/crypto';
import { navigate } from '../../../../kit/routing';
import { useCurrentUser } from '../../../../kit/useCurrentUser';
import { ErasurePanel } from './ErasurePanel';

export function ErasePersonButton({ personId }: { readonly personId: string }) {
  const { t } = useTranslation();
  const { role } = useCurrentUser();
  const [requestId, setRequestId] = useState<string | null>(null);
  if (!mayManageOrganisation(role)) return null;
  return (
    <Stack spacing={1} sx={{ maxWidth: 720, pt: 2, borderTop: 1, borderColor: 'divider' }}>
      <Typography variant="body2" color="text.secondary">
        {t('erasure.erasePersonHint')}
      </Typography>
      <Stack direction="row">
        <Button color="error" variant="outlined" onClick={() => setRequestId(`direct-${newId()}`)}>
          {t('erasure.erasePerson')}
        </Button>
      </Stack>
      {requestId && (
        <Dialog open maxWidth="md" fullWidth slotProps={{ paper: { 'aria-label': t('erasure.panelTitle') } }}>
          <DialogContent>
            <ErasurePanel
              subjectId={personId}
              requestId={requestId}
              onCancel={() => setRequestId(null)}
              onClose={() => {
                setRequestId(null);
                navigate({ name: 'people' });
              }}
            />
          </DialogContent>
        </Dialog>
      )}
    </Stack>
  );
}
