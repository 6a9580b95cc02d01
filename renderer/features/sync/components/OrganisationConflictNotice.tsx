// On an organisation's page: fields of the organisation, or of its activities and tasks, where two devices
// disagreed while offline. Applying a value opens the page afresh (useConflictsApplied).
import { useTranslation } from 'react-i18next';
import type { OrganisationInput } from '../../../../shared/organisations';
import type { Session } from '../../../../shared/vault';
import { conflictApplied, useConflicts } from '../hooks/useConflicts';
import { ConflictList } from './ConflictList';
import { applyItemConflict, fieldKey, SUBJECT_ITEM_KINDS } from './conflict-records';

interface Props {
  readonly session: Session;
  readonly organisationId: string;
}

export function OrganisationConflictNotice({ session, organisationId }: Props) {
  const { t } = useTranslation();
  const conflicts = useConflicts(session, organisationId).filter(
    (c) => c.recordId === organisationId || SUBJECT_ITEM_KINDS.has(c.recordKind),
  );
  return (
    <ConflictList
      session={session}
      conflicts={conflicts}
      explanation={t('sync.conflicts.explanationRecord')}
      label={(c) => {
        const key = fieldKey(c);
        return key ? t(key) : c.field;
      }}
      apply={(c) =>
        c.recordId === organisationId
          ? session.organisations
              .update(
                organisationId,
                (current) => ({ ...current, [c.field]: c.losingValue }) as OrganisationInput,
              )
              .then(() => undefined)
          : applyItemConflict(session, c)
      }
      onApplied={conflictApplied}
    />
  );
}
