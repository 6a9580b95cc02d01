// The one HTTP client of the sync server: every call to the server from shared/ goes through it (sync,
// accounts, admin, rotation, erasure, the breach drill, the audit anchors). It sends a route of the typed
// route table (server-routes.ts) with the device token, reads the server's `{ ok, value | error }` answer,
// checks the value where the route has a schema, and hands back errors as values: the server's code,
// 'offline' when the server could not be reached, 'bad-response' when the answer is not one,
// 'certificate-mismatch' when a pinning fetch found another certificate than the pinned one (and sent
// nothing). A back-off's Retry-After comes with the error as `retryAfterSeconds`.
// Retries: a request that could not reach the server is sent again at once as often as `retries` says,
// and only for routes that are safe to repeat. Renewal: with `renew` set, a token about to expire is
// renewed (POST /auth/renew) before the request that would have found it expired.
import type { Anchor } from '../audit';
import { err, ok, type Result } from '../platform';
import { STREAM_DOCUMENTS_QUERY, type ErrorCode } from './protocol';
import { ROUTES, type AnyRoute, type RouteBody, type RouteParams, type RouteValue } from './server-routes';

/** The page's fetch, or a test's stand-in. */
export type Fetch = typeof globalThis.fetch;

/** Why a call failed: the server's code, or the three a client meets on its own. */
export type ServerError = ErrorCode | 'offline' | 'bad-response' | 'certificate-mismatch';

/**
 * A call's answer. `wipe`: the server revoked this device, which must destroy its local copy.
 * `retryAfterSeconds`: the server asked to wait this long before trying again (429, 503).
 */
export type ServerReply<T> = Result<T, ServerError> & {
  readonly wipe?: boolean;
  readonly retryAfterSeconds?: number;
};

/**
 * What a pinning fetch throws (or names as a cause) when the server presents another certificate than the
 * pinned one: the client answers 'certificate-mismatch', and neither retries nor sends anything.
 */
export class CertificateMismatchError extends Error {
  override readonly name = 'CertificateMismatchError';
  readonly code = 'certificate-mismatch';
  constructor(host: string) {
    super(`The server at ${host} presents another certificate than the pinned one`);
  }
}

/** True when `error`, or an error it was caused by, is a pin refusal (fetch wraps it in a TypeError). */
export const isCertificateMismatch = (error: unknown): boolean => {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if ((e as { code?: unknown }).code === 'certificate-mismatch') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
};

/** Where the server is and who calls it. A token is needed for every route except signing in. */
export interface ServerLink {
  readonly serverUrl: string;
  readonly token?: string;
  /** When the token runs out (ms); only read when `renew` is set. */
  readonly expiresAt?: number;
}

export interface ServerClientOptions {
  /** Immediate re-sends of a request that could not reach the server, for routes safe to repeat. */
  readonly retries?: number;
  /** Renew the device token this long (ms) before it expires; `onRenewed` learns the new one. */
  readonly renew?: {
    readonly beforeMs: number;
    readonly onRenewed: (token: string, expiresAt: number) => void;
  };
  readonly now?: () => number;
}

/** What a call sends besides the route: path parameters, query and body, as the route asks. */
export type CallInput<R extends AnyRoute> = (RouteParams<R> extends void
  ? { readonly params?: undefined }
  : { readonly params: RouteParams<R> }) &
  (RouteBody<R> extends void ? { readonly body?: undefined } : { readonly body: RouteBody<R> }) & {
    readonly query?: Readonly<Record<string, string | number>>;
    /** Pre-serialised JSON to send as the body instead (a push's rows, measured for size first). */
    readonly rawBody?: string;
    /** Extra request headers (the server's setup code when creating an organisation). */
    readonly headers?: Readonly<Record<string, string>>;
  };

/** The input is optional for a route without parameters or body. */
export type CallArgs<R extends AnyRoute> =
  RouteParams<R> extends void
    ? RouteBody<R> extends void
      ? [input?: CallInput<R>]
      : [input: CallInput<R>]
    : [input: CallInput<R>];

type Answer = { ok?: boolean; value?: unknown; error?: unknown; wipe?: boolean };

/** Reads the server's answer: its value, checked by the route's schema, or its error code. */
const readAnswer = async <R extends AnyRoute>(
  route: R,
  response: Response,
): Promise<ServerReply<RouteValue<R>>> => {
  let answer: Answer;
  try {
    answer = (await response.json()) as Answer;
  } catch {
    return err('bad-response');
  }
  if (answer === null || typeof answer !== 'object' || answer.ok !== true) {
    const code = typeof answer?.error === 'string' ? (answer.error as ErrorCode) : 'bad-response';
    const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
    return {
      ...err(code),
      ...(answer?.wipe === true ? { wipe: true } : {}),
      ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfterSeconds: retryAfter } : {}),
    };
  }
  if (answer.value === undefined) return route.empty ? ok(undefined as RouteValue<R>) : err('bad-response');
  if (!route.schema) return ok(answer.value as RouteValue<R>);
  const parsed = route.schema.safeParse(answer.value);
  return parsed.success ? ok(parsed.data as RouteValue<R>) : err('bad-response');
};

export class ServerClient {
  private readonly baseUrl: string;
  private token: string | undefined;
  private expiresAt: number | undefined;
  private renewing: Promise<void> | undefined;

  constructor(
    private readonly fetch: Fetch,
    link: ServerLink,
    private readonly options: ServerClientOptions = {},
  ) {
    this.baseUrl = link.serverUrl.replace(/\/+$/, '');
    this.token = link.token;
    this.expiresAt = link.expiresAt;
  }

  /** The URL of a route with its parameters and query. */
  url<R extends AnyRoute>(
    route: R,
    params?: RouteParams<R>,
    query?: Readonly<Record<string, string | number>>,
  ): string {
    const path = route.path(params as never);
    const search = query
      ? '?' +
        Object.entries(query)
          .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
          .join('&')
      : '';
    return `${this.baseUrl}${path}${search}`;
  }

  /** Sends one route and reads its answer. Never throws for a failed call: the error is the value. */
  async call<R extends AnyRoute>(route: R, ...[input]: CallArgs<R>): Promise<ServerReply<RouteValue<R>>> {
    await this.renewIfDue(route);
    const response = await this.send(route, input ?? ({} as CallInput<R>));
    if (response === 'certificate-mismatch') return err('certificate-mismatch');
    return response ? readAnswer(route, response) : err('offline');
  }

  /**
   * Opens the server's event stream (its answer is read as it arrives); throws when unreachable. With
   * `documents`, small pushes' documents travel in their events (StreamEvent); a server from before
   * ignores the query and only announces.
   */
  openStream(signal: AbortSignal, options: { documents?: boolean } = {}): Promise<Response> {
    const url = this.url(ROUTES.stream);
    return this.fetch(options.documents ? `${url}?${STREAM_DOCUMENTS_QUERY}` : url, {
      headers: { ...this.authHeader(), accept: 'text/event-stream' },
      signal,
    });
  }

  private authHeader(): Record<string, string> {
    return this.token === undefined ? {} : { authorization: `Bearer ${this.token}` };
  }

  private async send<R extends AnyRoute>(
    route: R,
    input: CallInput<R>,
  ): Promise<Response | 'certificate-mismatch' | null> {
    const text = input.rawBody ?? (input.body === undefined ? undefined : JSON.stringify(input.body));
    const init: RequestInit = {
      method: route.method,
      headers: {
        ...input.headers,
        ...this.authHeader(),
        ...(text === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(text === undefined ? {} : { body: text }),
    };
    const url = this.url(route, input.params as RouteParams<R>, input.query);
    let tries = route.idempotent ? 1 + (this.options.retries ?? 0) : 1;
    for (;;) {
      try {
        return await this.fetch(url, init);
      } catch (error) {
        // Another certificate at the pinned address: asking again would meet the same one.
        if (isCertificateMismatch(error)) return 'certificate-mismatch';
        tries -= 1;
        if (tries <= 0) return null;
      }
    }
  }

  private async renewIfDue(route: AnyRoute): Promise<void> {
    const renew = this.options.renew;
    if (!renew || route.renewal || this.token === undefined || this.expiresAt === undefined) return;
    const now = (this.options.now ?? Date.now)();
    if (this.expiresAt - now > renew.beforeMs || this.expiresAt <= now) return;
    this.renewing ??= (async () => {
      const response = await this.send(ROUTES.renewToken, {});
      const reply =
        response && response !== 'certificate-mismatch'
          ? await readAnswer(ROUTES.renewToken, response)
          : null;
      if (reply?.ok) {
        const { token, expiresAt } = reply.value;
        this.token = token;
        this.expiresAt = expiresAt;
        renew.onRenewed(token, expiresAt);
      }
    })().finally(() => {
      this.renewing = undefined;
    });
    await this.renewing;
  }
}

/** A client for one server and account, e.g. `serverClient(fetch, link).call(ROUTES.keys)`. */
export const serverClient = (fetch: Fetch, link: ServerLink, options?: ServerClientOptions): ServerClient =>
  new ServerClient(fetch, link, options);

/**
 * GET /audit/anchors: the chain heads the server anchored, to verify this device's audit trail against
 * (shared/audit verifyChains). An error value when the server cannot be asked.
 */
export const fetchAuditAnchors = (
  fetch: Fetch,
  link: Pick<ServerLink, 'serverUrl' | 'token'>,
): Promise<ServerReply<Anchor[]>> => serverClient(fetch, link).call(ROUTES.auditAnchors);
