import { describe, expect, it } from 'vitest';
import type { DuplicateGroup, ImportCandidate, ImportPerson } from '../../../../shared/import/types';
import { planImport } from '../../../../shared/import/plan';
import { noticeDueBy } from '../../../../shared/import/purpose';
import { columnsOf } from '../../../../shared/import/source-columns';
import { mergeIntoPerson, organisationKey } from '../../../../shared/import/to-people';
import { PersonPayload } from '../../../../shared/people/person';
import { importPerson } from '../../../fixtures/import-person';

const person = (givenName: string, extra: Partial<ImportPerson> = {}) =>
  importPerson(givenName, 'Jansen', extra);
const candidate = (index: number, p: ImportPerson, valid = true): ImportCandidate => ({
  index,
  row: index + 2,
  person: p,
  valid,
});
/** Joins names, so a test can see which rows were merged. */
const joinNames = (a: ImportPerson, b: ImportPerson): ImportPerson => ({
  ...a,
  givenName: `${a.givenName}+${b.givenName}`,
});

describe('planImport', () => {
  const candidates = [
    candidate(0, person('Anna')),
    candidate(1, person('Anne')),
    candidate(2, person('Bas')),
    candidate(3, person('Cor')),
    candidate(4, person('Dirk')),
  ];
  const groups: DuplicateGroup[] = [
    { reasons: ['name'], indexes: [0, 1], existingIds: [] },
    { reasons: ['email'], indexes: [2], existingIds: ['existing1'] },
    { reasons: ['phone'], indexes: [3], existingIds: ['existing2'] },
  ];

  it('merges within the file into one new person and into an existing person; rows without duplicates are created', () => {
    const plan = planImport(candidates, groups, ['merge', 'merge', 'merge'], joinNames);
    expect(plan.create.map((c) => [c.rows, c.person.givenName])).toEqual([
      [[2, 3], 'Anna+Anne'],
      [[6], 'Dirk'],
    ]);
    expect(plan.merge.map((m) => [m.existingId, m.rows])).toEqual([
      ['existing1', [4]],
      ['existing2', [5]],
    ]);
    expect(plan.mergedWithinFile).toBe(1);
    expect(plan.skipped).toEqual([]);
  });

  it('keeps both: every row becomes a person and the existing person is left alone', () => {
    const plan = planImport(candidates, groups, ['keep', 'keep', 'skip'], joinNames);
    expect(plan.create.map((c) => c.person.givenName)).toEqual(['Anna', 'Anne', 'Bas', 'Dirk']);
    expect(plan.merge).toEqual([]);
    expect(plan.skipped).toEqual([5]);
  });

  it('never imports an invalid row, even in a group', () => {
    const plan = planImport(
      [candidate(0, person('Anna')), candidate(1, person(''), false)],
      [{ reasons: ['email'], indexes: [0, 1], existingIds: [] }],
      ['merge'],
      joinNames,
    );
    expect(plan.create.map((c) => c.person.givenName)).toEqual(['Anna']);
    expect(plan.mergedWithinFile).toBe(0);
  });
});

describe('import helpers', () => {
  it('gives the Art. 14 notice date one calendar month after obtaining, at most the month’s last day', () => {
    expect(noticeDueBy('2026-11-20')).toBe('2026-12-20');
    expect(noticeDueBy('2026-01-31')).toBe('2026-02-28');
    expect(noticeDueBy('2026-12-15')).toBe('2027-01-15');
  });

  it('tells which column each field is read from', () => {
    expect(columnsOf([null, { field: 'email' }, { field: 'givenName' }, { field: 'email' }])).toEqual({
      email: 2,
      givenName: 3,
    });
  });

  it('matches organisation names regardless of case, accents, spacing and punctuation', () => {
    expect(organisationKey('IJsselmeer Vis B.V.')).toBe(organisationKey('ijsselmeer  vis bv'));
    expect(organisationKey('Café Zoë')).toBe(organisationKey('cafe zoe'));
    expect(organisationKey('Alpha BV')).not.toBe(organisationKey('Beta BV'));
  });

  it('merging a row into a person adds what is missing and never overwrites', () => {
    const current = PersonPayload.parse({
      givenName: 'Ruud',
      familyName: "van 't Hof",
      emails: [{ value: 'ruud@hof.example' }],
      phones: [{ value: '+31 20 555 0101' }],
      jobTitle: 'Eigenaar',
      source: { method: 'business_card', obtainedOn: '2026-01-02' },
    });
    const merged = mergeIntoPerson(
      current,
      person('R.', {
        emails: [
          { value: 'RUUD@hof.example', label: 'work' },
          { value: 'r@thuis.example', label: 'home' },
        ],
        phones: [{ value: '+31205550101', label: 'work' }],
        jobTitle: 'Directeur',
        notes: 'Van de beurs',
      }),
      'org1',
    );
    expect(merged.givenName).toBe('Ruud');
    expect(merged.jobTitle).toBe('Eigenaar');
    expect(merged.emails?.map((e) => e.value)).toEqual(['ruud@hof.example', 'r@thuis.example']);
    expect(merged.phones).toHaveLength(1);
    expect(merged.organisationId).toBe('org1');
    expect(merged.notes).toBe('Van de beurs');
    expect(merged.source).toEqual(current.source);
  });
});
