// One organisation: loads and decrypts it, saves through the repository, erases on request, and lists
// the people who work there.
import { useTranslation } from 'react-i18next';
import { ORGANISATION_OPERATIONS } from '../../../../shared/directory';
import type { Route } from '../../../kit/routing';
import { useActor } from '../../consent/hooks/useActor';
import { SubjectEditor } from '../../subjects/components/SubjectEditor';
import { useSubjectEditorTexts } from '../../subjects/hooks/useSubjectEditorTexts';
import { useSubjectRecord } from '../../subjects/hooks/useSubjectRecord';
import { useTagSuggestions } from '../../../kit/useTagSuggestions';
import { useWorkspace } from '../../../kit/workspace';
import { draftToOrganisationInput, newOrganisationDraft, organisationToDraft } from '../organisation-draft';
import { SubjectPanels } from '../../subjects/components/SubjectPanels';
import { SubjectLayout } from '../../subjects/components/SubjectLayout';
import { OrganisationConflictNotice } from '../../sync/components/OrganisationConflictNotice';
import { OrganisationForm } from './OrganisationForm';
import { OrganisationPeople } from './OrganisationPeople';

const back: Route = { name: 'organisations' };

export function OrganisationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  const tagSuggestions = useTagSuggestions(directory);
  const actor = useActor();
  const texts = useSubjectEditorTexts('organisations');
  const record = useSubjectRecord({
    id,
    operations: ORGANISATION_OPERATIONS,
    newDraft: newOrganisationDraft,
    toDraft: organisationToDraft,
    toInput: draftToOrganisationInput,
    back,
    savedMessage: (draft) => t('organisations.saved', { name: draft.name.trim() }),
    deletedMessage: t('organisations.deleted'),
    // Every saved change keeps its field history (Art. 16: a sole trader's data is personal data).
    recordedBy: actor,
  });

  return (
    <>
      {!record.isNew && <OrganisationConflictNotice organisationId={id} />}
      <SubjectLayout aside={!record.isNew && <SubjectPanels subjectId={id} subjectKind="organisation" />}>
        <SubjectEditor
          record={record}
          back={back}
          texts={texts}
          heading={(draft) => ({
            title: record.isNew ? t('organisations.new') : draft.name || t('organisations.organisation'),
            subtitle: draft.website || undefined,
            confirmTitle: t('organisations.confirmDelete.title', { name: draft.name }),
          })}
        >
          {(form) => (
            <OrganisationForm {...form} tagSuggestions={tagSuggestions}>
              {!record.isNew && <OrganisationPeople organisationId={id} />}
            </OrganisationForm>
          )}
        </SubjectEditor>
      </SubjectLayout>
    </>
  );
}
