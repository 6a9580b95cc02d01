// The person form: identity, then the details every subject has (contact, address, tags and notes,
// source of the data, GDPR Art. 14). Errors from the repository appear next to their fields.
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import { useTranslation } from 'react-i18next';
import type { SubjectFormProps } from '../../subjects/components/SubjectEditor';
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
  const form = useSubjectForm({ initial, ...options });
  const { draft, set, text } = form;

  return (
    <SubjectForm
      kind="person"
      label={t('people.form.label')}
      form={form}
      header={header(draft)}
      title={t('people.form.identity')}
      icon={<BadgeOutlinedIcon />}
      tagSuggestions={tagSuggestions}
      note={
        <Typography variant="caption" color="text.secondary">
          {t('people.form.encrypted')}
        </Typography>
      }
    >
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
    </SubjectForm>
  );
}
