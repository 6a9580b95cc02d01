// A case's details: subject line, description, who it is for, priority, status and assignee.
import type { FormEvent } from 'react';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { CASE_PRIORITIES, CASE_STATUSES } from '../../../../shared/cases';
import { FormSection } from '../../../ui/FormSection';
import { SubmitButton } from '../../../ui/SubmitButton';
import { PersonField } from '../../../kit/PersonField';
import { OrganisationField } from '../../../kit/OrganisationField';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import type { CaseDraft, CaseErrors } from '../case-draft';
import { useAssigneeLabel } from '../hooks/useCaseLabels';
import { SelectField } from '../../../ui/forms/SelectField';
import { UnsavedChangesBar } from '../../../kit/UnsavedChanges';

interface Props {
  readonly draft: CaseDraft;
  readonly onChange: (draft: CaseDraft) => void;
  readonly errors: CaseErrors;
  readonly busy: boolean;
  readonly showStatus: boolean;
  readonly onSubmit: () => void;
  /** The draft differs from what is stored: the form says so, with Discard and Save. */
  readonly dirty: boolean;
  readonly onDiscard: () => void;
}

const UNASSIGNED = '-';

export function CaseForm({ draft, onChange, errors, busy, showStatus, onSubmit, dirty, onDiscard }: Props) {
  const { t } = useTranslation();
  const { userId } = useCurrentUser();
  const assigneeLabel = useAssigneeLabel();
  const set = <K extends keyof CaseDraft>(key: K, value: CaseDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const assignees = [...new Set([userId, ...(draft.assigneeId ? [draft.assigneeId] : [])])];
  return (
    <Box component="form" onSubmit={submit} noValidate>
      <FormSection title={t('cases.page.details')}>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
          <TextField
            label={t('cases.fields.subject')}
            required
            value={draft.subject}
            onChange={(e) => set('subject', e.target.value)}
            error={!!errors.subject}
            helperText={errors.subject ? t('cases.errors.subject') : undefined}
            slotProps={{ htmlInput: { maxLength: 200 } }}
            sx={{ gridColumn: '1 / -1' }}
          />
          <OrganisationField value={draft.organisationId} onChange={(id) => set('organisationId', id)} />
          <PersonField
            label={t('cases.fields.person')}
            value={draft.personId}
            organisationId={draft.organisationId}
            onChange={(id) => set('personId', id)}
          />
          {errors.link && (
            <Typography color="error" variant="body2" role="alert" sx={{ gridColumn: '1 / -1' }}>
              {t('cases.errors.link')}
            </Typography>
          )}
          <SelectField
            label={t('cases.priority.label')}
            value={draft.priority}
            onChange={(priority) => set('priority', priority)}
            options={CASE_PRIORITIES}
            labelOf={(p) => t(`cases.priority.${p}`)}
          />
          <TextField
            select
            label={t('cases.fields.assignee')}
            value={draft.assigneeId ?? UNASSIGNED}
            onChange={(e) => set('assigneeId', e.target.value === UNASSIGNED ? null : e.target.value)}
          >
            <MenuItem value={UNASSIGNED}>{t('cases.fields.unassigned')}</MenuItem>
            {assignees.map((id) => (
              <MenuItem key={id} value={id}>
                {assigneeLabel(id)}
              </MenuItem>
            ))}
          </TextField>
          {showStatus && (
            <SelectField
              label={t('cases.status.label')}
              value={draft.status}
              onChange={(status) => set('status', status)}
              options={CASE_STATUSES}
              labelOf={(s) => t(`cases.status.${s}`)}
            />
          )}
          <TextField
            label={t('cases.fields.description')}
            multiline
            minRows={3}
            value={draft.description}
            onChange={(e) => set('description', e.target.value)}
            sx={{ gridColumn: '1 / -1' }}
          />
        </Box>
        <Box sx={{ mt: 2 }}>
          <SubmitButton busy={busy}>{t('common.save')}</SubmitButton>
        </Box>
      </FormSection>
      {dirty && <UnsavedChangesBar onDiscard={onDiscard} busy={busy} />}
    </Box>
  );
}
