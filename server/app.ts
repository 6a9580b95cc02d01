// The Kluis sync server as a Fastify instance: body parsing that refuses bad input, JSON logs without
// content, account and sync routes, and the browser host. main.ts starts it; tests start it on port 0.
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { MAX_BODY_BYTES, type ErrorBody } from '../shared/sync';
import type { ServerContext } from './context';
import { registerCors } from './cors';
import type { ErasureLedgerFile } from './erasure-ledger-file';
import { parseJsonBody, RequestError, sendError, sendOk } from './http';
import { createAddressBackoff, DEFAULT_LIMITS, type Limits } from './limits';
import { createQuota } from './quota';
import type { ServerCertificate } from './tls';
import { registerAccountRoutes } from './routes/accounts';
import { registerErasureRoutes } from './routes/erasure';
import { registerExposureRoutes } from './routes/exposure';
import { registerCertificateRoute } from './routes/certificate';
import { registerKeyRoutes } from './routes/keys';
import { logPath, registerLinkRoutes } from './routes/links';
import { registerSyncRoutes } from './routes/sync';
import { registerStatic } from './static';
import { UNCLICKED_LINK_MS, type LinkStore } from './storage/links';
import { registerTerritoryRoutes } from './routes/territories';
import type { TerritoryStore } from './storage/territories';
import type { Storage } from './storage/types';
import { batchCheckpoints } from './checkpoint-batch';
import { throttleTouches } from './touch-throttle';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Error codes of a full disk: better-sqlite3's, Node's file system's and PostgreSQL's (53100). */
const STORAGE_FULL = new Set(['SQLITE_FULL', 'ENOSPC', '53100']);

export interface AppOptions {
  storage: Storage;
  now?: () => number;
  tokenLifetimeMs?: number;
  /** How long a device may stay offline and still catch up; tombstones are kept this long. */
  maxOfflineMs?: number;
  streamHeartbeatMs?: number;
  /** How often pulls' checkpoints are written (checkpoint-batch.ts); 1 s by default. */
  checkpointIntervalMs?: number;
  /** The built renderer to serve at /, or null for an API-only server. */
  staticRoot?: string | null;
  /** Where JSON logs go (default stdout); false for none. */
  log?: { level?: string; stream?: NodeJS.WritableStream } | false;
  /** Timeouts, stream caps, back-off, quota and pull size (limits.ts); defaults for what is left out. */
  limits?: Partial<Limits>;
  /**
   * Once an organisation exists, POST /orgs needs this code (header X-Kluis-Setup-Code). Left out,
   * creation stays open: tests and benches make many organisations; main.ts always sets one.
   */
  setupCode?: string;
  /** Fastify's trustProxy, for a reverse proxy in front: the source address the limits count by. */
  trustProxy?: string | boolean;
  /** Serve HTTPS with this certificate (tls.ts); admins read its fingerprint at GET /server/certificate. */
  tls?: ServerCertificate;
  /** Where each erasure order is also appended, outside the database, for a restore to re-apply. */
  erasureLedger?: ErasureLedgerFile;
  /** Confirmation and unsubscribe links (routes/links.ts); left out, the server has no link routes. */
  links?: LinkStore;
  /** Origins of pages besides the desktop app and loopback that may call the server (cors.ts). */
  allowedOrigins?: readonly string[];
  /** Who holds which territory (routes/territories.ts); left out, every member receives everything. */
  territories?: TerritoryStore;
}

/** Connection-level errors (a request or its headers too slow, headers too large) as JSON error bodies. */
const clientError = (error: Error & { code?: string }, socket: Socket) => {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code]: [number, ErrorBody['error']] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request-timeout']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'too-large']
        : [400, 'bad-request'];
  const body = JSON.stringify({ ok: false, error: code } satisfies ErrorBody);
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  socket.destroy(error);
};

/** The server's housekeeping, run at start and every hour (main.ts). */
export interface Housekeeping {
  purgeTombstones(): Promise<number>;
  /** Deletes links past their retention (storage/links.ts UNCLICKED_LINK_MS); 0 without link routes. */
  purgeLinks(): Promise<number>;
}

export const createApp = (options: AppOptions): FastifyInstance & Housekeeping => {
  const now = options.now ?? Date.now;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const storage = throttleTouches(options.storage);
  const ctx: ServerContext = {
    storage,
    now,
    tokenLifetimeMs: options.tokenLifetimeMs ?? 30 * DAY_MS,
    maxOfflineMs: options.maxOfflineMs ?? 365 * DAY_MS,
    streamHeartbeatMs: options.streamHeartbeatMs ?? 25_000,
    limits,
    addresses: createAddressBackoff(now, limits),
    // Documents and registered links (routes/links.ts) both count in an organisation's quota.
    quota: createQuota(
      {
        storedBytes: async (orgId) =>
          (await storage.storedBytes(orgId)) + ((await options.links?.storedBytes(orgId)) ?? 0),
        documentBytes: (orgId, collection, ids) => storage.documentBytes(orgId, collection, ids),
      },
      limits.orgQuotaBytes,
      now,
    ),
    checkpoints: batchCheckpoints(storage, options.checkpointIntervalMs, (error) =>
      app.log.error({ name: (error as Error).name }, 'device checkpoints not recorded'),
    ),
    setupCode: options.setupCode,
    erasureLedger: options.erasureLedger,
    territories: options.territories,
  };
  // Node refuses a headers timeout longer than the request timeout.
  const headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  const serverOptions = {
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout,
    connectionsCheckingInterval: limits.timeoutCheckMs,
  };
  const app = Fastify({
    bodyLimit: MAX_BODY_BYTES,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // With a certificate, Fastify makes an https.Server (which takes the same timeouts); its type stays
    // the http one here, as every route is the same.
    ...(options.tls
      ? ({
          https: {
            ...serverOptions,
            cert: options.tls.cert,
            key: options.tls.key,
            handshakeTimeout: headersTimeout,
          },
        } as object)
      : { http: serverOptions }),
    clientErrorHandler: clientError,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    logger:
      options.log === false
        ? false
        : {
            level: options.log?.level ?? 'info',
            ...(options.log?.stream ? { stream: options.log.stream } : {}),
            // Method and path only: no headers (tokens), no query strings, no bodies, no link tokens.
            serializers: {
              req: (req: { method: string; url: string }) => ({
                method: req.method,
                path: logPath(req.url),
              }),
            },
          },
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(String(body)));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  app.setErrorHandler((error: FastifyError | RequestError, request, reply) => {
    if (error instanceof RequestError) return sendError(reply, error.status, error.code);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 413, 'too-large');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return sendError(reply, 415, 'unsupported-media-type');
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return sendError(reply, 400, 'malformed-json');
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, error.statusCode, 'bad-request');
    }
    // Only the error's name and code: a message might quote input.
    request.log.error({ name: error.name, code: error.code }, 'internal error');
    // The disk is full (SQLite, the file system, PostgreSQL's disk_full): nothing was stored; say so.
    if (STORAGE_FULL.has(String(error.code))) return sendError(reply, 507, 'storage-full');
    return sendError(reply, 500, 'internal');
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'not-found'));
  app.addHook('onClose', () => ctx.checkpoints.close());
  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
  });

  registerCors(app, options.allowedOrigins);
  app.get('/healthz', async (_request, reply) => sendOk(reply, { status: 'ok', storage: ctx.storage.kind }));
  registerAccountRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  registerErasureRoutes(app, ctx);
  registerExposureRoutes(app, ctx);
  registerKeyRoutes(app, ctx);
  registerCertificateRoute(app, ctx, options.tls);
  if (options.links) registerLinkRoutes(app, ctx, options.links);
  if (options.territories) registerTerritoryRoutes(app, ctx, options.territories);
  if (options.staticRoot) registerStatic(app, options.staticRoot);

  return Object.assign(app, {
    purgeTombstones: () => ctx.storage.purgeTombstones(ctx.now() - ctx.maxOfflineMs),
    purgeLinks: async () =>
      (await options.links?.purge(ctx.now() - UNCLICKED_LINK_MS, ctx.now() - ctx.maxOfflineMs)) ?? 0,
  } satisfies Housekeeping);
};
