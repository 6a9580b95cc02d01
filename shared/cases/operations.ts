// What a user can do with service cases and their timeline. Each operation validates, stores encrypted
// under the case's subject and returns the audit entries the core writes (ids and codes, never contents).
import type { AuditEvent } from '../audit';
import type { Decrypted } from '../store';
import { createLinkedItem, defineOperation, saveLinkedItem, type Workspace } from '../workspace';
import {
  CASE_CONFIG,
  CASE_ENTRY_CONFIG,
  caseSubjectId,
  withCaseStatus,
  type CaseEntryPayload,
  type CaseEntryType,
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

export const createCase = defineOperation('cases.create', createLinkedItem(CASE_CONFIG, caseSubjectId));

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
  saveLinkedItem(CASE_CONFIG, caseSubjectId, async (workspace, from, to) => {
    const entries = workspace.items(CASE_ENTRY_CONFIG);
    const oldEntries = await loadCaseEntries(workspace, from);
    await entries.createMany(
      oldEntries.map((e) => ({ subjectId: to.subjectId, input: { ...e.data, caseId: to.id } })),
    );
    for (const e of oldEntries) await entries.remove(e.id);
    return { entries: oldEntries.length };
  }),
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
