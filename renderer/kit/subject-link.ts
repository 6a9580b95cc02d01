// An item (a deal, a case) opened from a person's or an organisation's page belongs to that subject, and
// going back from it returns there rather than to the item list.
import type { Directory } from '../../shared/directory';
import type { Route } from './routing';

export interface SubjectLink {
  readonly personId?: string;
  readonly organisationId?: string | null;
}

/** Who a new item is linked to: the organisation, or the person and the organisation they work for. */
export const subjectLinkOf = (directory: Directory, subjectId: string | undefined): SubjectLink => {
  if (!subjectId) return {};
  if (directory.organisation(subjectId)) return { organisationId: subjectId };
  const person = directory.person(subjectId);
  return person ? { personId: person.id, organisationId: person.organisationId } : {};
};

/** The subject's page when the item was opened from one, else `list`. */
export const subjectRouteOr = (directory: Directory, subjectId: string | undefined, list: Route): Route => {
  if (!subjectId) return list;
  return directory.organisation(subjectId)
    ? { name: 'organisation', id: subjectId }
    : { name: 'person', id: subjectId };
};
