// The organisation form: name, website and registration number (KvK), then the details every subject
// has (contact, address, tags and notes, source of the data). A sole trader's name is personal data, so
// it is treated as such.
import type { ReactNode } from 'react';
import TextField from '@mui/material/TextField';
import ApartmentOutlinedIcon from '@mui/icons-material/ApartmentOutlined';
import { useTranslation } from 'react-i18next';
import type { SubjectFormProps } from '../../subjects/components/SubjectEditor';
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
  const form = useSubjectForm({ initial, ...options });
  const { text } = form;

  return (
    <SubjectForm
      kind="organisation"
      label={t('organisations.form.label')}
      form={form}
      header={header(form.draft)}
      title={t('organisations.form.details')}
      icon={<ApartmentOutlinedIcon />}
      tagSuggestions={tagSuggestions}
      after={children}
    >
      <TextField label={t('fields.organisationName')} required autoFocus={!initial.name} {...text('name')} />
      <TextField
        label={t('fields.website')}
        {...text('website')}
        slotProps={{ htmlInput: { inputMode: 'url' } }}
      />
      <TextField label={t('fields.registrationNumber')} {...text('registrationNumber')} />
    </SubjectForm>
  );
}
