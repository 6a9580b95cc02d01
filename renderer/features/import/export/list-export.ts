// The columns of the people and organisations lists as they are exported: what the list shows, from the
// in-memory directory rows (nothing is decrypted again).
import type { Directory } from '../../../../shared/directory';
import type { OrganisationRow, PersonRow } from '../../../../shared/directory';
import type { ExportCell } from '../../../../shared/export';

export type ExportColumn =
  'givenName' | 'familyName' | 'name' | 'jobTitle' | 'organisation' | 'email' | 'phone' | 'website' | 'tags';

export type ListExport =
  | { readonly kind: 'person'; readonly rows: readonly PersonRow[] }
  | { readonly kind: 'organisation'; readonly rows: readonly OrganisationRow[] };

export const exportColumns = (kind: ListExport['kind']): ExportColumn[] =>
  kind === 'person'
    ? ['givenName', 'familyName', 'jobTitle', 'organisation', 'email', 'phone', 'tags']
    : ['name', 'website', 'email', 'phone', 'tags'];

export const exportRows = (list: ListExport, directory: Directory): ExportCell[][] =>
  list.kind === 'person'
    ? list.rows.map((r) => [
        r.givenName,
        r.familyName,
        r.jobTitle,
        directory.organisationName(r.organisationId),
        r.email,
        r.phone,
        r.tags.join(', '),
      ])
    : list.rows.map((r) => [r.name, r.website, r.email, r.phone, r.tags.join(', ')]);
