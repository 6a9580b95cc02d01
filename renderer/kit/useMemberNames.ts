// Names the organisation's members and devices for every screen: the name they gave themselves (synced,
// encrypted with the organisation key), else a short form of the random id.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { memberNames, NO_NAMES, shortId, type MemberNames } from '../../shared/sync';
import { useLiveQuery, valueOr } from './useLiveQuery';

export interface NameOf {
  readonly names: MemberNames;
  /** A member's name, or "User 01a235a9…". */
  user(userId: string): string;
  /** A device's name, or "Device 9OPLn-VC…". */
  device(deviceId: string): string;
}

export const useMemberNames = (): NameOf => {
  const { t } = useTranslation();
  const names = valueOr(useLiveQuery(memberNames, undefined), NO_NAMES);
  return useMemo(
    () => ({
      names,
      user: (id) => names.users[id] ?? t('names.unnamedUser', { id: shortId(id) }),
      device: (id) => names.devices[id] ?? t('names.unnamedDevice', { id: shortId(id) }),
    }),
    [names, t],
  );
};
