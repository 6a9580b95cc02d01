import { describe, expect, it } from 'vitest';
import { COLLECTIONS, ROLES } from '../../../../shared/sync/protocol';
import { mayManageOrganisation, maySync } from '../../../../shared/sync/roles';

describe('roles', () => {
  it('lets every role pull every collection but the compliance files', () => {
    for (const role of ROLES)
      for (const collection of COLLECTIONS.filter((c) => c !== 'compliance'))
        expect(maySync(role, 'pull', collection)).toBe(true);
  });

  it('keeps the compliance files (requests, breaches, erasure certificates) to admins', () => {
    expect(ROLES.filter((role) => maySync(role, 'pull', 'compliance'))).toEqual(['admin']);
    expect(ROLES.filter((role) => maySync(role, 'push', 'compliance'))).toEqual(['admin']);
  });

  it('keeps marketing from pushing data keys, but lets it push records', () => {
    expect(maySync('marketing', 'push', 'keys')).toBe(false);
    expect(maySync('marketing', 'push', 'records')).toBe(true);
  });

  it('lets admin, manager, sales and service push records, keys and items', () => {
    for (const role of ['admin', 'manager', 'sales', 'service'] as const) {
      for (const collection of ['records', 'keys', 'items'] as const)
        expect(maySync(role, 'push', collection)).toBe(true);
    }
  });

  it('leaves the organisation settings (purposes register, pipeline) to admins and managers', () => {
    expect(ROLES.filter((role) => maySync(role, 'push', 'settings'))).toEqual(['admin', 'manager']);
  });

  it('leaves managing the organisation to admins only', () => {
    expect(ROLES.filter(mayManageOrganisation)).toEqual(['admin']);
  });
});
