// Reaching the sync server from the page: the fetch every sync screen uses, and — in Electron — letting
// the page connect to the server's origin at all.
import { CertificateMismatchError, type AccountError } from '../../../../shared/sync';
import type { DesktopApi, SyncOriginError } from '../../../../shared/platform';
import { DESKTOP_API_GLOBAL } from '../../../../shared/platform';

const SERVER_KEY = 'kluis.sync.server';

const desktopApi = (): DesktopApi | undefined =>
  (globalThis as unknown as Record<string, DesktopApi | undefined>)[DESKTOP_API_GLOBAL];

/**
 * Whether the desktop app's main process refused the sync server's certificate (not the pinned one): asked
 * after a request failed, here or in the sync worker, which cannot reach the desktop API itself.
 */
export const certificateRefused = async (): Promise<boolean> => {
  const api = desktopApi();
  return api?.syncCertificateRefused ? api.syncCertificateRefused().catch(() => false) : false;
};

/**
 * The page's fetch, called unbound (some browsers refuse a detached `fetch`); shared by sync screens. In
 * the desktop app a request that fails because main refused the server's certificate (not the pinned
 * one) fails as a certificate mismatch, which the one HTTP client answers as 'certificate-mismatch'
 * rather than 'offline'.
 */
export const fetchFromWindow: typeof fetch = async (input, init) => {
  try {
    return await globalThis.fetch(input, init);
  } catch (error) {
    const api = desktopApi();
    if (init?.signal?.aborted || !api?.syncCertificateRefused) throw error;
    if (await api.syncCertificateRefused().catch(() => false)) {
      throw new CertificateMismatchError(new URL(String(input instanceof Request ? input.url : input)).host);
    }
    throw error;
  }
};

/** The server address typed before the window reloaded to allow it (see allowServer), else this origin. */
export const rememberedServerUrl = (): string => {
  try {
    return globalThis.sessionStorage.getItem(SERVER_KEY) ?? globalThis.location.origin;
  } catch {
    return globalThis.location.origin;
  }
};

/**
 * What connecting can fail with besides the server's answers: not an address, the window reloads to allow
 * it, the user did not confirm the server in the desktop's dialog, its certificate could not be read, the
 * choice could not be kept, this page's security policy does not let it connect there ('page-policy'), or
 * something answers there that does not let this page use it as a Kluis server ('not-kluis-server').
 */
export type ConnectError =
  | AccountError
  | 'server-address'
  | 'reloading'
  | 'server-refused'
  | 'server-unreachable'
  | 'server-not-saved'
  | 'page-policy'
  | 'not-kluis-server';

/** A failed connect, sign-in or join: why, and after a back-off how long to wait. */
export interface ConnectFailure {
  readonly error: ConnectError;
  readonly retryAfterSeconds?: number;
}

/** The failure of an account step's reply, keeping the server's Retry-After. */
export const failureOf = (reply: { error: ConnectError; retryAfterSeconds?: number }): ConnectFailure =>
  reply.retryAfterSeconds === undefined
    ? { error: reply.error }
    : { error: reply.error, retryAfterSeconds: reply.retryAfterSeconds };

/** Origins this page's Content-Security-Policy refused a connection to (the browser reports each). */
const refusedByPolicy = new Set<string>();
globalThis.document?.addEventListener('securitypolicyviolation', (event) => {
  if (event.effectiveDirective !== 'connect-src') return;
  try {
    refusedByPolicy.add(new URL(event.blockedURI).origin);
  } catch {
    // Not a URL: nothing to name.
  }
});

/** Lets the browser's report of a refused connection arrive first (it comes as a task of its own). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Why the server could not be reached, where a browser can tell (a fetch that fails says nothing): this
 * page's policy refused the address; the address answers, but not to this page as a Kluis server would
 * (a request that reads nothing still arrives: a 'no-cors' one cannot fail on what the answer allows);
 * or nothing answers there at all ('offline').
 */
const whyUnreachable = async (serverUrl: string): Promise<ConnectError> => {
  let origin: string;
  try {
    origin = new URL(serverUrl).origin;
  } catch {
    return 'server-address';
  }
  let answered = false;
  try {
    await globalThis.fetch(`${origin}/healthz`, { mode: 'no-cors', cache: 'no-store' });
    answered = true;
  } catch {
    await nextTask();
  }
  if (refusedByPolicy.has(origin)) return 'page-policy';
  return answered ? 'not-kluis-server' : 'offline';
};

/** failureOf, with a server that could not be reached explained as far as the page can tell. */
export const explainFailure = async (
  serverUrl: string,
  reply: { error: ConnectError; retryAfterSeconds?: number },
): Promise<ConnectFailure> =>
  reply.error === 'offline' ? { error: await whyUnreachable(serverUrl) } : failureOf(reply);

const ORIGIN_ERRORS: Record<SyncOriginError, ConnectError> = {
  'invalid-origin': 'server-address',
  refused: 'server-refused',
  'certificate-mismatch': 'certificate-mismatch',
  unreachable: 'server-unreachable',
  failed: 'server-not-saved',
};

/**
 * In Electron the page may connect only to origins in its CSP (electron/sync-origin.ts): main asks the
 * user in a native dialog, pins the certificate the server presents (the one `fingerprint` names, when an
 * invite carried it) and adds the origin for every page served afterwards. The page shown now was served
 * without it, so the first time the window reloads once; the address is kept for the form. In a browser
 * nothing is asked: the page served by the sync server connects to itself, and the browser host of
 * `npm run web` to the servers its policy names (scripts/serve-web.mjs).
 */
export const allowServer = async (
  serverUrl: string,
  fingerprint: string | null = null,
): Promise<ConnectFailure | null> => {
  const api = desktopApi();
  if (!api?.allowSyncServer) return null;
  let origin: string;
  try {
    origin = new URL(serverUrl).origin;
  } catch {
    return { error: 'server-address' };
  }
  const allowed = await (fingerprint
    ? api.allowSyncServer(origin, fingerprint)
    : api.allowSyncServer(origin));
  if (!allowed.ok) return { error: ORIGIN_ERRORS[allowed.error] };
  if (!allowed.value.reload) return null;
  try {
    globalThis.sessionStorage.setItem(SERVER_KEY, serverUrl);
  } catch {
    // Only a convenience: the user types the address again.
  }
  globalThis.location.reload();
  return { error: 'reloading' };
};
