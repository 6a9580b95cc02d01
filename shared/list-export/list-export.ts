// A list of people or organisations leaves Kluis only through the purpose gate: the user names the purpose
// and the channel, and only the records the gate allows are written, with only the contact column that
// channel needs (data minimisation, Art. 5(1)(c)). People get every rule of the gate (erasure, restriction,
// basis, objection, consent, unsubscribes, a way to reach them); organisations are not data subjects —
// consent, basis and objection are recorded per person — so for them erasure, restriction, the purpose's
// channels and a way to reach them decide.
import { decideCampaignList, DECRYPT_CHUNK, loadLedgers } from '../consent';
import type { ExclusionReason } from '../consent';
import type { ExportCell } from '../export';
import { ORGANISATION_KIND, type OrganisationPayload } from '../organisations';
import { PERSON_KIND, type PersonPayload } from '../people';
import { PURPOSE, type Channel } from '../purposes';
import { isRestricted } from '../restriction';
import type { Decrypted, RecordDoc } from '../store';
import type { Session } from '../vault';

export type ListKind = 'person' | 'organisation';

/** The columns a file can hold; which ones it holds depends on the kind and the channel. */
export type ListColumn =
  'givenName' | 'familyName' | 'jobTitle' | 'organisation' | 'name' | 'website' | 'tags' | 'contact';

export interface ListDecision {
  /** The records the file holds, in the list's order. */
  readonly eligible: readonly string[];
  /** Who was left out and why (ids only: names are for the screen). */
  readonly excluded: readonly { readonly id: string; readonly reason: ExclusionReason }[];
  readonly counts: Partial<Record<ExclusionReason, number>>;
}

export interface ListFile {
  readonly columns: readonly ListColumn[];
  readonly rows: readonly (readonly ExportCell[])[];
}

/** Opens the records of one kind among `ids` (a missing, deleted or erased record is not returned). */
const openByIds = async <T>(
  session: Session,
  kind: string,
  ids: readonly string[],
  open: (docs: RecordDoc[]) => Promise<{ records: Decrypted<T>[] }>,
): Promise<Map<string, Decrypted<T>>> => {
  const found = await session.db.records.findByIds([...new Set(ids)]).exec();
  const docs = [...found.values()].map((d) => d.toJSON() as RecordDoc).filter((d) => d.kind === kind);
  return new Map((await open(docs)).records.map((r) => [r.id, r]));
};

const openPeople = (session: Session, ids: readonly string[]) =>
  openByIds<PersonPayload>(session, PERSON_KIND, ids, (docs) =>
    session.people.openMany(docs, { chunkSize: DECRYPT_CHUNK }),
  );

const openOrganisations = (session: Session, ids: readonly string[]) =>
  openByIds<OrganisationPayload>(session, ORGANISATION_KIND, ids, (docs) =>
    session.organisations.openMany(docs, { chunkSize: DECRYPT_CHUNK }),
  );

const reachable = (data: Pick<PersonPayload, 'emails' | 'phones' | 'address'>, channel: Channel) =>
  channel === 'email'
    ? data.emails.length > 0
    : channel === 'phone' || channel === 'sms'
      ? data.phones.length > 0
      : channel === 'post'
        ? !!data.address?.street && (!!data.address.city || !!data.address.postalCode)
        : true;

const contactCell = (data: Pick<PersonPayload, 'emails' | 'phones' | 'address'>, channel: Channel) => {
  if (channel === 'email') return data.emails[0]?.value ?? '';
  if (channel === 'phone' || channel === 'sms') return data.phones[0]?.value ?? '';
  const a = data.address;
  return a
    ? [a.street, [a.postalCode, a.city].filter(Boolean).join(' '), a.country].filter(Boolean).join(', ')
    : '';
};

/** The gate's rules that apply to an organisation, in the gate's order. */
const decideOrganisations = async (
  session: Session,
  input: { readonly purposeId: string; readonly channel: Channel; readonly recordIds: readonly string[] },
  now: number,
): Promise<ListDecision> => {
  const purpose = await session.settings(PURPOSE).get(input.purposeId);
  const [organisations, ledgers] = await Promise.all([
    openOrganisations(session, input.recordIds),
    loadLedgers(session),
  ]);
  const channelAllowed = purpose.data.active && purpose.data.channels.includes(input.channel);
  const eligible: string[] = [];
  const excluded: { id: string; reason: ExclusionReason }[] = [];
  const counts: Partial<Record<ExclusionReason, number>> = {};
  for (const id of new Set(input.recordIds)) {
    const organisation = organisations.get(id);
    const reason: ExclusionReason | null = !organisation
      ? 'erased'
      : isRestricted(ledgers.restrictions.get(id) ?? [], now)
        ? 'restricted'
        : !channelAllowed
          ? 'channel-not-allowed'
          : !reachable(organisation.data, input.channel)
            ? 'no-contact-for-channel'
            : null;
    if (reason === null) eligible.push(id);
    else {
      excluded.push({ id, reason });
      counts[reason] = (counts[reason] ?? 0) + 1;
    }
  }
  return { eligible, excluded, counts };
};

/** Who of `recordIds` may leave Kluis for this purpose on this channel, and why the others may not. */
export const decideListExport = async (
  session: Session,
  input: {
    readonly kind: ListKind;
    readonly purposeId: string;
    readonly channel: Channel;
    readonly recordIds: readonly string[];
  },
  now = Date.now(),
): Promise<ListDecision> => {
  if (input.kind === 'organisation') return decideOrganisations(session, input, now);
  const { result } = await decideCampaignList(
    session,
    { purposeId: input.purposeId, channel: input.channel, personIds: input.recordIds },
    { now },
  );
  return {
    eligible: result.eligible,
    excluded: result.excluded.map(({ personId, reason }) => ({ id: personId, reason })),
    counts: result.counts,
  };
};

export const listColumns = (kind: ListKind, channel: Channel): ListColumn[] => {
  const contact: ListColumn[] = channel === 'in_person' ? [] : ['contact'];
  return kind === 'person'
    ? ['givenName', 'familyName', 'jobTitle', 'organisation', ...contact, 'tags']
    : ['name', 'website', ...contact, 'tags'];
};

/** The file's rows for the eligible records, read from the store (not from what a screen shows). */
export const listFile = async (
  session: Session,
  kind: ListKind,
  channel: Channel,
  eligible: readonly string[],
): Promise<ListFile> => {
  const columns = listColumns(kind, channel);
  const withContact = (data: Pick<PersonPayload, 'emails' | 'phones' | 'address'>) =>
    channel === 'in_person' ? [] : [contactCell(data, channel)];
  if (kind === 'organisation') {
    const organisations = await openOrganisations(session, eligible);
    const rows = eligible.flatMap((id) => {
      const o = organisations.get(id)?.data;
      return o ? [[o.name, o.website, ...withContact(o), o.tags.join(', ')]] : [];
    });
    return { columns, rows };
  }
  const people = await openPeople(session, eligible);
  const employerIds = [...people.values()].flatMap((p) =>
    p.data.organisationId ? [p.data.organisationId] : [],
  );
  const employers = await openOrganisations(session, employerIds);
  const rows = eligible.flatMap((id) => {
    const p = people.get(id)?.data;
    if (!p) return [];
    const employer = p.organisationId ? (employers.get(p.organisationId)?.data.name ?? '') : '';
    return [[p.givenName, p.familyName, p.jobTitle, employer, ...withContact(p), p.tags.join(', ')]];
  });
  return { columns, rows };
};
