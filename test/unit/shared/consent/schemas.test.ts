import { describe, expect, it } from 'vitest';
import { DEFAULT_PURPOSES, DEFAULT_SUBSCRIPTION_TYPES } from '../../../../shared/consent/defaults';
import { ConsentEventPayload, SubscriptionTypePayload } from '../../../../shared/consent/types';
import { ObjectionPayload } from '../../../../shared/objection/objection-ledger';
import { PurposePayload } from '../../../../shared/purposes/purposes';

const issues = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => result.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];

describe('consent schemas', () => {
  it('accepts the default purposes register and list, in English and Dutch', () => {
    for (const p of DEFAULT_PURPOSES) {
      const parsed = PurposePayload.parse(p.data);
      expect(parsed.name.en && parsed.name.nl).toBeTruthy();
    }
    expect(DEFAULT_PURPOSES.map((p) => PurposePayload.parse(p.data).lawfulBasis)).toEqual([
      'legitimate_interests',
      'consent',
      'contract',
    ]);
    for (const t of DEFAULT_SUBSCRIPTION_TYPES)
      expect(SubscriptionTypePayload.safeParse(t.data).success).toBe(true);
  });

  it('asks for the balancing test of a legitimate-interests purpose and the Art. 9(2) exception for special data', () => {
    const base = { name: { en: 'Scoring' }, lawfulBasis: 'legitimate_interests' } as const;
    expect(issues(PurposePayload.safeParse(base))).toEqual(['balancingTest:balancing_test']);
    expect(
      issues(
        PurposePayload.safeParse({
          ...base,
          lawfulBasis: 'contract',
          dataCategories: ['special_category'],
        }),
      ),
    ).toEqual(['specialCategoryException:special_category_exception']);
  });

  it('refuses a consent that expires before it was given, and an override of a direct-marketing objection', () => {
    const consent = {
      purposeId: 'purpose-e-marketing',
      type: 'given',
      at: 1000,
      method: 'paper',
      recordedBy: 'u1',
      deviceId: 'd1',
      expiresAt: 500,
    };
    expect(issues(ConsentEventPayload.safeParse(consent))).toEqual(['expiresAt:expiry']);
    expect(
      issues(
        ObjectionPayload.safeParse({
          type: 'overridden',
          scope: 'direct_marketing',
          at: 1,
          method: 'email',
          grounds: 'We want to',
          recordedBy: 'u1',
          deviceId: 'd1',
        }),
      ),
    ).toEqual(['type:direct_marketing']);
  });
});
