// Shared labels for cases: who is assigned (by the name they gave themselves), how long ago a case was opened.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { shortId } from '../../../../shared/sync';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useMemberNames } from '../../../kit/useMemberNames';

export const useAssigneeLabel = (): ((userId: string | null) => string) => {
  const { t } = useTranslation();
  const { userId: me } = useCurrentUser();
  const { names } = useMemberNames();
  return useCallback(
    (userId) =>
      !userId
        ? t('cases.fields.unassigned')
        : userId === me
          ? t('cases.assignee.me')
          : (names.users[userId] ?? t('cases.assignee.other', { id: shortId(userId) })),
    [me, t, names],
  );
};

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 days ago" in the UI language. */
export const relativeTime = (at: number, language: string, now: number = Date.now()): string => {
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const elapsed = at - now;
  for (const [unit, ms] of UNITS)
    if (Math.abs(elapsed) >= ms || unit === 'minute') return format.format(Math.round(elapsed / ms), unit);
  return format.format(0, 'minute');
};
