// Reaching the sync server from the page: the fetch every sync screen uses, and — in Electron — letting
// the page connect to the server's origin at all.
import type { AccountError } from '../../../../shared/sync';
import type { DesktopApi } from '../../../../shared/platform';
import { DESKTOP_API_GLOBAL } from '../../../../shared/platform';

const SERVER_KEY = 'kluis.sync.server';

/** The page's fetch, called unbound (some browsers refuse a detached `fetch`); shared by sync screens. */
export const fetchFromWindow: typeof fetch = (input, init) => globalThis.fetch(input, init);

/** The server address typed before the window reloaded to allow it (see allowServer), else this origin. */
export const rememberedServerUrl = (): string => {
  try {
    return globalThis.sessionStorage.getItem(SERVER_KEY) ?? globalThis.location.origin;
  } catch {
    return globalThis.location.origin;
  }
};

/** What connecting can fail with besides the server's answers. */
export type ConnectError = AccountError | 'server-address' | 'reloading';

/**
 * In Electron the page may connect only to origins in its CSP (electron/sync-origin.ts): main adds the
 * sync server's origin for every page served afterwards. The page shown now was served without it, so
 * the first time the window reloads once; the address is kept for the form. The browser host is served by
 * the sync server itself, so nothing is needed there.
 */
export const allowServer = async (serverUrl: string): Promise<ConnectError | null> => {
  const api = (globalThis as unknown as Record<string, DesktopApi | undefined>)[DESKTOP_API_GLOBAL];
  if (!api?.allowSyncServer) return null;
  let origin: string;
  try {
    origin = new URL(serverUrl).origin;
  } catch {
    return 'server-address';
  }
  const allowed = await api.allowSyncServer(origin);
  if (!allowed.ok) return 'server-address';
  if (!allowed.value.reload) return null;
  try {
    globalThis.sessionStorage.setItem(SERVER_KEY, serverUrl);
  } catch {
    // Only a convenience: the user types the address again.
  }
  globalThis.location.reload();
  return 'reloading';
};
