// One person: loads and decrypts the record, saves through the repository, and erases on request.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personDisplayName } from '../../../../shared/domain/person';
import { NEW_ID, type Route } from '../../../app/routing';
import { ConflictNotice } from '../../sync/components/ConflictNotice';
import { SubjectPanels } from '../../subjects/components/SubjectPanels';
import { SubjectEditor } from '../../subjects/components/SubjectEditor';
import { useSubjectRecord } from '../../subjects/hooks/useSubjectRecord';
import { useTagSuggestions } from '../../subjects/hooks/useTagSuggestions';
import { useUnlockedVault } from '../../vault/hooks/useUnlockedVault';
import { draftToPersonInput, newPersonDraft, personToDraft } from '../person-draft';
import { PersonForm } from './PersonForm';

interface Props {
  readonly id: string;
  readonly organisationId: string | null;
}

/** The person, with what sync could not merge shown above; applying a value reloads the editor. */
export function PersonPage({ id, organisationId }: Props) {
  const { session } = useUnlockedVault();
  const [version, setVersion] = useState(0);
  return (
    <>
      {id !== NEW_ID && (
        <ConflictNotice session={session} personId={id} onApplied={() => setVersion((v) => v + 1)} />
      )}
      <PersonEditor key={version} id={id} organisationId={organisationId} />
      {id !== NEW_ID && <SubjectPanels subjectId={id} subjectKind="person" />}
    </>
  );
}

function PersonEditor({ id, organisationId }: Props) {
  const { t } = useTranslation();
  const { session, directory } = useUnlockedVault();
  const tagSuggestions = useTagSuggestions(directory);
  // A person added from an organisation's page goes back there.
  const back: Route = organisationId ? { name: 'organisation', id: organisationId } : { name: 'people' };
  const record = useSubjectRecord({
    id,
    store: session.people,
    newDraft: () => newPersonDraft(organisationId),
    toDraft: personToDraft,
    toInput: draftToPersonInput,
    back,
    savedMessage: (draft) => t('people.saved', { name: personDisplayName(draft) }),
    audit: { log: session.audit, kind: 'person' },
    deletedMessage: t('people.deleted'),
  });

  return (
    <SubjectEditor
      record={record}
      back={back}
      texts={{
        singular: t('people.person'),
        missing: t('people.missing'),
        loadFailed: t('people.loadFailed'),
        saveFailed: t('people.saveFailed'),
        confirmBody: t('people.confirmDelete.body'),
      }}
      heading={(draft) => ({
        title: record.isNew ? t('people.new') : personDisplayName(draft) || t('people.person'),
        subtitle: draft.jobTitle || directory.organisationName(draft.organisationId) || undefined,
        confirmTitle: t('people.confirmDelete.title', { name: personDisplayName(draft) }),
      })}
    >
      {(form) => <PersonForm {...form} tagSuggestions={tagSuggestions} />}
    </SubjectEditor>
  );
}
