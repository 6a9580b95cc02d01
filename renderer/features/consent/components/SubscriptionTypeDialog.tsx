// Adds or edits a subscription type: its name and description in both languages, the purpose it serves,
// and whether subscribing needs the person's confirmation (double opt-in).
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { saveSubscriptionType, type SubscriptionTypePayload } from '../../../../shared/consent';
import { ValidationError } from '../../../../shared/store';
import type { Setting } from '../../../../shared/store';
import { notify } from '../../../kit/notification-store';
import { SubmitButton } from '../../../ui/SubmitButton';
import { useWorkspace } from '../../../kit/workspace';
import { useLocalized } from '../hooks/useLocalized';
import { type PurposePayload } from '../../../../shared/purposes';

interface Props {
  readonly type: Setting<SubscriptionTypePayload> | null;
  readonly purposes: readonly Setting<PurposePayload>[];
  readonly onClose: () => void;
}

export function SubscriptionTypeDialog({ type, purposes, onClose }: Props) {
  const { t } = useTranslation();
  const { workspace: session, actor } = useWorkspace();
  const localized = useLocalized();
  const [draft, setDraft] = useState<SubscriptionTypePayload>(
    type?.data ?? {
      name: { en: '', nl: '' },
      description: { en: '', nl: '' },
      purposeId: purposes.find((p) => p.data.lawfulBasis === 'consent')?.id ?? purposes[0]?.id ?? '',
      doubleOptIn: true,
      active: true,
    },
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await saveSubscriptionType(session, actor, { id: type?.id ?? null, input: draft });
      notify(t('consent.subscriptionTypes.saved'));
      onClose();
    } catch (failure) {
      setError(
        t(failure instanceof ValidationError ? 'consent.subscriptionTypes.invalid' : 'consent.actionFailed'),
      );
    } finally {
      setBusy(false);
    }
  };
  const pair = (field: 'name' | 'description') => (
    <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
      {(['en', 'nl'] as const).map((lang) => (
        <TextField
          key={lang}
          label={`${t(`consent.subscriptionTypes.${field}`)} (${t(`consent.purposeForm.language.${lang}`)})`}
          value={draft[field][lang]}
          onChange={(e) => setDraft({ ...draft, [field]: { ...draft[field], [lang]: e.target.value } })}
          multiline={field === 'description'}
        />
      ))}
    </Box>
  );
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      aria-labelledby="subscription-type-title"
      maxWidth="sm"
      fullWidth
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="subscription-type-title">
          {t(type ? 'consent.subscriptionTypes.editTitle' : 'consent.subscriptionTypes.newTitle')}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            {pair('name')}
            {pair('description')}
            <TextField
              select
              label={t('consent.subscriptionTypes.purpose')}
              value={draft.purposeId}
              onChange={(e) => setDraft({ ...draft, purposeId: e.target.value })}
            >
              {purposes.map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {localized(p.data.name)}
                </MenuItem>
              ))}
            </TextField>
            <FormControlLabel
              control={
                <Switch
                  checked={draft.doubleOptIn}
                  onChange={(e) => setDraft({ ...draft, doubleOptIn: e.target.checked })}
                />
              }
              label={t('consent.subscriptionTypes.doubleOptInLabel')}
            />
            <FormControlLabel
              control={
                <Switch
                  checked={draft.active}
                  onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
                />
              }
              label={t('consent.subscriptionTypes.active')}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <SubmitButton busy={busy}>{t('common.save')}</SubmitButton>
        </DialogActions>
      </form>
    </Dialog>
  );
}
