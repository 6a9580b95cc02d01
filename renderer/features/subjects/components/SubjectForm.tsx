// The frame of a subject form: the page header inside the <form> (so its Save button submits it), an
// error summary, the subject's own fields with its custom fields, the details every subject has, and
// why the data is held. Shared so people and organisations are edited and announce errors alike.
import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import type { CataloguedKind } from '../../../../shared/processing-record';
import { FormSection } from '../../../ui/FormSection';
import { UnsavedChangesBar, UnsavedChangesGuard } from '../../../kit/UnsavedChanges';
import { CustomFieldInputs } from '../../lifecycle/components/CustomFieldInputs';
import { WhyWeHoldThis } from '../../lifecycle/components/WhyWeHoldThis';
import type { SubjectFormState } from '../hooks/useSubjectForm';
import type { SubjectDetailsDraft } from '../subject-draft';
import { SubjectDetailsSections } from './SubjectDetailsSections';

interface Props<D extends SubjectDetailsDraft> {
  readonly kind: CataloguedKind;
  /** The form's accessible name. */
  readonly label: string;
  readonly form: SubjectFormState<D>;
  readonly header: ReactNode;
  /** The first section: the subject's own fields (the children), then its custom fields. */
  readonly title: string;
  readonly icon: ReactNode;
  readonly children: ReactNode;
  readonly tagSuggestions: readonly string[];
  /** Shown after the details, e.g. an organisation's people. */
  readonly after?: ReactNode;
  /** A line beside "why we hold this". */
  readonly note?: ReactNode;
}

export function SubjectForm<D extends SubjectDetailsDraft>({
  kind,
  label,
  form,
  header,
  title,
  icon,
  children,
  tagSuggestions,
  after,
  note,
}: Props<D>) {
  const { t } = useTranslation();
  const { formRef, submit, errorCount, details, dirty, discard, saveAndGo } = form;
  return (
    <Box component="form" ref={formRef} onSubmit={submit} noValidate aria-label={label}>
      <UnsavedChangesGuard dirty={dirty} onSave={saveAndGo} />
      {header}
      <Stack spacing={2.5} sx={{ maxWidth: 980 }}>
        {errorCount > 0 && (
          <Alert severity="error" role="alert">
            {t('errors.summary', { count: errorCount })}
          </Alert>
        )}
        <FormSection title={title} icon={icon}>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
            {children}
          </Box>
          <CustomFieldInputs kind={kind} values={details.draft.custom} onChange={details.set('custom')} />
        </FormSection>
        <SubjectDetailsSections {...details} tagSuggestions={tagSuggestions} />
        {after}
        <Box
          sx={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 2, flexWrap: 'wrap' }}
        >
          {note && <Box sx={{ flex: 1 }}>{note}</Box>}
          <WhyWeHoldThis kind={kind} />
        </Box>
        {dirty && <UnsavedChangesBar onDiscard={discard} />}
      </Stack>
    </Box>
  );
}
