// On a deal's or a case's page: fields where two devices disagreed while offline. The conflict records
// are stored with the item's subject; applying a value opens the page afresh (useConflictsApplied).
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../../shared/vault';
import { conflictApplied, useConflicts } from '../hooks/useConflicts';
import { ConflictList } from './ConflictList';
import { applyItemConflict, fieldKey } from './conflict-records';

interface Props {
  readonly session: Session;
  /** The deal or case, as its page loaded it. */
  readonly item: { readonly id: string; readonly subjectId: string };
}

export function ItemConflictNotice({ session, item }: Props) {
  const { t } = useTranslation();
  const conflicts = useConflicts(session, item.subjectId).filter((c) => c.recordId === item.id);
  return (
    <ConflictList
      session={session}
      conflicts={conflicts}
      explanation={t('sync.conflicts.explanationRecord')}
      label={(c) => {
        const key = fieldKey(c);
        return key ? t(key) : c.field;
      }}
      apply={(c) => applyItemConflict(session, c)}
      onApplied={conflictApplied}
    />
  );
}
