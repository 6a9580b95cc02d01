// Saving a campaign list: the purpose gate is asked again at the moment the file is written, so someone who
// unsubscribed, objected or was restricted after the list was checked on screen is not in it; only the
// columns the channel needs are written (Art. 5(1)(c)), for e-mail from a linked vault with each person's
// unsubscribe link; and the export is audited once the file is delivered, with the ids it holds.
import { newId } from '../crypto';
import { toCsv, toXlsx, type ExportCell } from '../export';
import type { PersonPayload } from '../people';
import type { Channel } from '../purposes';
import { NotFoundError, type Decrypted } from '../store';
import type { Session } from '../vault';
import type { AuditStep, Deliver, Done } from '../workspace';
import { deliverFile } from '../workspace';
import { campaignUnsubscribeLinks, type CampaignLink } from './campaign-links';
import { loadPeople } from './facts';
import type { LinkServer } from './links';
import { decideCampaignList } from './run-gate';
import type { GateResult } from './types';

export type CampaignColumn =
  'givenName' | 'familyName' | 'organisation' | 'jobTitle' | 'unsubscribeLink' | 'listUnsubscribe' | Channel;

export interface CampaignExportInput {
  readonly purposeId: string;
  readonly channel: Channel;
  /** Only this list; absent or null: every list of the purpose. */
  readonly subscriptionTypeId?: string | null;
  readonly format: 'csv' | 'xlsx';
  /** Column headings in the interface language. */
  readonly column: (column: CampaignColumn) => string;
  readonly sheetName: string;
  /** The suggested file name, without extension. */
  readonly fileName: string;
  readonly deliver: Deliver;
  /** E-mail from a vault linked to the organisation's server: each person's unsubscribe link. */
  readonly server?: LinkServer;
  readonly now?: number;
}

export interface CampaignExportResult extends GateResult {
  /** The name the file was saved under; null when nobody may be contacted (no file is written). */
  readonly savedAs: string | null;
}

const formatAddress = (a: PersonPayload['address']) =>
  a ? [a.street, [a.postalCode, a.city].filter(Boolean).join(' '), a.country].filter(Boolean).join(', ') : '';

const contactCell = (data: PersonPayload, channel: Channel): ExportCell[] =>
  channel === 'email'
    ? [data.emails[0]?.value ?? '']
    : channel === 'phone' || channel === 'sms'
      ? [data.phones[0]?.value ?? '']
      : channel === 'post'
        ? [formatAddress(data.address)]
        : [];

const organisationNames = async (session: Session, people: Iterable<Decrypted<PersonPayload>>) => {
  const names = new Map<string, string>();
  for (const { data } of people) {
    const id = data.organisationId;
    if (!id || names.has(id)) continue;
    const name = await session.organisations.get(id).then(
      (o) => o.data.name,
      (error: unknown) => {
        if (error instanceof NotFoundError) return '';
        throw error;
      },
    );
    names.set(id, name);
  }
  return names;
};

/** The file's columns and rows for the eligible people, read from the store (not from the screen). */
export const campaignRows = async (
  session: Session,
  eligible: readonly string[],
  channel: Channel,
  links?: ReadonlyMap<string, CampaignLink>,
): Promise<{ columns: CampaignColumn[]; rows: ExportCell[][] }> => {
  const columns: CampaignColumn[] = ['givenName', 'familyName', 'organisation', 'jobTitle'];
  if (channel !== 'in_person') columns.push(channel);
  if (links) columns.push('unsubscribeLink', 'listUnsubscribe');
  const people = await loadPeople(session, eligible);
  const employers = await organisationNames(session, people.values());
  const rows = eligible.flatMap((id) => {
    const p = people.get(id)?.data;
    if (!p) return [];
    const employer = p.organisationId ? (employers.get(p.organisationId) ?? '') : '';
    const row: ExportCell[] = [p.givenName, p.familyName, employer, p.jobTitle, ...contactCell(p, channel)];
    if (links) row.push(links.get(id)?.url ?? '', links.get(id)?.listUnsubscribe ?? '');
    return [row];
  });
  return { columns, rows };
};

export const exportCampaignFile = async (
  session: Session,
  input: CampaignExportInput,
  step: AuditStep,
): Promise<Done<CampaignExportResult>> => {
  const { purposeId, channel, format } = input;
  const now = input.now ?? Date.now();
  const listId = input.subscriptionTypeId ?? null;
  const decided = await decideCampaignList(
    session,
    { purposeId, channel, ...(listId ? { subscriptionTypeId: listId } : {}) },
    { now },
  );
  const decision = decided.result;
  if (!decision.eligible.length) return { result: { ...decision, savedAs: null }, audit: [] };
  let links: ReadonlyMap<string, CampaignLink> | undefined;
  if (channel === 'email' && input.server) {
    // The tokens are held and registered before the file exists: audited now, whatever the save does.
    const made = await campaignUnsubscribeLinks(session, {
      purposeId,
      subscriptionTypeId: listId,
      personIds: decision.eligible,
      server: input.server,
      now,
    });
    for (const entry of [made.audit].flat()) await step(entry);
    links = made.result.links;
  }
  const file = await campaignRows(session, decision.eligible, channel, links);
  const columns = file.columns.map(input.column);
  const bytes =
    format === 'xlsx'
      ? toXlsx(columns, file.rows, { sheetName: input.sheetName })
      : toCsv(columns, file.rows);
  const savedAs = await deliverFile(input.deliver, input.fileName, format, bytes);
  const gateAudit = [decided.audit].flat()[0]!;
  return {
    result: { ...decision, savedAs },
    audit: {
      ...gateAudit,
      action: 'export',
      batchId: newId(),
      details: { ...gateAudit.details, format, links: links ? links.size : 0 },
    },
  };
};
