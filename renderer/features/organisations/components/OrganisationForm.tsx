// The organisation form: name, website and registration number (KvK), then the details every subject
// has (contact, address, tags and notes, source of the data). A sole trader's name is personal data, so
// it is treated as such.
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import ApartmentOutlinedIcon from '@mui/icons-material/ApartmentOutlined';
import { useTranslation } from 'react-i18next';
import { FormSection } from '../../../ui/FormSection';
import type { SubjectFormProps } from '../../subjects/components/SubjectEditor';
import { CustomFieldInputs } from '../../lifecycle/components/CustomFieldInputs';
import { WhyWeHoldThis } from '../../lifecycle/components/WhyWeHoldThis';
import { SubjectDetailsSections } from '../../subjects/components/SubjectDetailsSections';
import { SubjectForm } from '../../subjects/components/SubjectForm';
import { useSubjectForm } from '../../subjects/hooks/useSubjectForm';
import type { OrganisationDraft } from '../organisation-draft';

interface Props extends SubjectFormProps<OrganisationDraft> {
  readonly tagSuggestions: readonly string[];
  /** Shown after the form's sections, e.g. the organisation's people. */
  readonly children?: ReactNode;
}

export function OrganisationForm({ initial, header, tagSuggestions, children, ...options }: Props) {
  const { t } = useTranslation();
  const { draft, set, text, errorCount, formRef, submit, details } = useSubjectForm({
    initial,
    ...options,
  });

  return (
    <SubjectForm
      label={t('organisations.form.label')}
      formRef={formRef}
      onSubmit={submit}
      header={header(draft)}
      errorCount={errorCount}
    >
      <FormSection title={t('organisations.form.details')} icon={<ApartmentOutlinedIcon />}>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
          <TextField
            label={t('fields.organisationName')}
            required
            autoFocus={!initial.name}
            {...text('name')}
          />
          <TextField
            label={t('fields.website')}
            {...text('website')}
            slotProps={{ htmlInput: { inputMode: 'url' } }}
          />
          <TextField label={t('fields.registrationNumber')} {...text('registrationNumber')} />
        </Box>
        <CustomFieldInputs kind="organisation" values={draft.custom} onChange={set('custom')} />
      </FormSection>
      <SubjectDetailsSections {...details} tagSuggestions={tagSuggestions} />
      {children}
      <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
        <WhyWeHoldThis kind="organisation" />
      </Box>
    </SubjectForm>
  );
}
