// What a user can do with service cases and their timeline. Each operation validates, stores encrypted
// under the case's subject and returns the audit entries the core writes (ids and codes, never contents).
import type { AuditEvent } from '../audit';
import type { Decrypted } from '../store';
import { defineOperation, type Workspace } from '../workspace';
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
} from './case';

export type ServiceCase = Decrypted<CasePayload>;
export type CaseEntry = Decrypted<CaseEntryPayload>;

/** The case's replies and notes, oldest first. */
export const loadCaseEntries = async (
  workspace: Workspace,
  c: Pick<ServiceCase, 'id' | 'subjectId'>,
): Promise<CaseEntry[]> => {
  const { records } = await workspace.items(CASE_ENTRY_CONFIG).listForSubject(c.subjectId);
  return records.filter((e) => e.data.caseId === c.id).sort((a, b) => a.data.at - b.data.at);
};

export const createCase = defineOperation('cases.create', async (workspace, _actor, input: CaseInput) => {
  const cases = workspace.items(CASE_CONFIG);
  const data = cases.validate(input);
  const created = await cases.create(caseSubjectId(data), data);
  return { result: created, audit: { action: 'create', kind: 'case', recordIds: [created.id] } };
});

/** Opens one case to read or edit it: the view is recorded. */
export const openCase = defineOperation('cases.open', async (workspace, _actor, id: string) => {
  const found = await workspace.items(CASE_CONFIG).get(id);
  return { result: found, audit: { action: 'view', kind: 'case', recordIds: [found.id] } };
});

/**
 * Saves an edited case. When the edit links it to another subject, the case and its timeline are stored
 * anew under that subject's key and the old records removed (the case's id changes).
 */
export const saveCase = defineOperation(
  'cases.save',
  async (workspace, _actor, { id, input }: { readonly id: string; readonly input: CaseInput }) => {
    const cases = workspace.items(CASE_CONFIG);
    const current = await cases.get(id);
    const data = cases.validate(input);
    const subjectId = caseSubjectId(data);
    if (subjectId === current.subjectId) {
      const saved = await cases.update(id, () => data);
      return { result: saved, audit: { action: 'update', kind: 'case', recordIds: [id] } };
    }
    const entries = workspace.items(CASE_ENTRY_CONFIG);
    const oldEntries = await loadCaseEntries(workspace, current);
    const moved = await cases.create(subjectId, data);
    await entries.createMany(oldEntries.map((e) => ({ subjectId, input: { ...e.data, caseId: moved.id } })));
    for (const e of oldEntries) await entries.remove(e.id);
    await cases.remove(id);
    return {
      result: moved,
      audit: {
        action: 'update',
        kind: 'case',
        recordIds: [id, moved.id],
        details: { relinked: true, entries: oldEntries.length },
      },
    };
  },
);

const statusChange = (id: string, status: CaseStatus): AuditEvent => ({
  action: 'update',
  kind: 'case',
  recordIds: [id],
  details: { status },
});

export const setCaseStatus = defineOperation(
  'cases.setStatus',
  async (workspace, _actor, { id, status }: { readonly id: string; readonly status: CaseStatus }) => {
    const saved = await workspace.items(CASE_CONFIG).update(id, (c) => withCaseStatus(c, status));
    return { result: saved, audit: statusChange(id, status) };
  },
);

/** Adds a reply or an internal note; a reply to a new case opens it. */
export const addCaseEntry = defineOperation(
  'cases.addEntry',
  async (
    workspace,
    _actor,
    {
      caseId,
      entry,
    }: {
      readonly caseId: string;
      readonly entry: { readonly type: CaseEntryType; readonly body: string; readonly authorId: string };
    },
  ) => {
    const c = await workspace.items(CASE_CONFIG).get(caseId);
    const created = await workspace
      .items(CASE_ENTRY_CONFIG)
      .create(c.subjectId, { caseId: c.id, type: entry.type, body: entry.body, authorId: entry.authorId });
    const audit: AuditEvent[] = [
      { action: 'create', kind: 'case-entry', recordIds: [created.id, c.id], details: { type: entry.type } },
    ];
    if (entry.type === 'reply' && c.data.status === 'new') {
      await workspace.items(CASE_CONFIG).update(c.id, (data) => withCaseStatus(data, 'open'));
      audit.push(statusChange(c.id, 'open'));
    }
    return { result: created, audit };
  },
);

/** Deletes a case with its whole timeline. */
export const deleteCase = defineOperation('cases.delete', async (workspace, _actor, id: string) => {
  const c = await workspace.items(CASE_CONFIG).get(id);
  const entries = await loadCaseEntries(workspace, c);
  for (const e of entries) await workspace.items(CASE_ENTRY_CONFIG).remove(e.id);
  await workspace.items(CASE_CONFIG).remove(c.id);
  return {
    result: undefined,
    audit: { action: 'delete', kind: 'case', recordIds: [c.id, ...entries.map((e) => e.id)] },
  };
});
