// The organisation form: name, website and registration number (KvK), contact details, address, tags,
// notes and the source of the data. A sole trader's name is personal data, so it is treated as such.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ApartmentOutlinedIcon from '@mui/icons-material/ApartmentOutlined';
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
import type { OrganisationDraft } from '../organisation-draft';

interface Props {
  readonly initial: OrganisationDraft;
  readonly errors: FieldErrors;
  readonly onErrorsChange: (errors: FieldErrors) => void;
  readonly onSubmit: (draft: OrganisationDraft) => void;
  readonly header: (draft: OrganisationDraft) => ReactNode;
  readonly tagSuggestions: readonly string[];
  /** Shown after the form's sections, e.g. the organisation's people. */
  readonly children?: ReactNode;
}

export function OrganisationForm({
  initial,
  errors,
  onErrorsChange,
  onSubmit,
  header,
  tagSuggestions,
  children,
}: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const errorText = useErrorText(errors);
  const form = useRef<HTMLFormElement>(null);
  const errorCount = Object.keys(errors).length;

  useEffect(() => {
    if (errorCount) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors, errorCount]);

  const set =
    <K extends keyof OrganisationDraft>(key: K) =>
    (value: OrganisationDraft[K]) => {
      setDraft((d) => ({ ...d, [key]: value }));
      onErrorsChange(withoutErrorsAt(errors, key));
    };
  const text = (key: 'name' | 'website' | 'registrationNumber' | 'notes') => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value),
    error: !!errorText(key),
    helperText: errorText(key),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };

  return (
    <Box component="form" ref={form} onSubmit={submit} noValidate aria-label={t('organisations.form.label')}>
      {header(draft)}
      <Stack spacing={2.5} sx={{ maxWidth: 980 }}>
        {errorCount > 0 && (
          <Alert severity="error" role="alert">
            {t('errors.summary', { count: errorCount })}
          </Alert>
        )}
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
        </FormSection>
        <FormSection title={t('people.form.contact')} icon={<ContactMailOutlinedIcon />}>
          <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
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
        {children}
      </Stack>
    </Box>
  );
}
