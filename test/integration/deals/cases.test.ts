// Service cases with their timeline through the real repositories: entries stay with their case, move
// with it to another subject, and go with it when it is deleted or its subject erased.
import { describe, expect, it } from 'vitest';
import {
  addCaseEntry as addCaseEntryAs,
  CASE_CONFIG,
  CASE_ENTRY_CONFIG,
  createCase as createCaseAs,
  deleteCase as deleteCaseAs,
  loadCaseEntries,
  saveCase as saveCaseAs,
  setCaseStatus as setCaseStatusAs,
  type CaseEntryType,
  type CaseInput,
  type CaseStatus,
  type ServiceCase,
} from '../../../shared/cases';
import type { Session } from '../../../shared/vault';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { useMemoryVaults } from '../../helpers/vaults';
import { annelies, zeeland } from '../../fixtures/people';

const createCase = (session: Session, input: CaseInput) => createCaseAs(session, LOCAL_ACTOR, input);
const saveCase = (session: Session, id: string, input: CaseInput) =>
  saveCaseAs(session, LOCAL_ACTOR, { id, input });
const setCaseStatus = (session: Session, id: string, status: CaseStatus) =>
  setCaseStatusAs(session, LOCAL_ACTOR, { id, status });
const addCaseEntry = (
  session: Session,
  c: ServiceCase,
  entry: { type: CaseEntryType; body: string; authorId: string },
) => addCaseEntryAs(session, LOCAL_ACTOR, { caseId: c.id, entry });
const deleteCase = (session: Session, c: ServiceCase) => deleteCaseAs(session, LOCAL_ACTOR, c.id);

const open = useMemoryVaults();

describe('service cases', () => {
  it('round-trips a case and its timeline encrypted; a reply opens a new case; resolving stamps it', async () => {
    const session = await open();
    const org = await session.organisations.create(zeeland);
    const c = await createCase(session, {
      subject: 'Factuur klopt niet',
      organisationId: org.id,
      priority: 'high',
    });
    await addCaseEntry(session, c, { type: 'note', body: 'Creditnota aanvragen', authorId: 'local' });
    expect((await session.items(CASE_CONFIG).get(c.id)).data.status).toBe('new');
    await addCaseEntry(session, c, { type: 'reply', body: 'We komen morgen bij u terug', authorId: 'local' });
    expect((await session.items(CASE_CONFIG).get(c.id)).data.status).toBe('open');

    const entries = await loadCaseEntries(session, c);
    expect(entries.map((e) => e.data.type)).toEqual(['note', 'reply']);
    const raw = JSON.stringify((await session.db.items.find().exec()).map((d) => d.toJSON()));
    expect(raw).not.toContain('Factuur');
    expect(raw).not.toContain('Creditnota');

    const resolved = await setCaseStatus(session, c.id, 'resolved');
    expect(resolved.data.resolvedAt).toBeGreaterThan(0);
  });

  it('relinking a case to another subject takes its timeline along', async () => {
    const session = await open();
    const org = await session.organisations.create(zeeland);
    const person = await session.people.create(annelies);
    const c = await createCase(session, { subject: 'Vraag over levering', personId: person.id });
    await addCaseEntry(session, c, { type: 'reply', body: 'Volgende week', authorId: 'local' });
    const moved = await saveCase(session, c.id, { ...c.data, organisationId: org.id });
    expect(moved.subjectId).toBe(org.id);
    expect((await loadCaseEntries(session, moved)).map((e) => e.data.body)).toEqual(['Volgende week']);
    expect((await session.items(CASE_ENTRY_CONFIG).listForSubject(person.id)).records).toEqual([]);
    expect((await session.items(CASE_CONFIG).listForSubject(person.id)).records).toEqual([]);
  });

  it('deleting a case deletes its timeline; erasing the subject takes both', async () => {
    const session = await open();
    const org = await session.organisations.create(zeeland);
    const first = await createCase(session, { subject: 'Eerste', organisationId: org.id });
    await addCaseEntry(session, first, { type: 'note', body: 'a', authorId: 'local' });
    const second = await createCase(session, { subject: 'Tweede', organisationId: org.id });
    await addCaseEntry(session, second, { type: 'note', body: 'b', authorId: 'local' });

    await deleteCase(session, first);
    expect((await session.items(CASE_ENTRY_CONFIG).loadAll()).records.map((e) => e.data.body)).toEqual(['b']);

    await session.organisations.remove(org.id);
    expect((await session.items(CASE_CONFIG).loadAll()).records).toEqual([]);
    expect((await session.items(CASE_ENTRY_CONFIG).loadAll()).records).toEqual([]);
  });
});
