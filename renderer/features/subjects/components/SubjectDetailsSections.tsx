// The sections every subject form ends with: contact lists, address, tags and notes, and the source of
// the data (GDPR Art. 14). One component, so both forms ask for the same details in the same way.
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ContactMailOutlinedIcon from '@mui/icons-material/ContactMailOutlined';
import HomeWorkOutlinedIcon from '@mui/icons-material/HomeWorkOutlined';
import NotesOutlinedIcon from '@mui/icons-material/NotesOutlined';
import SourceOutlinedIcon from '@mui/icons-material/SourceOutlined';
import { useTranslation } from 'react-i18next';
import { AddressFields } from '../../../ui/forms/AddressFields';
import { ContactListField } from '../../../ui/forms/ContactListField';
import { SourceFields } from '../../../ui/forms/SourceFields';
import { TagsField } from '../../../ui/forms/TagsField';
import { FormSection } from '../../../ui/FormSection';
import type { FieldSetter } from '../hooks/useSubjectForm';
import type { SubjectDetailsDraft } from '../subject-draft';
import { LockableField } from './LockableField';

// Emails beside phones where the form has the room (by its own width: beside the panels it has less).
const contactColumns = {
  display: 'grid',
  gap: 3,
  gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 380px), 1fr))',
} as const;

interface Props {
  readonly draft: SubjectDetailsDraft;
  readonly set: FieldSetter<SubjectDetailsDraft>;
  readonly errorText: (path: string) => string | undefined;
  readonly tagSuggestions: readonly string[];
  /** Fields a restriction of processing keeps read-only. */
  readonly locked?: (field: string) => boolean;
}

const NOTHING_LOCKED = () => false;

export function SubjectDetailsSections({
  draft,
  set,
  errorText,
  tagSuggestions,
  locked = NOTHING_LOCKED,
}: Props) {
  const { t } = useTranslation();
  return (
    <>
      <FormSection title={t('people.form.contact')} icon={<ContactMailOutlinedIcon />}>
        <Box sx={contactColumns}>
          {(['emails', 'phones'] as const).map((path) => (
            <LockableField key={path} locked={locked(path)}>
              <ContactListField
                kind={path === 'emails' ? 'email' : 'phone'}
                path={path}
                rows={draft[path]}
                onChange={set(path)}
                errorText={errorText}
              />
            </LockableField>
          ))}
        </Box>
      </FormSection>
      <FormSection title={t('fields.address')} icon={<HomeWorkOutlinedIcon />}>
        <LockableField locked={locked('address')}>
          <AddressFields value={draft.address} onChange={set('address')} errorText={errorText} />
        </LockableField>
      </FormSection>
      <FormSection title={t('people.form.notes')} icon={<NotesOutlinedIcon />}>
        <Stack spacing={2}>
          <LockableField locked={locked('tags')}>
            <TagsField
              value={draft.tags}
              onChange={set('tags')}
              suggestions={tagSuggestions}
              error={errorText('tags')}
            />
          </LockableField>
          <TextField
            disabled={locked('notes')}
            label={t('fields.notes')}
            multiline
            minRows={3}
            maxRows={12}
            value={draft.notes}
            onChange={(e) => set('notes')(e.target.value)}
            error={!!errorText('notes')}
            helperText={errorText('notes')}
          />
        </Stack>
      </FormSection>
      <FormSection title={t('source.title')} description={t('source.intro')} icon={<SourceOutlinedIcon />}>
        <LockableField locked={locked('source')}>
          <SourceFields value={draft.source} onChange={set('source')} errorText={errorText} />
        </LockableField>
      </FormSection>
    </>
  );
}
