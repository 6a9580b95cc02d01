// Editing one's own timeline entry in a dialog; an email keeps its headers.
import { type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../../shared/activities';
import { SubmitButton } from '../../../ui/SubmitButton';
import { useErrorText } from '../../../ui/forms/useErrorText';
import { activityToDraft, type ActivityDraft } from '../activity-draft';
import { useActivityForm } from '../hooks/useActivityForm';
import { ActivityFields } from './ActivityFields';

interface Props {
  readonly activity: Activity;
  readonly onSave: (draft: ActivityDraft) => Promise<unknown>;
  readonly onClose: () => void;
}

export function EditActivityDialog({ activity, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const form = useActivityForm(activityToDraft(activity.data));
  const errorText = useErrorText(form.errors);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await form.save(onSave)) onClose();
  };
  return (
    <Dialog
      open
      onClose={form.busy ? undefined : onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="edit-activity-title"
    >
      <Box component="form" noValidate onSubmit={(e: FormEvent) => void submit(e)}>
        <DialogTitle id="edit-activity-title">
          {t('activities.editTitle', { type: t(`activities.types.${activity.data.type}`) })}
        </DialogTitle>
        <DialogContent sx={{ pt: '8px !important' }}>
          <ActivityFields draft={form.draft} onChange={form.change} errorText={errorText} autoFocus />
          {form.failed && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {t('activities.saveFailed')}
            </Alert>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={form.busy}>
            {t('common.cancel')}
          </Button>
          <SubmitButton busy={form.busy}>{t('common.save')}</SubmitButton>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
