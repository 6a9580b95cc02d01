// Form drafts: what the user is typing, as strings and rows, converted to repository input on save.
// Empty rows are dropped on the way in, so validation issues are mapped back to the rows on screen.
import type { ContactLabel, DataSource, PostalAddress, SourceMethod } from '../../../shared/people';

export interface ContactDraft {
  /** Stable React key for a row; never stored. */
  readonly key: string;
  readonly value: string;
  readonly label: ContactLabel;
}

export type AddressDraft = { readonly [K in keyof PostalAddress]: string };

export interface SourceDraft {
  readonly method: SourceMethod;
  readonly description: string;
  readonly obtainedOn: string;
}

let rowKey = 0;
export const newContact = (label: ContactLabel = 'work', value = ''): ContactDraft => ({
  key: `row-${++rowKey}`,
  value,
  label,
});

export const contactsToDraft = (
  contacts: readonly { value: string; label: ContactLabel }[],
): ContactDraft[] => contacts.map((c) => newContact(c.label, c.value));

export const EMPTY_ADDRESS: AddressDraft = { street: '', postalCode: '', city: '', region: '', country: '' };

export const addressToDraft = (address: PostalAddress | null): AddressDraft => address ?? EMPTY_ADDRESS;

export const addressToInput = (draft: AddressDraft): PostalAddress | null =>
  Object.values(draft).some((v) => v.trim()) ? { ...draft } : null;

/** Today in the user's time zone, as the ISO date the schema stores. */
export const today = (): string => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

export const newSource = (): SourceDraft => ({
  method: 'collected_from_person',
  description: '',
  obtainedOn: today(),
});

export const sourceToInput = (draft: SourceDraft): DataSource => ({ ...draft });

/** Non-empty rows for the repository, and for each one the index of its row on screen. */
export const contactsToInput = (
  rows: readonly ContactDraft[],
): { values: { value: string; label: ContactLabel }[]; rowOf: number[] } => {
  const values: { value: string; label: ContactLabel }[] = [];
  const rowOf: number[] = [];
  rows.forEach((row, index) => {
    if (!row.value.trim()) return;
    values.push({ value: row.value, label: row.label });
    rowOf.push(index);
  });
  return { values, rowOf };
};
