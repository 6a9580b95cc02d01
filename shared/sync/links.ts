// Confirmation and unsubscribe links on the device's side (issue 17): make a token, register its hash
// with the organisation's server, build the link and the RFC 8058 headers, and pull the clicks back,
// matched to the tokens the devices hold. What a token stands for (person, list, purpose) never leaves the
// devices' encrypted store; the server sees only the token's SHA-256 until someone clicks it, and then
// keeps the click's proof (linkClickProof), another hash of the token, for the devices to check.
import { loadSodium, randomBytes, toBase64, utf8 } from '../crypto';
import { ok } from '../platform';
import {
  LINK_CLICK_PROOF,
  LINK_PATHS,
  MAX_LINKS_PER_REQUEST,
  type LinkClick,
  type LinkClicksResponse,
  type LinkKind,
} from './protocol-links';
import type { ServerClient, ServerReply } from './server-client';
import { ROUTES } from './server-routes';

/** A new link token: 32 random bytes (shared/crypto's source) in base64url, 43 characters. */
export const newLinkToken = (): string =>
  toBase64(randomBytes(32)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** The SHA-256 of a token (hex), as the server stores it and names it in clicks. */
export const linkTokenHash = async (token: string): Promise<string> => {
  const sodium = await loadSodium();
  return sodium.to_hex(sodium.crypto_hash_sha256(utf8(token)));
};

/**
 * The proof of a click on the token, as the server computes it from the clicked link: a SHA-256 of the
 * token under its own prefix, which the token's hash alone does not yield.
 */
export const linkClickProof = (token: string): Promise<string> =>
  linkTokenHash(`${LINK_CLICK_PROOF}${token}`);

/** The public link of a token on the organisation's server: `<server>/c/<token>` or `<server>/u/<token>`. */
export const linkUrl = (serverUrl: string, kind: LinkKind, token: string): string =>
  `${serverUrl.replace(/\/+$/, '')}${LINK_PATHS[kind]}${token}`;

/** RFC 2369 and RFC 8058 headers for campaign mail: one-click unsubscribe through the server. */
export const listUnsubscribeHeaders = (
  serverUrl: string,
  unsubscribeToken: string,
): { 'List-Unsubscribe': string; 'List-Unsubscribe-Post': string } => ({
  'List-Unsubscribe': `<${linkUrl(serverUrl, 'unsubscribe', unsubscribeToken)}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

export interface LinkToRegister {
  readonly token: string;
  readonly kind: LinkKind;
}

/**
 * Registers links with the server by their hashes, in requests of at most MAX_LINKS_PER_REQUEST. Safe to
 * repeat. Stops at the first refused request ('foreign-id': a token some other organisation holds).
 * `at` is the server's time of the first request (absent when the server does not say it): clicks are
 * dated by the server's clock, so a token is dated by it too.
 */
export const registerLinks = async (
  client: ServerClient,
  links: readonly LinkToRegister[],
): Promise<ServerReply<{ registered: number; at?: number }>> => {
  let registered = 0;
  let at: number | undefined;
  for (let i = 0; i < links.length; i += MAX_LINKS_PER_REQUEST) {
    const batch = await Promise.all(
      links
        .slice(i, i + MAX_LINKS_PER_REQUEST)
        .map(async ({ token, kind }) => ({ tokenHash: await linkTokenHash(token), kind })),
    );
    const reply = await client.call(ROUTES.registerLinks, { body: { links: batch } });
    if (!reply.ok) return reply;
    registered += reply.value.registered;
    at ??= reply.value.at;
  }
  return ok(at === undefined ? { registered } : { registered, at });
};

/** One page of the organisation's clicks after `after` (0 for all); pass the answer's cursor next time. */
export const pullLinkClicks = (
  client: ServerClient,
  after: number,
  limit?: number,
): Promise<ServerReply<LinkClicksResponse>> =>
  client.call(ROUTES.linkClicks, { query: limit === undefined ? { after } : { after, limit } });

/**
 * The clicks on this device's own tokens, each with what the device keeps for it (`byHash`: token hash →
 * the device's entry, e.g. { token, subjectId, listId }); clicks on other devices' tokens are left out.
 */
export const matchLinkClicks = <T>(
  clicks: readonly LinkClick[],
  byHash: ReadonlyMap<string, T>,
): { entry: T; kind: LinkKind; clickedAt: number }[] =>
  clicks.flatMap((click) => {
    const entry = byHash.get(click.tokenHash);
    return entry === undefined ? [] : [{ entry, kind: click.kind, clickedAt: click.clickedAt }];
  });
