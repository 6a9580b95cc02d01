// On a person's page: fields of the person, or of their activities and tasks, where two devices disagreed
// while offline (merge.ts keeps the losing value in a conflict record).
import { useTranslation } from 'react-i18next';
import { SUBJECT_ITEM_KINDS } from '../../../../shared/sync';
import { ConflictList } from './ConflictList';

interface Props {
  readonly personId: string;
  /** Called after a losing value was applied, so the page can reload the person. */
  readonly onApplied: () => void;
}

export function ConflictNotice({ personId, onApplied }: Props) {
  const { t } = useTranslation();
  return (
    <ConflictList
      subjectId={personId}
      shows={(c) => c.recordId === personId || SUBJECT_ITEM_KINDS.has(c.recordKind)}
      explanation={t('sync.conflicts.explanation')}
      onApplied={onApplied}
    />
  );
}
