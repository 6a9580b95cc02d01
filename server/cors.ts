// Cross-origin requests to the sync server: the desktop app's page lives on app://kluis and the browser
// host of `npm run web` on a loopback port, so each reaches the server from another origin, and the
// browser refuses to read the answer (and sends no request with a token or a JSON body at all) unless the
// server allows that origin. Allowed: the desktop app, loopback pages, and the origins the administrator
// lists (KLUIS_ALLOWED_ORIGINS). A page served by the server itself needs none of this. The server's
// requests carry a bearer token, never a cookie, so no credentials are allowed: a page of another origin
// gains nothing a script outside a browser could not already do with the same token.
import type { FastifyInstance } from 'fastify';
import { sendError } from './http';

/** The origin of the desktop app's page (electron/protocol.ts). */
export const DESKTOP_ORIGIN = 'app://kluis';

/** Request headers a Kluis client sends; a preflight asking for others is answered without them. */
const ALLOWED_HEADERS = ['authorization', 'content-type', 'accept', 'x-kluis-setup-code'];
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';

const LOOPBACK = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/;

/** Whether a page of `origin` may call the server: the desktop app, loopback, or one the admin listed. */
export const isAllowedOrigin = (origin: string, listed: readonly string[] = []): boolean =>
  origin === DESKTOP_ORIGIN || LOOPBACK.test(origin) || listed.includes(origin);

/** Answers preflights and marks answers to allowed origins as readable by them. */
export const registerCors = (app: FastifyInstance, listed: readonly string[] = []): void => {
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (typeof origin !== 'string') return;
    const allowed = isAllowedOrigin(origin, listed);
    // Set on the raw response so the hijacked event stream (routes/sync.ts) carries them too.
    reply.raw.setHeader('Vary', 'Origin');
    if (allowed) {
      reply.raw.setHeader('Access-Control-Allow-Origin', origin);
      // The client reads a back-off's Retry-After.
      reply.raw.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    }
    const preflight =
      request.method === 'OPTIONS' && typeof request.headers['access-control-request-method'] === 'string';
    if (!preflight) return;
    if (!allowed) return sendError(reply, 403, 'forbidden');
    const asked = String(request.headers['access-control-request-headers'] ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => ALLOWED_HEADERS.includes(h));
    return reply
      .code(204)
      .header('Access-Control-Allow-Methods', ALLOWED_METHODS)
      .header('Access-Control-Allow-Headers', asked.join(', '))
      .header('Access-Control-Max-Age', '600')
      .send();
  });
};
