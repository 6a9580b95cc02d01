// Who records a consent entry and on which device (Art. 7(1) demonstrable consent): the signed-in user and
// this device's id, or the owner of an unlinked vault on "this device".
import { useMemo } from 'react';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useSyncStore } from '../../sync/stores/sync-store';
import type { Actor } from '../../../../shared/purposes';

export const UNLINKED_DEVICE = 'this-device';

export const useActor = (): Actor => {
  const { userId } = useCurrentUser();
  const deviceId = useSyncStore((s) => s.link?.deviceId ?? UNLINKED_DEVICE);
  return useMemo(() => ({ userId, deviceId }), [userId, deviceId]);
};
