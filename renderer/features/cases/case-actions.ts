// Writing service cases and their timeline: validated, encrypted under the case's subject, audited by
// id (never contents).
import {
  CASE_CONFIG,
  CASE_ENTRY_CONFIG,
  caseSubjectId,
  withCaseStatus,
  type CaseEntryPayload,
  type CaseEntryType,
  type CaseInput,
  type CasePayload,
  type CaseStatus,
} from '../../../shared/cases';
import type { Decrypted } from '../../../shared/store';
import type { Session } from '../../../shared/vault';

export type ServiceCase = Decrypted<CasePayload>;
export type CaseEntry = Decrypted<CaseEntryPayload>;

export const createCase = async (session: Session, input: CaseInput): Promise<ServiceCase> => {
  const cases = session.items(CASE_CONFIG);
  const data = cases.validate(input);
  const created = await cases.create(caseSubjectId(data), data);
  await session.audit.record({ action: 'create', kind: 'case', recordIds: [created.id] });
  return created;
};

/** The case's replies and notes, oldest first. */
export const loadCaseEntries = async (session: Session, c: ServiceCase): Promise<CaseEntry[]> => {
  const { records } = await session.items(CASE_ENTRY_CONFIG).listForSubject(c.subjectId);
  return records.filter((e) => e.data.caseId === c.id).sort((a, b) => a.data.at - b.data.at);
};

/**
 * Saves an edited case. When the edit links it to another subject, the case and its timeline are stored
 * anew under that subject's key and the old records removed (the case's id changes).
 */
export const saveCase = async (session: Session, id: string, input: CaseInput): Promise<ServiceCase> => {
  const cases = session.items(CASE_CONFIG);
  const current = await cases.get(id);
  const data = cases.validate(input);
  const subjectId = caseSubjectId(data);
  if (subjectId === current.subjectId) {
    const saved = await cases.update(id, () => data);
    await session.audit.record({ action: 'update', kind: 'case', recordIds: [id] });
    return saved;
  }
  const entries = session.items(CASE_ENTRY_CONFIG);
  const oldEntries = await loadCaseEntries(session, current);
  const moved = await cases.create(subjectId, data);
  await entries.createMany(oldEntries.map((e) => ({ subjectId, input: { ...e.data, caseId: moved.id } })));
  for (const e of oldEntries) await entries.remove(e.id);
  await cases.remove(id);
  await session.audit.record({
    action: 'update',
    kind: 'case',
    recordIds: [id, moved.id],
    details: { relinked: true, entries: oldEntries.length },
  });
  return moved;
};

export const setCaseStatus = async (
  session: Session,
  id: string,
  status: CaseStatus,
): Promise<ServiceCase> => {
  const saved = await session.items(CASE_CONFIG).update(id, (c) => withCaseStatus(c, status));
  await session.audit.record({ action: 'update', kind: 'case', recordIds: [id], details: { status } });
  return saved;
};

/** Adds a reply or an internal note; a reply to a new case opens it. */
export const addCaseEntry = async (
  session: Session,
  c: ServiceCase,
  entry: { type: CaseEntryType; body: string; authorId: string },
): Promise<CaseEntry> => {
  const created = await session
    .items(CASE_ENTRY_CONFIG)
    .create(c.subjectId, { caseId: c.id, type: entry.type, body: entry.body, authorId: entry.authorId });
  await session.audit.record({
    action: 'create',
    kind: 'case-entry',
    recordIds: [created.id, c.id],
    details: { type: entry.type },
  });
  if (entry.type === 'reply' && c.data.status === 'new') await setCaseStatus(session, c.id, 'open');
  return created;
};

/** Deletes a case with its whole timeline. */
export const deleteCase = async (session: Session, c: ServiceCase): Promise<void> => {
  const entries = await loadCaseEntries(session, c);
  for (const e of entries) await session.items(CASE_ENTRY_CONFIG).remove(e.id);
  await session.items(CASE_CONFIG).remove(c.id);
  await session.audit.record({
    action: 'delete',
    kind: 'case',
    recordIds: [c.id, ...entries.map((e) => e.id)],
  });
};
