// On an organisation's page: ConflictNotice for the organisation. Applying a value opens the page afresh
// (useConflictsApplied).
import { conflictApplied } from '../hooks/useConflicts';
import { ConflictNotice } from './ConflictNotice';

export function OrganisationConflictNotice({ organisationId }: { readonly organisationId: string }) {
  return <ConflictNotice subjectId={organisationId} onApplied={conflictApplied} otherRecord />;
}
