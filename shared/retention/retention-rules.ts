// Retention rules: how long the organisation keeps whom, and what it proposes to do then.
// Organisation settings (kind `retention-rule`, org-key encrypted, read by everyone, changed by admins);
// a vault starts with three defaults that follow the default purposes register.
import { z } from 'zod';
import type { Session } from '../vault';
import { DataCategory, Localized, SettingId } from '../purposes';
import { sealedKind } from '../store';

/** Which subjects a rule looks at. A status is derived from the subject's items (see retention-due.ts). */
export const SUBJECT_STATUSES = ['any', 'prospect', 'customer', 'unsubscribed'] as const;
export const SubjectStatus = z.enum(SUBJECT_STATUSES);
export type SubjectStatus = z.infer<typeof SubjectStatus>;

export const RetentionScope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: SubjectStatus }),
  z.object({ type: z.literal('purpose'), purposeId: SettingId }),
  z.object({ type: z.literal('category'), category: DataCategory }),
]);
export type RetentionScope = z.infer<typeof RetentionScope>;

/** The moment the retention period runs from. */
export const RULE_TRIGGERS = ['last_activity', 'last_contract', 'unsubscribed', 'collection'] as const;
export const RuleTrigger = z.enum(RULE_TRIGGERS);
export type RuleTrigger = z.infer<typeof RuleTrigger>;

/** What the review queue proposes: anonymise (keep aggregates), erase, or keep only the suppression entry. */
export const RULE_ACTIONS = ['anonymise', 'erase', 'suppress'] as const;
export const RuleAction = z.enum(RULE_ACTIONS);
export type RuleAction = z.infer<typeof RuleAction>;

export const SUBJECT_KINDS = ['person', 'organisation'] as const;
export const SubjectKind = z.enum(SUBJECT_KINDS);
export type SubjectKind = z.infer<typeof SubjectKind>;

export const RetentionRulePayload = z
  .object({
    name: Localized(200),
    subjectKinds: z.array(SubjectKind).min(1, 'subject_kinds').max(2).default(['person']),
    scope: RetentionScope,
    trigger: RuleTrigger,
    months: z.number().int('months').min(1, 'months').max(1200, 'months'),
    action: RuleAction,
    /** Why this period: the law or the purpose (e.g. "Art. 52 AWR: 7 years"). */
    legalReason: Localized(2000),
    active: z.boolean().default(true),
  })
  .refine((r) => r.name.en.length > 0 || r.name.nl.length > 0, { message: 'name', path: ['name'] })
  .refine((r) => r.legalReason.en.length > 0 || r.legalReason.nl.length > 0, {
    message: 'legal_reason',
    path: ['legalReason'],
  });
export type RetentionRulePayload = z.infer<typeof RetentionRulePayload>;
export type RetentionRuleInput = z.input<typeof RetentionRulePayload>;
export const RETENTION_RULE = sealedKind('retention-rule', RetentionRulePayload);

export const RULE_PROSPECTS = 'retention-prospects';
export const RULE_FORMER_CUSTOMERS = 'retention-former-customers';
export const RULE_UNSUBSCRIBED = 'retention-unsubscribed';

export const DEFAULT_RETENTION_RULES: readonly { id: string; data: RetentionRuleInput }[] = [
  {
    id: RULE_PROSPECTS,
    data: {
      name: {
        en: 'Prospect with no activity for 24 months',
        nl: 'Prospect zonder activiteit in 24 maanden',
      },
      subjectKinds: ['person'],
      scope: { type: 'status', status: 'prospect' },
      trigger: 'last_activity',
      months: 24,
      action: 'anonymise',
      legalReason: {
        en: 'Sales and service (legitimate interests): 24 months after the last contact.',
        nl: 'Verkoop en service (gerechtvaardigd belang): 24 maanden na het laatste contact.',
      },
    },
  },
  {
    id: RULE_FORMER_CUSTOMERS,
    data: {
      name: {
        en: 'Former customer: contract data 7 years after the last contract (tax law)',
        nl: 'Oud-klant: contractgegevens 7 jaar na de laatste overeenkomst (fiscale bewaarplicht)',
      },
      subjectKinds: ['person', 'organisation'],
      scope: { type: 'status', status: 'customer' },
      trigger: 'last_contract',
      months: 84,
      action: 'anonymise',
      legalReason: {
        en: 'Tax retention duty (Art. 52 AWR, Art. 2:10 BW): 7 years after the last contract.',
        nl: 'Fiscale bewaarplicht (art. 52 AWR, art. 2:10 BW): 7 jaar na de laatste overeenkomst.',
      },
    },
  },
  {
    id: RULE_UNSUBSCRIBED,
    data: {
      name: {
        en: 'Unsubscribed: keep only the suppression entry',
        nl: 'Afgemeld: alleen de blokkeringsregel bewaren',
      },
      subjectKinds: ['person'],
      scope: { type: 'status', status: 'unsubscribed' },
      trigger: 'unsubscribed',
      months: 1,
      action: 'suppress',
      legalReason: {
        en: 'E-marketing (consent) ended; the suppression entry proves the objection is respected (Art. 21(3)).',
        nl: 'E-marketing (toestemming) beëindigd; de blokkeringsregel bewijst dat het bezwaar wordt gerespecteerd (art. 21 lid 3).',
      },
    },
  },
];

/** Seeds the default rules: call once, when a new vault is created (like seedConsentDefaults). */
export const seedRetentionDefaults = (session: Session): Promise<void> =>
  session.settings(RETENTION_RULE).seed(DEFAULT_RETENTION_RULES);
