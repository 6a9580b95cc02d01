// Confirmation and unsubscribe links (issue 17). Devices register links by their token's SHA-256 and pull
// the clicks; the person's browser gets plain pages at /c/<token> and /u/<token>. A GET only shows the
// page (link scanners in mail filters fetch every link): only a POST records, and only the first click's
// time is kept. /u/<token> also takes RFC 8058's one-click POST (`List-Unsubscribe=One-Click`) from a mail
// client, answered 200 at once. An unknown or malformed token gets the same "not valid" page and counts
// against the source address, which then waits as for failed sign-ins (limits.ts), except for a POST to a
// valid unsubscribe link (others can make a mail provider's address wait); nothing about a token
// or its click is logged (these routes log warnings only, and every request line masks the token: logPath).
// A click keeps a proof taken from the token (shared/sync's LINK_CLICK_PROOF), never the token itself.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  LINK_CLICK_PROOF,
  LINK_TOKEN,
  LinkClicksQuery,
  RegisterLinksRequest,
  type LinkClicksResponse,
  type LinkKind,
} from '../../shared/sync';
import { authenticate, sha256 } from '../auth';
import type { ServerContext } from '../context';
import { sendError, sendOk } from '../http';
import { createAddressBackoff } from '../limits';
import { LINK_PAGE_CSP, pageLanguage, renderLinkPage, type LinkPage } from '../link-pages';
import { LINK_ROW_BYTES, type LinkStore } from '../storage/links';

/**
 * A request target in absolute form (`GET http://host/c/<token> HTTP/1.1`, which a server must accept and
 * a forward proxy sends): Node hands it over whole, so its scheme and host come before the path.
 */
const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i;

/**
 * A request's path as the log may hold it: no query string, and for anything under /c/ or /u/ (however
 * spelt: /C/, //c/, %63, a trailing slash or segment that no route answers, or the absolute form) no
 * token — a token in a log could confirm or unsubscribe someone.
 */
export const logPath = (url: string): string => {
  const path = (url.split('?')[0] ?? '').replace(ABSOLUTE_FORM, '');
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape: judge the path as sent.
  }
  const first = decoded
    .split('/')
    .find((segment) => segment !== '')
    ?.toLowerCase();
  return first === 'c' || first === 'u' ? `/${first}/<token>` : path;
};

type TokenRequest = FastifyRequest<{ Params: { token: string } }>;

/** A one-click body or a form's is a few dozen bytes; nothing longer is read. */
const FORM_BODY_LIMIT = 4096;

export const registerLinkRoutes = (app: FastifyInstance, ctx: ServerContext, links: LinkStore) => {
  // Its own counters, with the same settings as the sign-in back-off: guessing tokens slows the guesser
  // down without slowing the sign-ins of everyone behind the same office address.
  const guesses = createAddressBackoff(ctx.now, ctx.limits);

  /** A member who holds the organisation key: one still awaiting it can neither register nor read clicks. */
  const member = async (request: FastifyRequest, reply: FastifyReply) => {
    const caller = await authenticate(ctx.storage, ctx.now(), request, reply);
    if (caller && caller.user.sealedOrgKey === null) return void sendError(reply, 403, 'awaiting-org-key');
    return caller;
  };

  app.post('/links', async (request, reply) => {
    const caller = await member(request, reply);
    if (!caller) return reply;
    const body = RegisterLinksRequest.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'bad-request');
    // Links count in the organisation's storage quota like documents: registering is otherwise unbounded.
    if (!(await ctx.quota.admitBytes(caller.user.orgId, body.data.links.length * LINK_ROW_BYTES))) {
      request.log.warn({ links: body.data.links.length }, 'links refused by the quota');
      return sendError(reply, 507, 'quota-exceeded');
    }
    const now = ctx.now();
    const outcome = await links.register(caller.user.orgId, body.data.links, now);
    // A hash some other organisation (or the other kind) holds: nothing of the request was stored.
    if (outcome === 'conflict') return sendError(reply, 409, 'foreign-id');
    request.log.info({ links: body.data.links.length }, 'links registered');
    // The server's time dates the device's tokens: clicks are dated by this clock, not the device's.
    return sendOk(reply, { registered: body.data.links.length, at: now });
  });

  app.get('/links/clicks', async (request, reply) => {
    const caller = await member(request, reply);
    if (!caller) return reply;
    const query = LinkClicksQuery.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'bad-request');
    const { after, limit } = query.data;
    const page = await links.clicks(caller.user.orgId, after, limit + 1);
    const clicks = page.slice(0, limit);
    const answer: LinkClicksResponse = {
      clicks,
      cursor: clicks.at(-1)?.seq ?? after,
      more: page.length > limit,
    };
    return sendOk(reply, answer);
  });

  const sendPage = (request: FastifyRequest, reply: FastifyReply, status: number, page: LinkPage) => {
    const language = pageLanguage(request.headers['accept-language']);
    return reply
      .code(status)
      .header('Content-Security-Policy', LINK_PAGE_CSP)
      .header('Content-Language', language)
      .header('Vary', 'Accept-Language')
      .header('Referrer-Policy', 'no-referrer')
      .header('X-Frame-Options', 'DENY')
      .header('X-Robots-Tag', 'noindex, nofollow')
      .type('text/html; charset=utf-8')
      .send(renderLinkPage(page, language));
  };

  /**
   * Answers a link's page: `ask` for a link not yet clicked, `done` once it was; with `record`, the click
   * is recorded first. Unknown tokens, malformed ones and the other kind's get the "not valid" page.
   */
  const answer = async (request: TokenRequest, reply: FastifyReply, kind: LinkKind, record: boolean) => {
    // Only an address that already sent invalid links waits. Valid ones are not counted, not even while
    // in flight: one-click unsubscribes arrive in bursts from a mail provider's few addresses, and must
    // not be refused for each other. (A 256-bit token cannot be guessed; the wait keeps the database
    // from being hammered, not the tokens from being found.)
    const { token } = request.params;
    const wait = guesses.wait(request.ip);
    // An unsubscribe is never held back by an address's wait: a mail provider's one-click unsubscribes come
    // from its few addresses, which anyone can make post invalid links (a mail to oneself whose
    // List-Unsubscribe points here), and the provider does not try again. While waiting, only a POST to a
    // valid unsubscribe link is looked up (one indexed read) and recorded.
    const unsubscribing = async () =>
      kind === 'unsubscribe' &&
      record &&
      LINK_TOKEN.test(token) &&
      (await links.find(sha256(token)))?.kind === 'unsubscribe';
    if (wait > 0 && !(await unsubscribing())) {
      reply.header('Retry-After', String(Math.ceil(wait / 1000)));
      return sendPage(request, reply, 429, 'wait');
    }
    const invalid = () => {
      guesses.failed(request.ip);
      return sendPage(request, reply, 404, 'invalid');
    };
    if (!LINK_TOKEN.test(token)) return invalid();
    const tokenHash = sha256(token);
    const clicked = record
      ? await links.recordClick(tokenHash, kind, ctx.now(), sha256(`${LINK_CLICK_PROOF}${token}`))
      : await links
          .find(tokenHash)
          .then((link) => (link && link.kind === kind ? { clickedAt: link.clickedAt } : undefined));
    if (!clicked) return invalid();
    const done = clicked.clickedAt !== null;
    return sendPage(request, reply, 200, `${kind}-${done ? 'done' : 'ask'}`);
  };

  // Form and one-click bodies are read (as text, small) only in this scope; the rest of the server keeps
  // taking JSON alone. What a POST sends does not matter: the POST itself is the person's action.
  void app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_r, body, done) =>
      done(null, body),
    );
    // 'warn': Fastify's request lines would log the path, and a token in a log could confirm or unsubscribe.
    // The body limit holds for every content type, JSON included (the server's own is 4 MiB, for pushes).
    const quiet = { logLevel: 'warn', bodyLimit: FORM_BODY_LIMIT } as const;
    scope.get('/c/:token', quiet, (request: TokenRequest, reply) => answer(request, reply, 'confirm', false));
    scope.post('/c/:token', quiet, (request: TokenRequest, reply) => answer(request, reply, 'confirm', true));
    scope.get('/u/:token', quiet, (request: TokenRequest, reply) =>
      answer(request, reply, 'unsubscribe', false),
    );
    scope.post('/u/:token', quiet, (request: TokenRequest, reply) =>
      answer(request, reply, 'unsubscribe', true),
    );
  });
};
