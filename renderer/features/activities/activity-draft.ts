// The activity form's draft: strings as typed, turned into the stored shape on save. An edit keeps what
// the form does not show (email headers, participants, who logged it and when).
import {
  DIRECTED_TYPES,
  TIMED_TYPES,
  type ActivityInput,
  type ActivityPayload,
  type ActivityType,
  type Direction,
} from '../../../shared/activities';

export interface ActivityDraft {
  readonly type: ActivityType;
  /** datetime-local value: YYYY-MM-DDTHH:MM in the user's time zone. */
  readonly when: string;
  readonly duration: string;
  readonly direction: Direction | '';
  readonly title: string;
  readonly body: string;
  readonly amount: string;
  readonly currency: string;
  readonly product: string;
  readonly participantIds: readonly string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

export const toLocalInput = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** NaN when it is not a date and time; the schema then names the field. */
export const fromLocalInput = (value: string): number => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return NaN;
  const [, y, m, d, hh, mm] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(y, m - 1, d, hh, mm).getTime();
};

export const newActivityDraft = (type: ActivityType, now = Date.now()): ActivityDraft => ({
  type,
  when: toLocalInput(now),
  duration: '',
  direction: type === 'call' ? 'out' : '',
  title: '',
  body: '',
  amount: '',
  currency: 'EUR',
  product: '',
  participantIds: [],
});

export const activityToDraft = (a: ActivityPayload): ActivityDraft => ({
  type: a.type,
  when: toLocalInput(a.occurredAt),
  duration: a.durationMinutes === null ? '' : String(a.durationMinutes),
  direction: a.direction ?? '',
  title: a.title,
  body: a.body,
  amount: a.purchase ? String(a.purchase.amount) : '',
  currency: a.purchase?.currency ?? 'EUR',
  product: a.purchase?.product ?? '',
  participantIds: a.participantIds,
});

/** A number as typed in Dutch or English: "1.499,95", "1499.95" and "1,5" all work. */
export const parseAmount = (text: string): number => {
  const t = text.trim().replace(/\s/g, '');
  if (!t) return NaN;
  const normalised = /,\d{1,2}$/.test(t) ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  return /^\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : NaN;
};

export const draftToActivityInput = (
  draft: ActivityDraft,
  base: Pick<ActivityPayload, 'createdBy'> & Partial<ActivityPayload>,
): ActivityInput => {
  const duration = draft.duration.trim();
  return {
    ...base,
    type: draft.type,
    occurredAt: fromLocalInput(draft.when),
    durationMinutes: TIMED_TYPES.includes(draft.type) && duration ? Number(duration) : null,
    direction: DIRECTED_TYPES.includes(draft.type) && draft.direction ? draft.direction : null,
    title: draft.title,
    body: draft.body,
    participantIds: [...draft.participantIds],
    email: draft.type === 'email' ? (base.email ?? null) : null,
    purchase:
      draft.type === 'purchase'
        ? { amount: parseAmount(draft.amount), currency: draft.currency, product: draft.product }
        : null,
  };
};
