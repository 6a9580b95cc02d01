// Names an owner (a member's user id): "Me" for the current user, else a short id — Kluis holds no
// member names yet (the server lists members by id only), so there is no display name to show.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useCurrentUser } from './useCurrentUser';

export const ownerLabel =
  (t: TFunction, me: string) =>
  (userId: string | null | undefined): string =>
    !userId
      ? t('reports.owner.none')
      : userId === me
        ? t('reports.owner.me')
        : t('reports.owner.other', { id: userId.slice(0, 8) });

export const useOwnerLabel = (): ((userId: string | null | undefined) => string) => {
  const { t } = useTranslation();
  const { userId } = useCurrentUser();
  return useMemo(() => ownerLabel(t, userId), [t, userId]);
};
