// One person: loads and decrypts the record, saves through the rights-aware save path (field history,
// restriction check) and erases on request. A restriction of processing shows above the form and keeps
// every field read-only except those the person asked to have changed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personDisplayName } from '../../../../shared/people';
import type { RestrictionState } from '../../../../shared/restriction';
import { isFieldEditable } from '../../../../shared/restriction';
import { PEOPLE_OPERATIONS } from '../../../../shared/directory';
import { NEW_ID, type Route } from '../../../kit/routing';
import { useActor } from '../../consent/hooks/useActor';
import { ConflictNotice } from '../../sync/components/ConflictNotice';
import { ErasureRecord } from '../../rights/erasure/components/ErasureRecord';
import { RequestField } from '../../subject-rights/components/RequestField';
import { RestrictionBanner } from '../../subject-rights/components/RestrictionBanner';
import { useSubjectRights } from '../../subject-rights/hooks/useSubjectRights';
import { SubjectPanels } from '../../subjects/components/SubjectPanels';
import { SubjectEditor } from '../../subjects/components/SubjectEditor';
import { SubjectLayout } from '../../subjects/components/SubjectLayout';
import { useSubjectEditorTexts } from '../../subjects/hooks/useSubjectEditorTexts';
import { useSubjectRecord } from '../../subjects/hooks/useSubjectRecord';
import { useTagSuggestions } from '../../../kit/useTagSuggestions';
import { useWorkspace } from '../../../kit/workspace';
import { draftToPersonInput, newPersonDraft, personToDraft } from '../person-draft';
import { PersonForm } from './PersonForm';

interface Props {
  readonly id: string;
  readonly organisationId: string | null;
}

/** The person, with what sync could not merge shown above; applying a value reloads the editor. */
export function PersonPage({ id, organisationId }: Props) {
  const [version, setVersion] = useState(0);
  const [requestId, setRequestId] = useState<string | null>(null);
  const existing = id !== NEW_ID;
  const rights = useSubjectRights(existing ? id : null);
  return (
    <>
      {existing && <ErasureRecord subjectId={id} />}
      {existing && <ConflictNotice subjectId={id} onApplied={() => setVersion((v) => v + 1)} />}
      <RestrictionBanner restriction={rights.restriction} />
      {existing && (
        <RequestField
          subjectId={id}
          rights={['rectification', 'restriction']}
          value={requestId}
          onChange={setRequestId}
        />
      )}
      <SubjectLayout aside={existing && <SubjectPanels subjectId={id} subjectKind="person" />}>
        <PersonEditor
          key={version}
          id={id}
          organisationId={organisationId}
          restriction={rights.restriction}
          requestId={requestId}
        />
      </SubjectLayout>
    </>
  );
}

interface EditorProps extends Props {
  readonly restriction: RestrictionState;
  /** The rectification request the edit answers, recorded with each changed field. */
  readonly requestId: string | null;
}

function PersonEditor({ id, organisationId, restriction, requestId }: EditorProps) {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  const actor = useActor();
  const tagSuggestions = useTagSuggestions(directory);
  // A person added from an organisation's page goes back there.
  const back: Route = organisationId ? { name: 'organisation', id: organisationId } : { name: 'people' };
  const texts = useSubjectEditorTexts('people');
  const record = useSubjectRecord({
    id,
    operations: PEOPLE_OPERATIONS,
    newDraft: () => newPersonDraft(organisationId),
    toDraft: personToDraft,
    toInput: draftToPersonInput,
    back,
    savedMessage: (draft) => t('people.saved', { name: personDisplayName(draft) }),
    deletedMessage: t('people.deleted'),
    recordedBy: actor,
    requestId,
  });

  return (
    <SubjectEditor
      record={record}
      back={back}
      texts={texts}
      heading={(draft) => ({
        title: record.isNew ? t('people.new') : personDisplayName(draft) || t('people.person'),
        subtitle: draft.jobTitle || directory.organisationName(draft.organisationId) || undefined,
        confirmTitle: t('people.confirmDelete.title', { name: personDisplayName(draft) }),
      })}
      locked={restriction.restricted ? (field) => !isFieldEditable(restriction, field) : undefined}
    >
      {(form) => <PersonForm {...form} tagSuggestions={tagSuggestions} />}
    </SubjectEditor>
  );
}
