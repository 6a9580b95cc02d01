// The quick "log a call / meeting / note" form at the top of a timeline: pick a type, fill in, save.
import { useRef, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_TYPES, type ActivityType } from '../../../../shared/activities';
import { SubmitButton } from '../../../ui/SubmitButton';
import { useErrorText } from '../../../ui/forms/useErrorText';
import { newActivityDraft, type ActivityDraft } from '../activity-draft';
import { useActivityForm } from '../hooks/useActivityForm';
import { ActivityFields } from './ActivityFields';
import { ActivityIcon } from './ActivityIcon';

interface Props {
  readonly type: ActivityType;
  readonly onSave: (draft: ActivityDraft) => Promise<unknown>;
  readonly onClose: () => void;
}

export function LogActivityForm({ type, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const form = useActivityForm(newActivityDraft(type));
  const errorText = useErrorText(form.errors);
  const formRef = useRef<HTMLFormElement>(null);
  const { change } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await form.save(onSave)) onClose();
    else formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  };

  return (
    <Box
      component="form"
      ref={formRef}
      noValidate
      onSubmit={(e: FormEvent) => void submit(e)}
      aria-label={t('activities.log.form')}
      sx={{ display: 'grid', gap: 2, p: 2, mb: 2, border: 1, borderColor: 'divider', borderRadius: 2 }}
    >
      <ToggleButtonGroup
        exclusive
        size="small"
        value={form.draft.type}
        onChange={(_, value: ActivityType | null) =>
          value && change({ type: value, direction: value === 'call' ? 'out' : '' })
        }
        aria-label={t('activities.fields.type')}
      >
        {ACTIVITY_TYPES.map((value) => (
          <ToggleButton key={value} value={value} sx={{ gap: 0.75, textTransform: 'none' }}>
            <ActivityIcon type={value} />
            {t(`activities.types.${value}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <ActivityFields draft={form.draft} onChange={change} errorText={errorText} autoFocus />
      {form.failed && <Alert severity="error">{t('activities.saveFailed')}</Alert>}
      <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <SubmitButton busy={form.busy}>{t('activities.log.save')}</SubmitButton>
      </Box>
    </Box>
  );
}
