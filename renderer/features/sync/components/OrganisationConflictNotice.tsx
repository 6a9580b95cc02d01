// On an organisation's page: fields of the organisation, or of its activities and tasks, where two devices
// disagreed while offline. Applying a value opens the page afresh (useConflictsApplied).
import { useTranslation } from 'react-i18next';
import { SUBJECT_ITEM_KINDS } from '../../../../shared/sync';
import { conflictApplied } from '../hooks/useConflicts';
import { ConflictList } from './ConflictList';

export function OrganisationConflictNotice({ organisationId }: { readonly organisationId: string }) {
  const { t } = useTranslation();
  return (
    <ConflictList
      subjectId={organisationId}
      shows={(c) => c.recordId === organisationId || SUBJECT_ITEM_KINDS.has(c.recordKind)}
      explanation={t('sync.conflicts.explanationRecord')}
      onApplied={conflictApplied}
    />
  );
}
