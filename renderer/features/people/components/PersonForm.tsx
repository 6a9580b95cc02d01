// The person form: identity, contact details, address, tags and notes, and the source of the data
// (GDPR Art. 14). Errors from the repository appear next to their fields.
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import ContactMailOutlinedIcon from '@mui/icons-material/ContactMailOutlined';
import HomeWorkOutlinedIcon from '@mui/icons-material/HomeWorkOutlined';
import NotesOutlinedIcon from '@mui/icons-material/NotesOutlined';
import SourceOutlinedIcon from '@mui/icons-material/SourceOutlined';
import { useTranslation } from 'react-i18next';
import { AddressFields } from '../../../ui/forms/AddressFields';
import { ContactListField } from '../../../ui/forms/ContactListField';
import { withoutErrorsAt, type FieldErrors } from '../../../ui/forms/field-errors';
import { SourceFields } from '../../../ui/forms/SourceFields';
import { TagsField } from '../../../ui/forms/TagsField';
import { useErrorText } from '../../../ui/forms/useErrorText';
import { FormSection } from '../../../ui/FormSection';
import type { PersonDraft } from '../person-draft';
import { OrganisationField } from './OrganisationField';

interface Props {
  readonly initial: PersonDraft;
  readonly errors: FieldErrors;
  readonly onErrorsChange: (errors: FieldErrors) => void;
  readonly onSubmit: (draft: PersonDraft) => void;
  /** The page header, rendered inside the form so its Save button submits it. */
  readonly header: (draft: PersonDraft) => ReactNode;
  readonly tagSuggestions: readonly string[];
}

export function PersonForm({ initial, errors, onErrorsChange, onSubmit, header, tagSuggestions }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const errorText = useErrorText(errors);
  const form = useRef<HTMLFormElement>(null);
  const errorCount = Object.keys(errors).length;

  useEffect(() => {
    if (errorCount) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors, errorCount]);

  const set =
    <K extends keyof PersonDraft>(key: K, path: string = key) =>
    (value: PersonDraft[K]) => {
      setDraft((d) => ({ ...d, [key]: value }));
      onErrorsChange(withoutErrorsAt(errors, path));
    };
  const text = (key: 'givenName' | 'familyName' | 'jobTitle' | 'notes') => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value),
    error: !!errorText(key),
    helperText: errorText(key),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };
  const contactColumns = useMemo(
    () => ({ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }),
    [],
  );

  return (
    <Box component="form" ref={form} onSubmit={submit} noValidate aria-label={t('people.form.label')}>
      {header(draft)}
      <Stack spacing={2.5} sx={{ maxWidth: 980 }}>
        {errorCount > 0 && (
          <Alert severity="error" role="alert">
            {t('errors.summary', { count: errorCount })}
          </Alert>
        )}
        <FormSection title={t('people.form.identity')} icon={<BadgeOutlinedIcon />}>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
            <TextField
              label={t('fields.givenName')}
              autoFocus={!initial.givenName && !initial.familyName}
              {...text('givenName')}
            />
            <TextField label={t('fields.familyName')} {...text('familyName')} />
            <TextField label={t('fields.jobTitle')} {...text('jobTitle')} />
            <OrganisationField value={draft.organisationId} onChange={set('organisationId')} />
          </Box>
        </FormSection>
        <FormSection title={t('people.form.contact')} icon={<ContactMailOutlinedIcon />}>
          <Box sx={contactColumns}>
            <ContactListField
              kind="email"
              path="emails"
              rows={draft.emails}
              onChange={set('emails')}
              errorText={errorText}
            />
            <ContactListField
              kind="phone"
              path="phones"
              rows={draft.phones}
              onChange={set('phones')}
              errorText={errorText}
            />
          </Box>
        </FormSection>
        <FormSection title={t('fields.address')} icon={<HomeWorkOutlinedIcon />}>
          <AddressFields value={draft.address} onChange={set('address')} errorText={errorText} />
        </FormSection>
        <FormSection title={t('people.form.notes')} icon={<NotesOutlinedIcon />}>
          <Stack spacing={2}>
            <TagsField
              value={draft.tags}
              onChange={set('tags')}
              suggestions={tagSuggestions}
              error={errorText('tags')}
            />
            <TextField label={t('fields.notes')} multiline minRows={3} maxRows={12} {...text('notes')} />
          </Stack>
        </FormSection>
        <FormSection title={t('source.title')} description={t('source.intro')} icon={<SourceOutlinedIcon />}>
          <SourceFields value={draft.source} onChange={set('source')} errorText={errorText} />
        </FormSection>
        <Typography variant="caption" color="text.secondary">
          {t('people.form.encrypted')}
        </Typography>
      </Stack>
    </Box>
  );
}
