// Names a user by id: "Me" for the current user; others by a short id until user names are synced.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../kit/useCurrentUser';

export const useUserLabel = (): ((userId: string | null) => string) => {
  const { t } = useTranslation();
  const { userId: me } = useCurrentUser();
  return useCallback(
    (userId) =>
      !userId ? '' : userId === me ? t('deals.owner.me') : t('deals.owner.other', { id: userId.slice(0, 8) }),
    [me, t],
  );
};
