import { describe, expect, it } from 'vitest';
import { DEFAULT_PURPOSES, PURPOSE_CONTRACT_ADMINISTRATION } from '../../../../shared/consent/defaults';
import { OrganisationPayload } from '../../../../shared/organisations/organisation';
import { PersonPayload } from '../../../../shared/people/person';
import { FIELD_CATALOGUE, justify } from '../../../../shared/processing-record/field-catalogue';
import { PurposePayload } from '../../../../shared/purposes/purposes';

const purposes = DEFAULT_PURPOSES.map((p) => ({ id: p.id, data: PurposePayload.parse(p.data) }));

describe('field catalogue', () => {
  it('catalogues every field of a person and an organisation, and nothing that is not a field', () => {
    expect(Object.keys(FIELD_CATALOGUE.person).sort()).toEqual(Object.keys(PersonPayload.shape).sort());
    expect(Object.keys(FIELD_CATALOGUE.organisation).sort()).toEqual(
      Object.keys(OrganisationPayload.shape).sort(),
    );
  });

  it('says which purposes justify each field through its data category', () => {
    const fields = justify('person', purposes);
    const email = fields.find((f) => f.field === 'emails')!;
    expect(email.category).toBe('contact');
    expect(email.purposes.map((p) => p.basis).sort()).toEqual([
      'consent',
      'contract',
      'legitimate_interests',
    ]);
    const created = fields.find((f) => f.field === 'createdAt')!;
    expect(created).toEqual({ field: 'createdAt', category: null, purposes: [] });
    const inactive = purposes.map((p) =>
      p.id === PURPOSE_CONTRACT_ADMINISTRATION ? { ...p, data: { ...p.data, active: false } } : p,
    );
    expect(justify('person', inactive).find((f) => f.field === 'emails')!.purposes).toHaveLength(2);
  });
});
