// One person: loads and decrypts the record, saves through the repository, and erases on request.
import { useTranslation } from 'react-i18next';
import { personDisplayName } from '../../../../shared/domain/person';
import { formatRoute, type Route } from '../../../app/routing';
import { SubjectBackButton } from '../../subjects/components/SubjectBackButton';
import { SubjectPageHeader } from '../../subjects/components/SubjectPageHeader';
import { SubjectPageStatus } from '../../subjects/components/SubjectPageStatus';
import { useSubjectRecord } from '../../subjects/hooks/useSubjectRecord';
import { useTagSuggestions } from '../../subjects/hooks/useTagSuggestions';
import { useUnlockedVault } from '../../vault/hooks/useUnlockedVault';
import { draftToPersonInput, newPersonDraft, personToDraft, type PersonDraft } from '../person-draft';
import { PersonForm } from './PersonForm';

export function PersonPage({ id, organisationId }: { id: string; organisationId: string | null }) {
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
    deletedMessage: t('people.deleted'),
  });
  const backButton = <SubjectBackButton href={formatRoute(back)} />;

  if (record.loaded.status !== 'ready') {
    return (
      <SubjectPageStatus
        title={t('people.person')}
        back={backButton}
        missing={record.loaded.status === 'missing'}
        failed={record.failed}
        missingText={t('people.missing')}
        failedText={t('people.loadFailed')}
      />
    );
  }

  const header = (draft: PersonDraft) => (
    <SubjectPageHeader
      record={record}
      title={record.isNew ? t('people.new') : personDisplayName(draft) || t('people.person')}
      subtitle={draft.jobTitle || directory.organisationName(draft.organisationId) || undefined}
      back={backButton}
      cancelHref={formatRoute(back)}
      saveFailedText={t('people.saveFailed')}
      confirmTitle={t('people.confirmDelete.title', { name: personDisplayName(draft) })}
      confirmBody={t('people.confirmDelete.body')}
    />
  );

  return (
    <PersonForm
      initial={record.loaded.draft}
      errors={record.errors}
      onErrorsChange={record.setErrors}
      onSubmit={(draft) => void record.save(draft)}
      header={header}
      tagSuggestions={tagSuggestions}
    />
  );
}
