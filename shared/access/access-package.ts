// The access package (Art. 15): everything held about one person, read through the same encrypted
// repositories the app uses, gathered into `data.json` plus a report in English and Dutch (access-report.ts),
// zipped. Records stored under the person's organisation that name them (deals, cases, activities they took
// part in) are included; ids of other people are left out, and audit entries keep only this person's ids.
import { strToU8, zipSync } from 'fflate';
import type { z } from 'zod';
import type { AuditEntry } from '../audit';
import type { AuditEvent } from '../audit';
import { loadPersonLedgers, type PersonLedgers } from '../consent';
import { PRIVACY_NOTICE, SUBSCRIPTION_TYPE } from '../consent';
import type { PrivacyNoticePayload, SubscriptionTypePayload } from '../consent';
import { ACTIVITY_ITEMS, type ActivityPayload } from '../activities';
import { CASE_CONFIG, CASE_ENTRY_CONFIG, type CaseEntryPayload, type CasePayload } from '../cases';
import { DEAL_CONFIG, type DealPayload } from '../deals';
import type { OrganisationPayload } from '../organisations';
import type { PersonPayload } from '../people';
import { TASK_ITEMS, type TaskPayload } from '../tasks';
import { PROCESSOR, type ProcessorPayload } from '../processors';
import type { Setting, SettingKindConfig } from '../store';
import type { Session } from '../vault';
import { listFieldChanges } from '../rectification';
import { PROFILING_OPTOUT, loadProfilingChoices } from '../objection';
import { accessReportHtml } from './access-report';
import { listRequests, type SubjectRequest } from '../requests';
import type { FieldChangePayload } from '../rectification';
import type { ProfilingChoicePayload } from '../objection';
import { storedController } from '../purposes';
import { PURPOSE } from '../purposes';
import type { ControllerPayload } from '../purposes';
import type { PurposePayload } from '../purposes';
import type { LedgerEntry } from '../purposes';

export const ACCESS_PACKAGE_FORMAT = 'kluis-access-package/1';

interface Held<P> {
  readonly id: string;
  readonly updatedAt: number;
  readonly data: P;
}

/** `data.json`: the copy of the data (Art. 15(3)), every section present even when empty. */
export interface AccessData {
  readonly format: typeof ACCESS_PACKAGE_FORMAT;
  readonly generatedAt: number;
  readonly requestId: string | null;
  readonly subjectId: string;
  readonly profile: PersonPayload;
  readonly organisations: Held<OrganisationPayload>[];
  readonly activities: Held<ActivityPayload>[];
  readonly deals: Held<DealPayload>[];
  readonly cases: Held<CasePayload>[];
  readonly caseEntries: Held<CaseEntryPayload>[];
  readonly tasks: Held<TaskPayload>[];
  readonly consent: PersonLedgers;
  readonly profiling: LedgerEntry<ProfilingChoicePayload>[];
  readonly fieldHistory: Held<FieldChangePayload>[];
  readonly requests: Held<SubjectRequest['data']>[];
  readonly audit: AuditEntry[];
  /** Records about the person this version cannot read (a newer app's kind, a damaged record): counted, so nothing goes unmentioned. */
  readonly unreadable: { readonly kind: string; readonly count: number }[];
}

/** The registers the report answers Art. 15(1)(a)–(h) from. */
export interface AccessRegisters {
  readonly controller: ControllerPayload | null;
  readonly purposes: Setting<PurposePayload>[];
  readonly processors: Setting<ProcessorPayload>[];
  readonly notices: Setting<PrivacyNoticePayload>[];
  readonly subscriptionTypes: Setting<SubscriptionTypePayload>[];
}

export type AccessProgress = (step: { done: number; total: number }) => void;

const strip = <P>(records: readonly { id: string; updatedAt: number; data: P }[]): Held<P>[] =>
  records.map(({ id, updatedAt, data }) => ({ id, updatedAt, data }));

const KNOWN_KINDS = new Set<string>([
  ACTIVITY_ITEMS.kind,
  DEAL_CONFIG.kind,
  CASE_CONFIG.kind,
  CASE_ENTRY_CONFIG.kind,
  TASK_ITEMS.kind,
  PROFILING_OPTOUT.kind,
  'field-change',
  'purpose-basis',
  'consent-event',
  'subscription-event',
  'objection',
  'restriction',
  'notice-receipt',
]);

/** Reads everything held about one person. Throws NotFoundError when the person is not (or no longer) here. */
export const collectAccessData = async (
  session: Session,
  subjectId: string,
  options: { requestId?: string | null; now?: number; onProgress?: AccessProgress } = {},
): Promise<AccessData> => {
  const total = 8;
  let done = 0;
  const step = () => options.onProgress?.({ done: ++done, total });
  const person = await session.people.get(subjectId);
  const orgId = person.data.organisationId;
  const organisation = orgId ? await session.organisations.get(orgId).catch(() => null) : null;
  step();
  const under = orgId ? [subjectId, orgId] : [subjectId];
  const about = <P extends { personId: string | null }>(r: { subjectId: string; data: P }) =>
    r.subjectId === subjectId || r.data.personId === subjectId;
  const load = async <P>(
    read: (
      id: string,
    ) => Promise<{ records: { id: string; subjectId: string; updatedAt: number; data: P }[] }>,
  ) => (await Promise.all(under.map(read))).flatMap((r) => r.records);

  const activities = (await load((id) => session.items(ACTIVITY_ITEMS).listForSubject(id)))
    .filter((a) => a.subjectId === subjectId || a.data.participantIds.includes(subjectId))
    // Who else took part is about them, not about this person.
    .map((a) => ({
      ...a,
      data: { ...a.data, participantIds: a.data.participantIds.filter((p) => p === subjectId) },
    }));
  step();
  const deals = (await load((id) => session.items(DEAL_CONFIG).listForSubject(id))).filter(about);
  const cases = (await load((id) => session.items(CASE_CONFIG).listForSubject(id))).filter(about);
  const caseIds = new Set(cases.map((c) => c.id));
  const caseEntries = (await load((id) => session.items(CASE_ENTRY_CONFIG).listForSubject(id))).filter((e) =>
    caseIds.has(e.data.caseId),
  );
  step();
  const tasks = (await session.items(TASK_ITEMS).listForSubject(subjectId)).records;
  const consent = await loadPersonLedgers(session, subjectId);
  step();
  const profiling = await loadProfilingChoices(session, subjectId);
  const fieldHistory = await listFieldChanges(session, subjectId);
  step();
  const requests = await listRequests(session, subjectId);
  step();

  const ownIds = new Set<string>([
    subjectId,
    ...[activities, deals, cases, caseEntries, tasks, fieldHistory, requests].flatMap((list) =>
      list.map((r) => r.id),
    ),
    ...Object.values(consent).flatMap((list: { id: string }[]) => list.map((r) => r.id)),
    ...profiling.map((r) => r.id),
  ]);
  const audit = (await session.audit.entries()).entries
    .filter((e) => e.recordIds.some((id) => ownIds.has(id)))
    .map((e) => ({ ...e, recordIds: e.recordIds.filter((id) => ownIds.has(id)) }));
  step();

  const stored = await session.db.items.find({ selector: { subjectId } }).exec();
  const read = new Set(ownIds);
  const unreadable = new Map<string, number>();
  for (const doc of stored) {
    if (read.has(doc.id) && KNOWN_KINDS.has(doc.kind)) continue;
    unreadable.set(doc.kind, (unreadable.get(doc.kind) ?? 0) + 1);
  }
  step();

  return {
    format: ACCESS_PACKAGE_FORMAT,
    generatedAt: options.now ?? Date.now(),
    requestId: options.requestId ?? null,
    subjectId,
    profile: person.data,
    organisations: organisation ? strip([organisation]) : [],
    activities: strip(activities),
    deals: strip(deals),
    cases: strip(cases),
    caseEntries: strip(caseEntries),
    tasks: strip(tasks),
    consent,
    profiling,
    fieldHistory: strip(fieldHistory),
    requests: strip(requests),
    audit,
    unreadable: [...unreadable].map(([kind, count]) => ({ kind, count })),
  };
};

export const loadAccessRegisters = async (session: Session): Promise<AccessRegisters> => {
  const listed = async <S extends z.ZodType<Record<string, unknown>>>(config: SettingKindConfig<S>) =>
    (await session.settings(config).list()).records;
  const [controller, purposes, processors, notices, subscriptionTypes] = await Promise.all([
    storedController(session),
    listed(PURPOSE),
    listed(PROCESSOR),
    listed(PRIVACY_NOTICE),
    listed(SUBSCRIPTION_TYPE),
  ]);
  return { controller, purposes, processors, notices, subscriptionTypes };
};

/** The ZIP: data.json, report.en.html, report.nl.html. */
export const accessPackageZip = (data: AccessData, registers: AccessRegisters): Uint8Array => {
  const mtime = new Date(data.generatedAt);
  return zipSync(
    {
      'data.json': [strToU8(`${JSON.stringify(data, null, 2)}\n`), { mtime }],
      'report.en.html': [strToU8(accessReportHtml(data, registers, 'en')), { mtime }],
      'report.nl.html': [strToU8(accessReportHtml(data, registers, 'nl')), { mtime }],
    },
    { level: 6 },
  );
};

/** Collects, builds and audits the package (action 'export', the request as purpose). */
export const produceAccessPackage = async (
  session: Session,
  subjectId: string,
  options: { requestId?: string | null; onProgress?: AccessProgress } = {},
): Promise<{ bytes: Uint8Array; data: AccessData }> => {
  const data = await collectAccessData(session, subjectId, options);
  const registers = await loadAccessRegisters(session);
  return { bytes: accessPackageZip(data, registers), data };
};

/** The audit entry of a saved package (the export operation writes it once the file was saved). */
export const accessExportAudit = (data: AccessData, format = 'access-package'): AuditEvent => ({
  action: 'export',
  kind: 'access-package',
  recordIds: [data.subjectId],
  ...(data.requestId ? { requestId: data.requestId } : {}),
  details: { format },
});
