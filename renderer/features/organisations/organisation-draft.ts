// The organisation form's draft and its conversion to and from the repository's Organisation payload.
import type { OrganisationInput, OrganisationPayload } from '../../../shared/organisations';
import {
  newSubjectDetails,
  subjectDetailsToDraft,
  subjectDetailsToInput,
  type SubjectDetailsDraft,
} from '../subjects/subject-draft';

export interface OrganisationDraft extends SubjectDetailsDraft {
  readonly name: string;
  readonly website: string;
  readonly registrationNumber: string;
}

export const newOrganisationDraft = (): OrganisationDraft => ({
  name: '',
  website: '',
  registrationNumber: '',
  ...newSubjectDetails(),
});

export const organisationToDraft = (o: OrganisationPayload): OrganisationDraft => ({
  name: o.name,
  website: o.website,
  registrationNumber: o.registrationNumber,
  ...subjectDetailsToDraft(o),
});

export const draftToOrganisationInput = (
  draft: OrganisationDraft,
): { input: OrganisationInput; rows: Record<string, number[]> } => {
  const { details, rows } = subjectDetailsToInput(draft);
  return {
    input: {
      name: draft.name,
      website: draft.website,
      registrationNumber: draft.registrationNumber,
      ...details,
    },
    rows,
  };
};
