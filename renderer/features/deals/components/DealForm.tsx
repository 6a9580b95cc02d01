// The deal's fields: what, with whom, where in the pipeline, how much and when, and — for a won or lost
// stage — why.
import type { FormEvent } from 'react';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { DateField } from '../../../ui/forms/DateField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { findStage, type Pipeline } from '../../../../shared/deals';
import { FormSection } from '../../../ui/FormSection';
import { SubmitButton } from '../../../ui/SubmitButton';
import { OrganisationField } from '../../../kit/OrganisationField';
import type { DealDraft, DealErrors } from '../deal-draft';
import { useUserLabel } from '../hooks/useUserLabel';
import { PersonField } from '../../../kit/PersonField';
import { SelectField } from '../../../ui/forms/SelectField';
import { useFormat } from '../../../kit/useFormat';
import { UnsavedChangesBar } from '../../../kit/UnsavedChanges';

interface Props {
  readonly draft: DealDraft;
  readonly onChange: (draft: DealDraft) => void;
  readonly errors: DealErrors;
  readonly pipeline: Pipeline;
  readonly closedAt: number | null;
  readonly busy: boolean;
  readonly onSubmit: () => void;
  /** The draft differs from what is stored: the form says so, with Discard and Save. */
  readonly dirty: boolean;
  readonly onDiscard: () => void;
}

export function DealForm({
  draft,
  onChange,
  errors,
  pipeline,
  closedAt,
  busy,
  onSubmit,
  dirty,
  onDiscard,
}: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const userLabel = useUserLabel();
  const stage = findStage(pipeline, draft.stageId);
  const set = <K extends keyof DealDraft>(key: K, value: DealDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const error = (field: keyof DealErrors) =>
    errors[field] ? { error: true, helperText: t(errors[field] as 'deals.errors.save') } : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const grid = { display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } } as const;
  return (
    <Box
      component="form"
      onSubmit={submit}
      noValidate
      sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 900 }}
    >
      <FormSection title={t('deals.page.details')}>
        <Box sx={grid}>
          <TextField
            label={t('deals.fields.title')}
            value={draft.title}
            required
            onChange={(e) => set('title', e.target.value)}
            {...error('title')}
            sx={{ gridColumn: '1 / -1' }}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
          <OrganisationField value={draft.organisationId} onChange={(id) => set('organisationId', id)} />
          <PersonField
            label={t('deals.fields.person')}
            value={draft.personId}
            organisationId={draft.organisationId}
            onChange={(id) => set('personId', id)}
          />
          {errors.subject && (
            <Typography color="error" variant="body2" role="alert" sx={{ gridColumn: '1 / -1' }}>
              {t('deals.errors.subject')}
            </Typography>
          )}
          <SelectField
            label={t('deals.fields.stage')}
            value={stage ? draft.stageId : ''}
            onChange={(id) => set('stageId', id)}
            options={pipeline.stages.map((s) => s.id)}
            labelOf={(id) => pipeline.stages.find((s) => s.id === id)?.name}
          />
          <TextField
            select
            label={t('deals.fields.owner')}
            value={draft.ownerId}
            onChange={(e) => set('ownerId', e.target.value)}
          >
            <MenuItem value={draft.ownerId}>{userLabel(draft.ownerId)}</MenuItem>
          </TextField>
          <Box sx={{ display: 'flex', gap: 2 }}>
            <TextField
              label={t('deals.fields.value')}
              value={draft.value}
              onChange={(e) => set('value', e.target.value)}
              {...error('value')}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              sx={{ flex: 1 }}
            />
            <TextField
              label={t('deals.fields.currency')}
              value={draft.currency}
              onChange={(e) => set('currency', e.target.value.toUpperCase())}
              {...error('currency')}
              helperText={errors.currency ? t('deals.errors.currency') : t('deals.fields.currencyHelp')}
              slotProps={{ htmlInput: { maxLength: 3 } }}
              sx={{ width: 140 }}
            />
          </Box>
          <TextField
            label={t('deals.fields.probability')}
            value={draft.probability}
            onChange={(e) => set('probability', e.target.value)}
            {...error('probability')}
            helperText={
              errors.probability
                ? t('deals.errors.probability')
                : t('deals.fields.probabilityHelp', { value: stage?.probability ?? 0 })
            }
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
          <DateField
            label={t('deals.fields.expectedCloseDate')}
            value={draft.expectedCloseDate}
            onChange={(day) => set('expectedCloseDate', day)}
          />
          <TextField
            label={t('deals.fields.notes')}
            value={draft.notes}
            multiline
            minRows={3}
            onChange={(e) => set('notes', e.target.value)}
            sx={{ gridColumn: '1 / -1' }}
          />
        </Box>
      </FormSection>
      {stage && stage.kind !== 'open' && (
        <FormSection
          title={t('deals.page.closing')}
          description={closedAt ? t('deals.fields.closedAt', { date: format.date(closedAt) }) : undefined}
        >
          <TextField
            fullWidth
            multiline
            minRows={2}
            required
            label={t('deals.fields.reason')}
            value={draft.reason}
            onChange={(e) => set('reason', e.target.value)}
            {...error('reason')}
            helperText={
              errors.reason
                ? t('deals.errors.reason')
                : t(stage.kind === 'won' ? 'deals.close.wonHelp' : 'deals.close.lostHelp')
            }
          />
        </FormSection>
      )}
      <Box>
        <SubmitButton busy={busy}>{t('common.save')}</SubmitButton>
      </Box>
      {dirty && <UnsavedChangesBar onDiscard={onDiscard} busy={busy} />}
    </Box>
  );
}
