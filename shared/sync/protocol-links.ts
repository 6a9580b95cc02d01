// The wire protocol of confirmation and unsubscribe links (issue 17, double opt-in and RFC 8058).
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------------
// A device makes a random token per person, list and purpose (links.ts), keeps it and what it stands for
// in a sealed record of the person and registers only the token's SHA-256 with the organisation's server. The person
// clicks /c/<token> (confirm a subscription) or /u/<token> (unsubscribe); the server keeps the first
// click's time and the devices of the organisation pull the clicks by a cursor. The server never learns
// who a token is for: it stores the hash, the kind, the organisation and two times, and once clicked the
// click's proof: a second SHA-256 of the token (LINK_CLICK_PROOF) that only the token itself yields, so a
// server that never saw a token cannot report a click on it that a device holding the token accepts.
// ---------------------------------------------------------------------------------------------------

export const LINK_KINDS = ['confirm', 'unsubscribe'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** The path prefix of each kind's public page on the server. */
export const LINK_PATHS: Readonly<Record<LinkKind, string>> = { confirm: '/c/', unsubscribe: '/u/' };

/** A token: 32 random bytes in base64url without padding. */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** What the click proof hashes before the token: the proof is SHA-256(`kluis-link-click\n` + token), hex. */
export const LINK_CLICK_PROOF = 'kluis-link-click\n';
/** Links registered in one request; more go in further requests. */
export const MAX_LINKS_PER_REQUEST = 1000;
/** Clicks in one pull answer; `more` says when there are further ones. */
export const MAX_CLICKS_PER_PULL = 1000;

const TokenHash = z.string().regex(/^[0-9a-f]{64}$/);

/** POST /links (every member): register links by their token's SHA-256 (hex). Idempotent per link. */
export const RegisterLinksRequest = z.strictObject({
  links: z
    .array(z.strictObject({ tokenHash: TokenHash, kind: z.enum(LINK_KINDS) }))
    .min(1)
    .max(MAX_LINKS_PER_REQUEST),
});
export type RegisterLinksRequest = z.infer<typeof RegisterLinksRequest>;

/** GET /links/clicks?after=<seq>&limit= (every member): the organisation's clicks after a cursor. */
export const LinkClicksQuery = z.strictObject({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_CLICKS_PER_PULL).default(MAX_CLICKS_PER_PULL),
});

export const LinkClickSchema = z.object({
  tokenHash: TokenHash,
  kind: z.enum(LINK_KINDS),
  clickedAt: z.number().int().min(0),
  seq: z.number().int().min(1),
  /** SHA-256(LINK_CLICK_PROOF + token), taken from the clicked link itself; null for a click stored without. */
  proof: TokenHash.nullable(),
});
/** One recorded click: the token's hash (the device maps it back to its token), its kind, time and proof. */
export type LinkClick = z.infer<typeof LinkClickSchema>;

export const LinkClicksSchema = z.object({
  clicks: z.array(LinkClickSchema),
  /** Pass as `after` next time; the last click's sequence, or the `after` asked with when none. */
  cursor: z.number().int().min(0),
  more: z.boolean(),
});
export type LinkClicksResponse = z.infer<typeof LinkClicksSchema>;
