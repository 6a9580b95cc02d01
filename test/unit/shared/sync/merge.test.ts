// The pure merges behind sync's conflict handlers.
import { describe, expect, it } from 'vitest';
import { canonical, keysConflictHandler, mergeFields, mergeKeyEntries } from '../../../../shared/sync/merge';

const base = { firstName: 'A', lastName: 'B', emails: [{ value: 'a@x', label: 'work' }] };

describe('mergeFields', () => {
  it('takes each side’s own changes when they touch different fields', () => {
    const merged = mergeFields(
      base,
      { fields: { ...base, firstName: 'Local' }, updatedAt: 2 },
      { fields: { ...base, lastName: 'Remote' }, updatedAt: 3 },
    );
    expect(merged).toEqual({ fields: { ...base, firstName: 'Local', lastName: 'Remote' }, losses: [] });
  });

  it('picks the later write for a field both changed and reports the losing value', () => {
    const merged = mergeFields(
      base,
      { fields: { ...base, firstName: 'Local' }, updatedAt: 5 },
      { fields: { ...base, firstName: 'Remote' }, updatedAt: 3 },
    );
    expect(merged.fields.firstName).toBe('Local');
    expect(merged.losses).toEqual([
      {
        field: 'firstName',
        losingValue: 'Remote',
        winningValue: 'Local',
        losingUpdatedAt: 3,
        winningUpdatedAt: 5,
      },
    ]);
  });

  it('breaks a tie of times the same way whichever side is local', () => {
    const x = { fields: { ...base, firstName: 'X' }, updatedAt: 4 };
    const y = { fields: { ...base, firstName: 'Y' }, updatedAt: 4 };
    expect(mergeFields(base, x, y).fields.firstName).toBe(mergeFields(base, y, x).fields.firstName);
  });

  it('keeps a field removed on one side removed, and treats key order as no change', () => {
    const { emails: _dropped, ...withoutEmails } = base;
    const merged = mergeFields(
      base,
      { fields: withoutEmails, updatedAt: 2 },
      { fields: { ...base, emails: [{ label: 'work', value: 'a@x' }] }, updatedAt: 3 },
    );
    expect(merged).toEqual({ fields: withoutEmails, losses: [] });
  });

  it('without a base counts every differing field as a conflict', () => {
    const merged = mergeFields(
      undefined,
      { fields: { a: 1 }, updatedAt: 1 },
      { fields: { a: 2 }, updatedAt: 2 },
    );
    expect(merged.fields).toEqual({ a: 2 });
    expect(merged.losses).toHaveLength(1);
  });

  it('writes canonical JSON with sorted keys', () => {
    expect(canonical({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });
});

describe('mergeKeyEntries', () => {
  it('keeps entries added on either side and keeps erased entries erased', () => {
    const merged = mergeKeyEntries(
      { s1: 'k1', s2: 'k2', s3: 'k3' },
      { s1: 'k1', s3: 'k3', s4: 'k4' },
      { s1: 'k1', s2: 'k2', s5: 'k5' },
    );
    expect(merged).toEqual({ s1: 'k1', s4: 'k4', s5: 'k5' });
  });

  it('deletes and blanks a page whose entries were all erased', async () => {
    const resolved = await keysConflictHandler.resolve(
      {
        assumedMasterState: { id: 'p', keyId: 'o', payload: '{"s1":"k1","s2":"k2"}', _deleted: false },
        newDocumentState: { id: 'p', keyId: 'o', payload: '{"s2":"k2"}', _deleted: false },
        realMasterState: { id: 'p', keyId: 'o', payload: '{}', _deleted: true },
      },
      'test',
    );
    expect(resolved).toEqual({ id: 'p', keyId: 'o', payload: '{}', _deleted: true });
  });
});
