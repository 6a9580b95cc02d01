// On a deal's or a case's page: fields where two devices disagreed while offline. The conflict records
// are stored with the item's subject; applying a value opens the page afresh (useConflictsApplied).
import { useTranslation } from 'react-i18next';
import { conflictApplied } from '../hooks/useConflicts';
import { ConflictList } from './ConflictList';

interface Props {
  /** The deal or case, as its page loaded it. */
  readonly item: { readonly id: string; readonly subjectId: string };
}

export function ItemConflictNotice({ item }: Props) {
  const { t } = useTranslation();
  return (
    <ConflictList
      subjectId={item.subjectId}
      shows={(c) => c.recordId === item.id}
      explanation={t('sync.conflicts.explanationRecord')}
      onApplied={conflictApplied}
    />
  );
}
