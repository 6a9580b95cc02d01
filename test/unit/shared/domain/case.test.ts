import { describe, expect, it } from 'vitest';
import { CaseEntryPayload, CasePayload, compareCases, withCaseStatus } from '../../../../shared/cases/case';

const ORG = 'a1b2c3d4e5f6a7b8';

describe('service case', () => {
  it('starts new at normal priority, unassigned, and needs a subject line and a link', () => {
    expect(CasePayload.parse({ subject: 'Factuur klopt niet', organisationId: ORG })).toMatchObject({
      status: 'new',
      priority: 'normal',
      assigneeId: null,
      resolvedAt: null,
    });
    expect(CasePayload.safeParse({ subject: '  ', organisationId: ORG }).success).toBe(false);
    expect(CasePayload.safeParse({ subject: 'Vraag' }).success).toBe(false);
    expect(CasePayload.safeParse({ subject: 'Vraag', status: 'pending', organisationId: ORG }).success).toBe(
      false,
    );
  });

  it('stamps when it was resolved, keeps that when closed, and clears it when reopened', () => {
    const c = CasePayload.parse({ subject: 'Vraag', organisationId: ORG });
    const resolved = withCaseStatus(c, 'resolved', 100);
    expect(resolved.resolvedAt).toBe(100);
    expect(withCaseStatus(resolved, 'closed', 200).resolvedAt).toBe(100);
    expect(withCaseStatus(resolved, 'open', 300).resolvedAt).toBeNull();
  });

  it('sorts the most urgent first, then the one waiting longest', () => {
    const cases = [
      { id: 'a', priority: 'normal', createdAt: 1 },
      { id: 'b', priority: 'urgent', createdAt: 5 },
      { id: 'c', priority: 'urgent', createdAt: 2 },
      { id: 'd', priority: 'low', createdAt: 0 },
      { id: 'e', priority: 'high', createdAt: 9 },
    ] as const;
    expect([...cases].sort(compareCases).map((c) => c.id)).toEqual(['c', 'b', 'e', 'a', 'd']);
  });

  it('a timeline entry is a reply or an internal note with a body', () => {
    expect(
      CaseEntryPayload.safeParse({ caseId: ORG, type: 'reply', body: 'Dank u', authorId: 'local' }).success,
    ).toBe(true);
    expect(
      CaseEntryPayload.safeParse({ caseId: ORG, type: 'email', body: 'x', authorId: 'local' }).success,
    ).toBe(false);
    expect(
      CaseEntryPayload.safeParse({ caseId: ORG, type: 'note', body: ' ', authorId: 'local' }).success,
    ).toBe(false);
  });
});
