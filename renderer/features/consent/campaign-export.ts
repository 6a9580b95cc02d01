// The rows of a campaign list file: only the people the purpose gate found eligible, and only the
// columns the channel needs (data minimisation, Art. 5(1)(c)); for e-mail from a linked vault, each
// person's unsubscribe link and its List-Unsubscribe value (consent.campaignLinks).
import type { CampaignLink } from '../../../shared/consent';
import type { Directory } from '../../../shared/directory';
import type { ExportCell } from '../../../shared/export';
import type { Session } from '../../../shared/vault';
import type { Channel } from '../../../shared/purposes';

export interface CampaignFile {
  readonly columns: string[];
  readonly rows: ExportCell[][];
}

export type ColumnLabel = (
  column:
    | 'givenName'
    | 'familyName'
    | 'organisation'
    | 'jobTitle'
    | 'unsubscribeLink'
    | 'listUnsubscribe'
    | Channel,
) => string;

const formatAddress = (a: { street: string; postalCode: string; city: string; country: string } | null) =>
  a ? [a.street, [a.postalCode, a.city].filter(Boolean).join(' '), a.country].filter(Boolean).join(', ') : '';

export const campaignFile = async (
  session: Session,
  directory: Directory,
  eligible: readonly string[],
  channel: Channel,
  label: ColumnLabel,
  links?: ReadonlyMap<string, CampaignLink>,
): Promise<CampaignFile> => {
  const columns = [label('givenName'), label('familyName'), label('organisation'), label('jobTitle')];
  if (channel !== 'in_person') columns.push(label(channel));
  if (links) columns.push(label('unsubscribeLink'), label('listUnsubscribe'));
  const rows: ExportCell[][] = [];
  for (const id of eligible) {
    const row = directory.person(id);
    if (!row) continue;
    const base: ExportCell[] = [
      row.givenName,
      row.familyName,
      directory.organisationName(row.organisationId),
      row.jobTitle,
    ];
    if (channel === 'email') base.push(row.email);
    else if (channel === 'phone' || channel === 'sms') base.push(row.phone);
    else if (channel === 'post') base.push(formatAddress((await session.people.get(id)).data.address));
    if (links) base.push(links.get(id)?.url ?? '', links.get(id)?.listUnsubscribe ?? '');
    rows.push(base);
  }
  return { columns, rows };
};
