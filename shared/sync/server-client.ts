// The one HTTP client of the sync server: every call to the server from shared/ goes through it (sync,
// accounts, admin, rotation, erasure, the breach drill, the audit anchors). It sends a route of the typed
// route table (server-routes.ts) with the device token, reads the server's `{ ok, value | error }` answer,
// checks the value where the route has a schema, and hands back errors as values: the server's code,
// 'offline' when the server could not be reached, 'bad-response' when the answer is not one,
// 'certificate-mismatch' when a pinning fetch found another certificate than the pinned one (and sent
// nothing). A back-off's Retry-After comes with the error as `retryAfterSeconds`.
// Retries: a request that could not reach the server is sent again at once as often as `retries` says,
// and only for routes that are safe to repeat. Renewal: a link with a `renewal` (live-link.ts) gives the
// token to send at each request, renewed before it runs out and shared by every client of the device.
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

/**
 * The device token of a linked device, shared by every client made from its link (live-link.ts): read at
 * each request, renewed before it runs out. The server replaces the token on renewal, so one holder renews
 * for all of them.
 */
export interface TokenRenewal {
  /** The token to send now. */
  readonly token: string;
  /** A renewal was sent and not yet answered: a refusal meanwhile may be of the token it replaces. */
  readonly renewing: boolean;
  /** The server refused the token as expired: nothing can renew it, the device must sign in again. */
  readonly isExpired: boolean;
  /** Renews the token first when it is due (or waits for the renewal under way). */
  fresh(): Promise<void>;
  /** A request was answered `token-expired`. */
  expired(): void;
  /** Calls `listener` after each renewal; returns the unsubscribe. */
  onRenewed(listener: () => void): () => void;
}

/** Where the server is and who calls it. A token is needed for every route except signing in. */
export interface ServerLink {
  readonly serverUrl: string;
  readonly token?: string;
  /** A renewing token (live-link.ts): when present, its token is sent instead of `token`. */
  readonly renewal?: TokenRenewal;
}

export interface ServerClientOptions {
  /** Immediate re-sends of a request that could not reach the server, for routes safe to repeat. */
  readonly retries?: number;
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

  constructor(
    private readonly fetch: Fetch,
    private readonly link: ServerLink,
    private readonly options: ServerClientOptions = {},
  ) {
    this.baseUrl = link.serverUrl.replace(/\/+$/, '');
  }

  /** The token sent now: the renewing one when the link has it. */
  private get token(): string | undefined {
    return this.link.renewal?.token ?? this.link.token;
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
    const renewal = route.renewal ? undefined : this.link.renewal;
    if (renewal) {
      await renewal.fresh();
      // Sending a token the server called expired would only be refused again.
      if (renewal.isExpired) return err('token-expired');
    }
    const sentWith = this.token;
    let reply = await this.sendAndRead(route, input ?? ({} as CallInput<R>));
    // Another client of this device renewed the token while this request travelled: the server refused
    // the old one before doing anything, so the request goes again with the new one.
    if (
      renewal &&
      !reply.ok &&
      reply.error === 'unauthenticated' &&
      (renewal.renewing || this.token !== sentWith)
    ) {
      await renewal.fresh();
      reply = await this.sendAndRead(route, input ?? ({} as CallInput<R>));
    }
    if (renewal && !reply.ok && reply.error === 'token-expired') renewal.expired();
    return reply;
  }

  /**
   * Opens the server's event stream (its answer is read as it arrives); throws when unreachable. With
   * `documents`, small pushes' documents travel in their events (StreamEvent); a server from before
   * ignores the query and only announces. With a renewing token, the stream ends when the token is
   * renewed (the server refuses a stream of the old one), so the reader reconnects with the new one.
   */
  async openStream(signal: AbortSignal, options: { documents?: boolean } = {}): Promise<Response> {
    const renewal = this.link.renewal;
    if (renewal) {
      await renewal.fresh();
      if (renewal.isExpired) return Response.json({ ok: false, error: 'token-expired' }, { status: 401 });
    }
    const sentWith = this.token;
    const url = this.url(ROUTES.stream);
    const response = await this.fetch(options.documents ? `${url}?${STREAM_DOCUMENTS_QUERY}` : url, {
      headers: { ...this.authHeader(), accept: 'text/event-stream' },
      signal,
    });
    if (!renewal || !response.ok || !response.body) return response;
    const body = endsOnRenewal(response.body, renewal, sentWith ?? '');
    return new Response(body, { status: response.status, headers: response.headers });
  }

  private authHeader(): Record<string, string> {
    const token = this.token;
    return token === undefined ? {} : { authorization: `Bearer ${token}` };
  }

  private async sendAndRead<R extends AnyRoute>(
    route: R,
    input: CallInput<R>,
  ): Promise<ServerReply<RouteValue<R>>> {
    const response = await this.send(route, input);
    if (response === 'certificate-mismatch') return err('certificate-mismatch');
    return response ? readAnswer(route, response) : err('offline');
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
}

/**
 * The stream's body, ended when the token it was opened with is renewed. Nothing read once a renewal is
 * under way is passed on: the server may already refuse the old token, which is no refusal of the device.
 */
const endsOnRenewal = (
  body: ReadableStream<Uint8Array>,
  renewal: TokenRenewal,
  sentWith: string,
): ReadableStream<Uint8Array> => {
  const reader = body.getReader();
  let stopWatching = () => {};
  let closed = false;
  const finish = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    stopWatching();
    void reader.cancel().catch(() => undefined);
    if (!closed) controller.close();
    closed = true;
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      stopWatching = renewal.onRenewed(() => finish(controller));
    },
    async pull(controller) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        stopWatching();
        if (!closed) controller.error(error);
        closed = true;
        return;
      }
      if (closed) return;
      if (chunk.done || renewal.renewing || renewal.token !== sentWith) return finish(controller);
      controller.enqueue(chunk.value);
    },
    cancel() {
      stopWatching();
      closed = true;
      return reader.cancel();
    },
  });
};

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
