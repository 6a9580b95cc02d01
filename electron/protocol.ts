// The app:// protocol: serves the renderer build from disk with a strict CSP, so the page never runs from
// file:// (which Chromium treats loosely) and never from anywhere but our own files.
import { protocol } from 'electron';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/platform';
import { contentTypeFor, resolveAppPath } from './app-path';
import { APP_SCHEME } from './app-url';

export { contentTypeFor, resolveAppPath } from './app-path';

/** Must run before app 'ready': Chromium reads the scheme list once at start-up. */
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origin and relative URLs; secure: counts as a secure context (crypto.subtle,
      // IndexedDB persistence); supportFetchAPI: fetch() of our own .wasm and .json.
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
};

/** Headers on every answer, errors included: nothing from app:// is ever sniffed or framed. */
const securityHeaders = (contentType: string, csp: string): Record<string, string> => ({
  'Content-Type': contentType,
  'Content-Security-Policy': csp,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
});

const refuseWith = (status: 403 | 404 | 405, csp: string): Response =>
  new Response(null, { status, headers: securityHeaders('text/plain; charset=utf-8', csp) });

const isInside = (root: string, candidate: string): boolean => candidate.startsWith(root + path.sep);

/** The minimum of a fetch Request the handler reads; Electron passes a full GlobalRequest. */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

/**
 * The handler as a plain function of the request, so tests can call it directly. `csp` is asked per
 * response: it includes the sync server the user connected to (sync-origin.ts).
 */
export const createAppProtocolHandler = (
  rendererRoot: string,
  csp: () => string = () => CONTENT_SECURITY_POLICY,
) => {
  return async (request: AppRequest): Promise<Response> => {
    const policy = csp();
    const refuse = (status: 403 | 404 | 405) => refuseWith(status, policy);
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const resolved = resolveAppPath(rendererRoot, request.url);
    if (!resolved.ok) return refuse(403);
    try {
      // The lexical check above cannot see symlinks; compare real paths too.
      const [root, file] = await Promise.all([realpath(rendererRoot), realpath(resolved.value)]);
      if (!isInside(root, file)) return refuse(403);
      if (!(await stat(file)).isFile()) return refuse(404);
      const body = request.method === 'HEAD' ? null : await readFile(file);
      return new Response(body, { status: 200, headers: securityHeaders(contentTypeFor(file), policy) });
    } catch {
      return refuse(404);
    }
  };
};

/** Call after 'ready'. */
export const serveAppProtocol = (rendererRoot: string, csp?: () => string): void => {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot, csp));
};
