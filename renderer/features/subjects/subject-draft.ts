// The part of a person's and an organisation's draft that they share: contact lists, address, tags,
// notes and the source of the data. Each feature's draft spreads these in next to its own fields, so
// the two forms cannot drift apart in how they read and write the shared details.
import type { ContactLabel, DataSource, PostalAddress } from '../../../shared/people';
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

type Contact = { value: string; label: ContactLabel };

export interface SubjectDetailsDraft {
  readonly emails: readonly ContactDraft[];
  readonly phones: readonly ContactDraft[];
  readonly address: AddressDraft;
  readonly tags: readonly string[];
  readonly notes: string;
  readonly source: SourceDraft;
  /** Custom field values by definition id (shared/processing-record/custom-fields.ts). */
  readonly custom: Readonly<Record<string, string>>;
}

/** The stored shape of the shared details, as both payloads hold them. */
export interface SubjectDetails {
  readonly emails: readonly Contact[];
  readonly phones: readonly Contact[];
  readonly address: PostalAddress | null;
  readonly tags: readonly string[];
  readonly notes: string;
  readonly source: DataSource;
  readonly custom?: Readonly<Record<string, string>>;
}

/** A new record starts with one empty work email and phone row, so the user need not add one. */
export const newSubjectDetails = (): SubjectDetailsDraft => ({
  emails: [newContact('work')],
  phones: [newContact('work')],
  address: EMPTY_ADDRESS,
  tags: [],
  notes: '',
  source: newSource(),
  custom: {},
});

export const subjectDetailsToDraft = (payload: SubjectDetails): SubjectDetailsDraft => ({
  emails: contactsToDraft(payload.emails),
  phones: contactsToDraft(payload.phones),
  address: addressToDraft(payload.address),
  tags: payload.tags,
  notes: payload.notes,
  source: { ...payload.source },
  custom: { ...payload.custom },
});

/**
 * The shared details as repository input (empty contact rows dropped) and, per contact list, the screen
 * row of each stored row, so validation issues land on the row the user sees.
 */
export const subjectDetailsToInput = (draft: SubjectDetailsDraft) => {
  const emails = contactsToInput(draft.emails);
  const phones = contactsToInput(draft.phones);
  return {
    details: {
      emails: emails.values,
      phones: phones.values,
      address: addressToInput(draft.address),
      tags: [...draft.tags],
      notes: draft.notes,
      source: sourceToInput(draft.source),
      // An emptied custom field is dropped rather than kept as an empty value.
      custom: Object.fromEntries(Object.entries(draft.custom).filter(([, v]) => v.trim())),
      // A new record's creation time; an update keeps the stored one.
      createdAt: Date.now(),
    },
    rows: { emails: emails.rowOf, phones: phones.rowOf } as Record<string, number[]>,
  };
};
