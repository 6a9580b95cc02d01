// The person form's draft and its conversion to and from the repository's Person payload.
import type { PersonInput, PersonPayload } from '../../../shared/domain/person';
import {
  addressToDraft,
  addressToInput,
  contactsToDraft,
  contactsToInput,
  EMPTY_ADDRESS,
  newContact,
  newSource,
  sourceToInput,
  type AddressDraft,
  type ContactDraft,
  type SourceDraft,
} from '../../ui/forms/drafts';

export interface PersonDraft {
  readonly givenName: string;
  readonly familyName: string;
  readonly jobTitle: string;
  readonly organisationId: string | null;
  readonly emails: readonly ContactDraft[];
  readonly phones: readonly ContactDraft[];
  readonly address: AddressDraft;
  readonly tags: readonly string[];
  readonly notes: string;
  readonly source: SourceDraft;
}

export const newPersonDraft = (organisationId: string | null = null): PersonDraft => ({
  givenName: '',
  familyName: '',
  jobTitle: '',
  organisationId,
  emails: [newContact('work')],
  phones: [newContact('work')],
  address: EMPTY_ADDRESS,
  tags: [],
  notes: '',
  source: newSource(),
});

export const personToDraft = (person: PersonPayload): PersonDraft => ({
  givenName: person.givenName,
  familyName: person.familyName,
  jobTitle: person.jobTitle,
  organisationId: person.organisationId,
  emails: contactsToDraft(person.emails),
  phones: contactsToDraft(person.phones),
  address: addressToDraft(person.address),
  tags: person.tags,
  notes: person.notes,
  source: { ...person.source },
});

/** Repository input (without createdAt) and, per contact list, the screen row of each stored row. */
export const draftToPersonInput = (
  draft: PersonDraft,
): { input: PersonInput; rows: Record<string, number[]> } => {
  const emails = contactsToInput(draft.emails);
  const phones = contactsToInput(draft.phones);
  return {
    input: {
      givenName: draft.givenName,
      familyName: draft.familyName,
      jobTitle: draft.jobTitle,
      organisationId: draft.organisationId,
      emails: emails.values,
      phones: phones.values,
      address: addressToInput(draft.address),
      tags: [...draft.tags],
      notes: draft.notes,
      source: sourceToInput(draft.source),
      // A new record's creation time; an update keeps the stored one.
      createdAt: Date.now(),
    },
    rows: { emails: emails.rowOf, phones: phones.rowOf },
  };
};
