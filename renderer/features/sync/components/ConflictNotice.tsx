// On a person's page: fields of the person, or of their activities and tasks, where two devices disagreed
// while offline (merge.ts keeps the losing value in a conflict record).
import { useTranslation } from 'react-i18next';
import type { PersonInput } from '../../../../shared/people';
import type { Session } from '../../../../shared/vault';
import { useConflicts } from '../hooks/useConflicts';
import { ConflictList } from './ConflictList';
import { applyItemConflict, fieldKey, SUBJECT_ITEM_KINDS } from './conflict-records';

interface Props {
  readonly session: Session;
  readonly personId: string;
  /** Called after a losing value was applied, so the page can reload the person. */
  readonly onApplied: () => void;
}

export function ConflictNotice({ session, personId, onApplied }: Props) {
  const { t } = useTranslation();
  const conflicts = useConflicts(session, personId).filter(
    (c) => c.recordId === personId || SUBJECT_ITEM_KINDS.has(c.recordKind),
  );
  return (
    <ConflictList
      session={session}
      conflicts={conflicts}
      explanation={t('sync.conflicts.explanation')}
      label={(c) => {
        const key = fieldKey(c);
        return key ? t(key) : c.field;
      }}
      apply={(c) =>
        c.recordId === personId
          ? session.people
              .update(personId, (current) => ({ ...current, [c.field]: c.losingValue }) as PersonInput)
              .then(() => undefined)
          : applyItemConflict(session, c)
      }
      onApplied={onApplied}
    />
  );
}
