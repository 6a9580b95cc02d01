// The organisation form's draft and its conversion to and from the repository's Organisation payload.
import type { OrganisationInput, OrganisationPayload } from '../../../shared/domain/organisation';
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

export interface OrganisationDraft {
  readonly name: string;
  readonly website: string;
  readonly registrationNumber: string;
  readonly emails: readonly ContactDraft[];
  readonly phones: readonly ContactDraft[];
  readonly address: AddressDraft;
  readonly tags: readonly string[];
  readonly notes: string;
  readonly source: SourceDraft;
}

export const newOrganisationDraft = (): OrganisationDraft => ({
  name: '',
  website: '',
  registrationNumber: '',
  emails: [newContact('work')],
  phones: [newContact('work')],
  address: EMPTY_ADDRESS,
  tags: [],
  notes: '',
  source: newSource(),
});

export const organisationToDraft = (o: OrganisationPayload): OrganisationDraft => ({
  name: o.name,
  website: o.website,
  registrationNumber: o.registrationNumber,
  emails: contactsToDraft(o.emails),
  phones: contactsToDraft(o.phones),
  address: addressToDraft(o.address),
  tags: o.tags,
  notes: o.notes,
  source: { ...o.source },
});

export const draftToOrganisationInput = (
  draft: OrganisationDraft,
): { input: OrganisationInput; rows: Record<string, number[]> } => {
  const emails = contactsToInput(draft.emails);
  const phones = contactsToInput(draft.phones);
  return {
    input: {
      name: draft.name,
      website: draft.website,
      registrationNumber: draft.registrationNumber,
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
