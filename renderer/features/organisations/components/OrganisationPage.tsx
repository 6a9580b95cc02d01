// One organisation: loads and decrypts it, saves through the repository, erases on request, and lists
// the people who work there.
import { useTranslation } from 'react-i18next';
import { formatRoute, type Route } from '../../../app/routing';
import { SubjectBackButton } from '../../subjects/components/SubjectBackButton';
import { SubjectPageHeader } from '../../subjects/components/SubjectPageHeader';
import { SubjectPageStatus } from '../../subjects/components/SubjectPageStatus';
import { useSubjectRecord } from '../../subjects/hooks/useSubjectRecord';
import { useTagSuggestions } from '../../subjects/hooks/useTagSuggestions';
import { useUnlockedVault } from '../../vault/hooks/useUnlockedVault';
import {
  draftToOrganisationInput,
  newOrganisationDraft,
  organisationToDraft,
  type OrganisationDraft,
} from '../organisation-draft';
import { OrganisationForm } from './OrganisationForm';
import { OrganisationPeople } from './OrganisationPeople';

const back: Route = { name: 'organisations' };

export function OrganisationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { session, directory } = useUnlockedVault();
  const tagSuggestions = useTagSuggestions(directory);
  const record = useSubjectRecord({
    id,
    store: session.organisations,
    newDraft: newOrganisationDraft,
    toDraft: organisationToDraft,
    toInput: draftToOrganisationInput,
    back,
    savedMessage: (draft) => t('organisations.saved', { name: draft.name.trim() }),
    deletedMessage: t('organisations.deleted'),
  });
  const backButton = <SubjectBackButton href={formatRoute(back)} />;

  if (record.loaded.status !== 'ready') {
    return (
      <SubjectPageStatus
        title={t('organisations.organisation')}
        back={backButton}
        missing={record.loaded.status === 'missing'}
        failed={record.failed}
        missingText={t('organisations.missing')}
        failedText={t('organisations.loadFailed')}
      />
    );
  }

  const header = (draft: OrganisationDraft) => (
    <SubjectPageHeader
      record={record}
      title={record.isNew ? t('organisations.new') : draft.name || t('organisations.organisation')}
      subtitle={draft.website || undefined}
      back={backButton}
      cancelHref={formatRoute(back)}
      saveFailedText={t('organisations.saveFailed')}
      confirmTitle={t('organisations.confirmDelete.title', { name: draft.name })}
      confirmBody={t('organisations.confirmDelete.body')}
    />
  );

  return (
    <OrganisationForm
      initial={record.loaded.draft}
      errors={record.errors}
      onErrorsChange={record.setErrors}
      onSubmit={(draft) => void record.save(draft)}
      header={header}
      tagSuggestions={tagSuggestions}
    >
      {!record.isNew && <OrganisationPeople organisationId={id} />}
    </OrganisationForm>
  );
}
