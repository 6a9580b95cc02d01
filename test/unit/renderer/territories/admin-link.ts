// What the Settings → Territories tests share (TerritoryApplying, TerritoryRotationLine): this device
// linked as the admin the operation cases' stand-in answers for, to a server where nothing listens.
import { useSyncStore } from '../../../../renderer/features/sync/stores/sync-store';
import { LINK } from '../../../integration/operations/territories.cases';

/** Links this device as the stand-in's admin; the moves panel's question to the server fails at once. */
export const linkAsAdmin = () =>
  useSyncStore.setState({
    link: {
      // Nothing listens there.
      serverUrl: 'http://127.0.0.1:9',
      userId: LINK.userId,
      orgId: 'org',
      role: 'admin',
      deviceId: 'device',
      token: 'token',
      expiresAt: Date.now() + 3_600_000,
    },
  });
