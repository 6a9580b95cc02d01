// The person form's draft and its conversion to and from the repository's Person payload.
import type { PersonInput, PersonPayload } from '../../../shared/people';
import {
  newSubjectDetails,
  subjectDetailsToDraft,
  subjectDetailsToInput,
  type SubjectDetailsDraft,
} from '../subjects/subject-draft';

export interface PersonDraft extends SubjectDetailsDraft {
  readonly givenName: string;
  readonly familyName: string;
  readonly jobTitle: string;
  readonly organisationId: string | null;
}

export const newPersonDraft = (organisationId: string | null = null): PersonDraft => ({
  givenName: '',
  familyName: '',
  jobTitle: '',
  organisationId,
  ...newSubjectDetails(),
});

export const personToDraft = (person: PersonPayload): PersonDraft => ({
  givenName: person.givenName,
  familyName: person.familyName,
  jobTitle: person.jobTitle,
  organisationId: person.organisationId,
  ...subjectDetailsToDraft(person),
});

/** Repository input (without createdAt) and, per contact list, the screen row of each stored row. */
export const draftToPersonInput = (
  draft: PersonDraft,
): { input: PersonInput; rows: Record<string, number[]> } => {
  const { details, rows } = subjectDetailsToInput(draft);
  return {
    input: {
      givenName: draft.givenName,
      familyName: draft.familyName,
      jobTitle: draft.jobTitle,
      organisationId: draft.organisationId,
      ...details,
    },
    rows,
  };
};
