// Names an owner (a member's user id): "Me" for the current user, else the name the member gave
// themselves (renderer/kit/useMemberNames.ts), else a short id.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { NO_NAMES, shortId, type MemberNames } from '../../shared/sync';
import { useCurrentUser } from './useCurrentUser';
import { useMemberNames } from './useMemberNames';

export const ownerLabel =
  (t: TFunction, me: string, names: MemberNames = NO_NAMES) =>
  (userId: string | null | undefined): string =>
    !userId
      ? t('reports.owner.none')
      : userId === me
        ? t('reports.owner.me')
        : (names.users[userId] ?? t('reports.owner.other', { id: shortId(userId) }));

export const useOwnerLabel = (): ((userId: string | null | undefined) => string) => {
  const { t } = useTranslation();
  const { userId } = useCurrentUser();
  const { names } = useMemberNames();
  return useMemo(() => ownerLabel(t, userId, names), [t, userId, names]);
};
