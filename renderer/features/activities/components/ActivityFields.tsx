// The fields of an activity, shown by type: a call has a duration and a direction, a purchase an amount.
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { DateField } from '../../../ui/forms/DateField';
import { useTranslation } from 'react-i18next';
import { DIRECTED_TYPES, TIMED_TYPES } from '../../../../shared/activities';
import type { ActivityDraft } from '../activity-draft';
import { ParticipantsField } from './ParticipantsField';

interface Props {
  readonly draft: ActivityDraft;
  readonly onChange: (change: Partial<ActivityDraft>) => void;
  readonly errorText: (path: string) => string | undefined;
  readonly autoFocus?: boolean;
}

export function ActivityFields({ draft, onChange, errorText, autoFocus }: Props) {
  const { t } = useTranslation();
  const error = (path: string) => ({ error: !!errorText(path), helperText: errorText(path) });
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(6, 1fr)' } }}>
      <TextField
        label={t('activities.fields.title')}
        value={draft.title}
        onChange={(e) => onChange({ title: e.target.value })}
        autoFocus={autoFocus}
        sx={{ gridColumn: { sm: 'span 6' } }}
        {...error('title')}
      />
      <DateField
        label={t('activities.fields.when')}
        type="datetime-local"
        value={draft.when}
        onChange={(when) => onChange({ when })}
        sx={{ gridColumn: { sm: 'span 2' } }}
        {...error('occurredAt')}
      />
      {TIMED_TYPES.includes(draft.type) && (
        <TextField
          label={t('activities.fields.duration')}
          type="number"
          value={draft.duration}
          onChange={(e) => onChange({ duration: e.target.value })}
          slotProps={{ htmlInput: { min: 0, step: 5 } }}
          sx={{ gridColumn: { sm: 'span 2' } }}
          {...error('durationMinutes')}
        />
      )}
      {DIRECTED_TYPES.includes(draft.type) && (
        <TextField
          select
          label={t('activities.fields.direction')}
          value={draft.direction}
          onChange={(e) => onChange({ direction: e.target.value as ActivityDraft['direction'] })}
          sx={{ gridColumn: { sm: 'span 2' } }}
        >
          <MenuItem value="">{t('activities.direction.none')}</MenuItem>
          <MenuItem value="in">{t('activities.direction.in')}</MenuItem>
          <MenuItem value="out">{t('activities.direction.out')}</MenuItem>
        </TextField>
      )}
      {draft.type === 'purchase' && (
        <>
          <TextField
            label={t('activities.fields.product')}
            value={draft.product}
            onChange={(e) => onChange({ product: e.target.value })}
            sx={{ gridColumn: { sm: 'span 2' } }}
            {...error('purchase.product')}
          />
          <TextField
            label={t('activities.fields.amount')}
            value={draft.amount}
            onChange={(e) => onChange({ amount: e.target.value })}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            sx={{ gridColumn: { sm: 'span 1' } }}
            {...error('purchase.amount')}
          />
          <TextField
            label={t('activities.fields.currency')}
            value={draft.currency}
            onChange={(e) => onChange({ currency: e.target.value.toUpperCase() })}
            slotProps={{ htmlInput: { maxLength: 3 } }}
            sx={{ gridColumn: { sm: 'span 1' } }}
            {...error('purchase.currency')}
          />
        </>
      )}
      {draft.type !== 'purchase' && (
        <Box sx={{ gridColumn: { sm: 'span 6' } }}>
          <ParticipantsField
            value={draft.participantIds}
            onChange={(participantIds) => onChange({ participantIds })}
          />
        </Box>
      )}
      <TextField
        label={t('activities.fields.body')}
        value={draft.body}
        onChange={(e) => onChange({ body: e.target.value })}
        multiline
        minRows={2}
        maxRows={12}
        sx={{ gridColumn: { sm: 'span 6' } }}
        {...error('body')}
      />
    </Box>
  );
}
