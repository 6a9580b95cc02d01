// The person form: identity, then the details every subject has (contact, address, tags and notes,
// source of the data, GDPR Art. 14). Errors from the repository appear next to their fields.
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import { useTranslation } from 'react-i18next';
import { FormSection } from '../../../ui/FormSection';
import { CustomFieldInputs } from '../../lifecycle/components/CustomFieldInputs';
import { WhyWeHoldThis } from '../../lifecycle/components/WhyWeHoldThis';
import type { SubjectFormProps } from '../../subjects/components/SubjectEditor';
import { SubjectDetailsSections } from '../../subjects/components/SubjectDetailsSections';
import { SubjectForm } from '../../subjects/components/SubjectForm';
import { LockableField } from '../../subjects/components/LockableField';
import { useSubjectForm } from '../../subjects/hooks/useSubjectForm';
import type { PersonDraft } from '../person-draft';
import { OrganisationField } from '../../../kit/OrganisationField';

interface Props extends SubjectFormProps<PersonDraft> {
  readonly tagSuggestions: readonly string[];
}

export function PersonForm({ initial, header, tagSuggestions, ...options }: Props) {
  const { t } = useTranslation();
  const { draft, set, text, errorCount, formRef, submit, details } = useSubjectForm({
    initial,
    ...options,
  });

  return (
    <SubjectForm
      label={t('people.form.label')}
      formRef={formRef}
      onSubmit={submit}
      header={header(draft)}
      errorCount={errorCount}
    >
      <FormSection title={t('people.form.identity')} icon={<BadgeOutlinedIcon />}>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
          <TextField
            label={t('fields.givenName')}
            autoFocus={!initial.givenName && !initial.familyName}
            {...text('givenName')}
          />
          <TextField label={t('fields.familyName')} {...text('familyName')} />
          <TextField label={t('fields.jobTitle')} {...text('jobTitle')} />
          <LockableField locked={options.locked?.('organisationId') ?? false}>
            <OrganisationField value={draft.organisationId} onChange={set('organisationId')} />
          </LockableField>
        </Box>
        <CustomFieldInputs kind="person" values={draft.custom} onChange={set('custom')} />
      </FormSection>
      <SubjectDetailsSections {...details} tagSuggestions={tagSuggestions} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }}>
          {t('people.form.encrypted')}
        </Typography>
        <WhyWeHoldThis kind="person" />
      </Box>
    </SubjectForm>
  );
}
