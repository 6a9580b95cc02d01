// Custom fields (issue 7.1): a field is accepted only with a data category and a purpose from the
// register; special-category data needs the Art. 9(2) exception; values are kept in the person's
// payload, answer "why do we hold this?" and appear in the record of processing.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PURPOSES, PURPOSE_CONTRACT_ADMINISTRATION } from '../../../../shared/consent/defaults';
import { PersonPayload } from '../../../../shared/people/person';
import {
  categoriesHeld,
  checkCustomField,
  CUSTOM_FIELD,
  CustomFieldPayload,
  type CustomFieldInput,
} from '../../../../shared/processing-record/custom-fields';
import { justify } from '../../../../shared/processing-record/field-catalogue';
import { buildRopa } from '../../../../shared/processing-record/ropa';
import { ValidationError } from '../../../../shared/store/errors';
import { useMemoryVaults } from '../../../helpers/vaults';
import { PurposePayload } from '../../../../shared/purposes/purposes';

const purposes = DEFAULT_PURPOSES.map((p) => ({ id: p.id, data: PurposePayload.parse(p.data) }));
const shoeSize: CustomFieldInput = {
  entity: 'person',
  label: { en: 'Shoe size', nl: 'Schoenmaat' },
  category: 'behavioural',
  purposeIds: [PURPOSE_CONTRACT_ADMINISTRATION],
};
const issuesOf = (input: unknown) =>
  (CustomFieldPayload.safeParse(input).error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.message}`);

const open = useMemoryVaults();

describe('custom field definitions', () => {
  it('accepts a field with a category and a purpose', () => {
    expect(issuesOf(shoeSize)).toEqual([]);
    expect(checkCustomField(CustomFieldPayload.parse(shoeSize), purposes)).toEqual([]);
  });

  it('refuses a field without a category or without a purpose, naming the field', () => {
    expect(issuesOf({ ...shoeSize, category: undefined })).toEqual([expect.stringMatching(/^category:/)]);
    expect(issuesOf({ ...shoeSize, purposeIds: [] })).toEqual(['purposeIds:purposes']);
    expect(issuesOf({ ...shoeSize, label: { en: '', nl: '' } })).toEqual(['label:label']);
  });

  it('demands the Art. 9(2) exception for a special-category field', () => {
    const health = {
      ...shoeSize,
      label: { en: 'Allergies', nl: 'Allergieën' },
      category: 'special_category',
    };
    expect(issuesOf(health)).toEqual(['specialCategoryException:special_category_exception']);
    expect(
      issuesOf({ ...health, specialCategoryException: 'Art. 9(2)(a): explicit consent for catering' }),
    ).toEqual([]);
  });

  it('refuses purposes that are not in the register or no longer in use', () => {
    const unknown = CustomFieldPayload.parse({ ...shoeSize, purposeIds: ['purpose-pets'] });
    expect(checkCustomField(unknown, purposes)).toEqual([{ path: 'purposeIds', code: 'unknown_purpose' }]);
    const retired = purposes.map((p) =>
      p.id === PURPOSE_CONTRACT_ADMINISTRATION ? { ...p, data: { ...p.data, active: false } } : p,
    );
    expect(checkCustomField(CustomFieldPayload.parse(shoeSize), retired)).toEqual([
      { path: 'purposeIds', code: 'inactive_purpose' },
    ]);
  });

  it('stores nothing when a definition is invalid', async () => {
    const session = await open();
    await expect(session.settings(CUSTOM_FIELD).put({ ...shoeSize, purposeIds: [] })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await session.settings(CUSTOM_FIELD).list()).records).toEqual([]);
  });
});

describe('custom field values', () => {
  it('are kept in the person payload, encrypted with the person, and count for the categories held', async () => {
    const session = await open();
    const field = await session.settings(CUSTOM_FIELD).put(shoeSize);
    const person = await session.people.create({
      givenName: 'Femke',
      familyName: 'Voet',
      source: { method: 'collected_from_person', obtainedOn: '2026-11-02' },
      custom: { [field.id]: '39' },
    });
    expect((await session.people.get(person.id)).data.custom).toEqual({ [field.id]: '39' });
    const categories = new Map([[field.id, field.data.category]]);
    expect(categoriesHeld('person', person.data, categories).has('behavioural')).toBe(true);
    expect(categoriesHeld('person', { ...person.data, custom: {} }, categories).has('behavioural')).toBe(
      false,
    );
  });

  it('a person stored before custom fields existed still opens, with no custom values', () => {
    const old = {
      givenName: 'Oud',
      familyName: 'Record',
      source: { method: 'import', obtainedOn: '2024-01-01' },
    };
    expect(PersonPayload.parse(old).custom).toEqual({});
  });
});

describe('why we hold it, and the record of processing', () => {
  const field = { id: 'field-shoe-size', data: CustomFieldPayload.parse(shoeSize) };

  it('answers "why do we hold this?" from the definition', () => {
    const row = justify('person', purposes, [field]).find((f) => f.field === 'custom.field-shoe-size')!;
    expect(row.label).toEqual({ en: 'Shoe size', nl: 'Schoenmaat' });
    expect(row.category).toBe('behavioural');
    expect(row.purposes.map((p) => p.id)).toEqual([PURPOSE_CONTRACT_ADMINISTRATION]);
    expect(justify('organisation', purposes, [field]).some((f) => f.field.startsWith('custom'))).toBe(false);
  });

  it('lists the field under the purposes that justify it in the Art. 30 record', () => {
    const ropa = buildRopa(
      {
        controller: null,
        purposes,
        processors: [],
        counts: { people: 0, organisations: 0, perPurpose: {}, perCategory: {} },
        devices: null,
        generatedAt: 0,
        customFields: [field],
      },
      'en',
    );
    const contract = ropa.entries.find((e) => e.purposeId === PURPOSE_CONTRACT_ADMINISTRATION)!;
    expect(contract.customFields).toEqual(['Shoe size (Behavioural)']);
    expect(contract.dataCategories).toContain('behavioural');
    expect(ropa.entries.filter((e) => e.customFields.length)).toHaveLength(1);
  });
});
