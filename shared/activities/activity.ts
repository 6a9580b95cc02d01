// What happened with a person or organisation: calls, meetings, emails, notes and purchases, logged by
// hand or from a dropped .eml file. Encrypted with the subject's key like every item, so an erasure
// takes the whole timeline with it.
import { z } from 'zod';
import { RecordId, trimmed, nowByDefault } from '../people';
import { sealedKind } from '../store';

export const ACTIVITY_KIND = 'activity';
export const ACTIVITY_VERSION = 1;

export const ACTIVITY_TYPES = ['call', 'meeting', 'email', 'note', 'purchase'] as const;
export const ActivityType = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof ActivityType>;

export const Direction = z.enum(['in', 'out']);
export type Direction = z.infer<typeof Direction>;

/** Types that take a duration, and types that have a direction (who called or wrote whom). */
export const TIMED_TYPES: readonly ActivityType[] = ['call', 'meeting'];
export const DIRECTED_TYPES: readonly ActivityType[] = ['call', 'email'];

/** Upper bounds that keep one entry small enough to decrypt thousands of them quickly. */
export const MAX_BODY = 100_000;
export const MAX_DURATION_MINUTES = 7 * 24 * 60;

export const Mailbox = z.object({
  name: trimmed(200).default(''),
  // Addresses come from foreign mail headers: kept as written (lower-cased), not rejected for oddities.
  address: z.string().trim().toLowerCase().max(254),
});
export type Mailbox = z.infer<typeof Mailbox>;

export const EmailDetails = z.object({
  from: Mailbox.nullable().default(null),
  to: z.array(Mailbox).max(500).default([]),
  cc: z.array(Mailbox).max(500).default([]),
  /** The Date header as sent; `occurredAt` holds it as a time. */
  date: trimmed(100).default(''),
  messageId: trimmed(998).default(''),
});
export type EmailDetails = z.infer<typeof EmailDetails>;

export const Purchase = z.object({
  amount: z
    .number()
    .finite()
    .min(0)
    .max(1e12)
    // Whole cents: 12.5 and 12.50 are fine, 12.505 is a typing error.
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'cents'),
  /** ISO 4217, e.g. EUR. */
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'currency'),
  product: trimmed(300).min(1, 'product'),
});
export type Purchase = z.infer<typeof Purchase>;

export const ActivityPayload = z
  .object({
    type: ActivityType,
    /** When it happened (ms since epoch); the timeline sorts by it. */
    occurredAt: z.number().int().nonnegative(),
    durationMinutes: z.number().int().min(0).max(MAX_DURATION_MINUTES).nullable().default(null),
    direction: Direction.nullable().default(null),
    /** The subject line of an email, the title of a meeting, a call's topic. */
    title: trimmed(500).default(''),
    body: trimmed(MAX_BODY).default(''),
    /** Other people who took part (ids from the directory). */
    participantIds: z.array(RecordId).max(200).default([]),
    email: EmailDetails.nullable().default(null),
    purchase: Purchase.nullable().default(null),
    /** The user who logged it; only they edit or delete it. */
    createdBy: trimmed(64).min(1),
    createdAt: nowByDefault(),
  })
  .superRefine((a, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (a.durationMinutes !== null && !TIMED_TYPES.includes(a.type)) issue('durationMinutes', 'not_allowed');
    if (a.direction !== null && !DIRECTED_TYPES.includes(a.type)) issue('direction', 'not_allowed');
    if (a.email !== null && a.type !== 'email') issue('email', 'not_allowed');
    if (a.purchase !== null && a.type !== 'purchase') issue('purchase', 'not_allowed');
    if (a.type === 'purchase' && a.purchase === null) issue('purchase', 'required');
    // An email may be logged with only its headers; anything else needs a title or some text.
    if (a.type !== 'purchase' && a.type !== 'email' && !a.title && !a.body) issue('title', 'required');
  });

export type ActivityPayload = z.infer<typeof ActivityPayload>;
export type ActivityInput = z.input<typeof ActivityPayload>;

export const ACTIVITY_ITEMS = sealedKind(ACTIVITY_KIND, ActivityPayload, ACTIVITY_VERSION);

/** Newest first by when it happened; ties by id so the order is stable. */
export const compareActivities = (
  a: { id: string; data: Pick<ActivityPayload, 'occurredAt'> },
  b: { id: string; data: Pick<ActivityPayload, 'occurredAt'> },
): number => b.data.occurredAt - a.data.occurredAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The text the timeline's filter looks in: everything a user sees of an entry. */
export const activitySearchText = (a: ActivityPayload): string =>
  [
    a.title,
    a.body,
    a.purchase?.product,
    a.email?.from?.name,
    a.email?.from?.address,
    ...(a.email?.to ?? []).flatMap((m) => [m.name, m.address]),
    ...(a.email?.cc ?? []).flatMap((m) => [m.name, m.address]),
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
