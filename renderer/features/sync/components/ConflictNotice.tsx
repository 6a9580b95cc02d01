// On a person's or an organisation's page: fields of the subject, or of its activities and tasks, where
// two devices disagreed while offline (merge.ts keeps the losing value in a conflict record).
import { useTranslation } from 'react-i18next';
import { SUBJECT_ITEM_KINDS } from '../../../../shared/sync';
import { ConflictList } from './ConflictList';

interface Props {
  readonly subjectId: string;
  /** Called after a losing value was applied, so the page can reload the subject. */
  readonly onApplied: () => void;
  /** The explanation for a record other than a person (an organisation). */
  readonly otherRecord?: boolean;
}

export function ConflictNotice({ subjectId, onApplied, otherRecord }: Props) {
  const { t } = useTranslation();
  return (
    <ConflictList
      subjectId={subjectId}
      shows={(c) => c.recordId === subjectId || SUBJECT_ITEM_KINDS.has(c.recordKind)}
      explanation={t(otherRecord ? 'sync.conflicts.explanationRecord' : 'sync.conflicts.explanation')}
      onApplied={onApplied}
    />
  );
}
