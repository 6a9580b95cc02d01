// The server the dashboard's server tiles ask (address and token), or null for a vault kept on this
// device only. Plain JSON, so a tile asks again only when the link or its token changes.
import type { DashboardServer } from '../../../../shared/dashboard';
import { useSyncStore } from '../../sync/stores/sync-store';

export const useDashboardServer = (): DashboardServer => {
  const serverUrl = useSyncStore((s) => s.link?.serverUrl);
  const token = useSyncStore((s) => s.link?.token);
  return serverUrl !== undefined && token !== undefined ? { serverUrl, token } : null;
};
