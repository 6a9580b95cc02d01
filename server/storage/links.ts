// Confirmation and unsubscribe links (issue 17): what the server keeps of each, behind one interface with
// an adapter per database (links-sqlite.ts, links-postgres.ts). Per link only the SHA-256 of its token,
// its kind, the organisation, when it was last registered and when it was first clicked, with a per-organisation
// click sequence the devices pull by, and the click's proof (another SHA-256 of the token, taken from the
// clicked link: shared/sync's LINK_CLICK_PROOF), which the devices check against the token they hold. No person, list, purpose, address or browser is ever stored: the
// device that made the token keeps what it stands for in its own encrypted store.
import type { LinkKind } from '../../shared/sync';

export interface LinkRow {
  tokenHash: string;
  kind: LinkKind;
  orgId: string;
  /** When the link was last registered: a device registers a link again each time it sends it out. */
  createdAt: number;
  /** The first click's time; later clicks change nothing. */
  clickedAt: number | null;
  /** The click's place in the organisation's sequence of clicks; null until clicked. */
  clickSeq: number | null;
  /** SHA-256(LINK_CLICK_PROOF + token) of the clicked link; null until clicked (or clicked before proofs). */
  clickProof: string | null;
}

export interface LinkClickRow {
  tokenHash: string;
  kind: LinkKind;
  clickedAt: number;
  seq: number;
  proof: string | null;
}

export interface NewLink {
  tokenHash: string;
  kind: LinkKind;
}

/**
 * What one link costs the organisation's storage quota (quota.ts): its row and its two index entries, about
 * 300 bytes in a SQLite file. Counted per link rather than measured, so the count is one indexed query.
 */
export const LINK_ROW_BYTES = 256;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A link nobody clicked is kept this long after it was last sent out (registered): an unsubscribe link
 * in a mail from over a year ago then shows "not valid". A clicked link is kept as long as a device may
 * stay offline (KLUIS_MAX_OFFLINE_DAYS), so the device that made it still learns of the click.
 */
export const UNCLICKED_LINK_MS = 400 * DAY_MS;

export interface LinkStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Creates the table when missing; safe to run at every start and from several instances. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Registers the links for the organisation, all or none: 'conflict' when one of the hashes is already
   * registered by another organisation or with another kind (then nothing is stored). Registering the same
   * link again is a success that moves its registration time (while not clicked) to `now`.
   */
  register(orgId: string, links: readonly NewLink[], now: number): Promise<'ok' | 'conflict'>;
  find(tokenHash: string): Promise<LinkRow | undefined>;
  /**
   * Records a click on a link of this kind: the first click's time and proof are kept and get the
   * organisation's next click sequence; a repeated click answers the first one's time. Undefined for an
   * unknown hash or one of the other kind.
   */
  recordClick(
    tokenHash: string,
    kind: LinkKind,
    now: number,
    proof: string,
  ): Promise<{ clickedAt: number } | undefined>;
  /** The organisation's clicks after the sequence `after`, oldest first, at most `limit`. */
  clicks(orgId: string, after: number, limit: number): Promise<LinkClickRow[]>;
  /** What the organisation's links count in its storage quota: LINK_ROW_BYTES per link. */
  storedBytes(orgId: string): Promise<number>;
  /**
   * Deletes links not clicked and last registered before `registeredBefore`, and links clicked before
   * `clickedBefore` — except each organisation's latest click, from which the next click's sequence
   * continues (devices pull by that sequence). Answers how many were deleted.
   */
  purge(registeredBefore: number, clickedBefore: number): Promise<number>;
}

export const LINK_TABLE_SQL = `CREATE TABLE IF NOT EXISTS link_tokens (
  token_hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('confirm', 'unsubscribe')),
  org_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  clicked_at BIGINT,
  click_seq BIGINT,
  click_proof TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS link_tokens_clicks ON link_tokens (org_id, click_seq);`;

/** Adds the click proof to a table made before it (PostgreSQL; SQLite asks for the column first). */
export const LINK_PROOF_COLUMN_SQL = 'ALTER TABLE link_tokens ADD COLUMN IF NOT EXISTS click_proof TEXT';

type Row = Record<string, unknown>;
const orNull = (value: unknown) => (value === null || value === undefined ? null : value);

export const toLinkRow = (row: Row): LinkRow => ({
  tokenHash: String(row.token_hash),
  kind: row.kind as LinkKind,
  orgId: String(row.org_id),
  createdAt: Number(row.created_at),
  clickedAt: row.clicked_at === null || row.clicked_at === undefined ? null : Number(row.clicked_at),
  clickSeq: row.click_seq === null || row.click_seq === undefined ? null : Number(row.click_seq),
  clickProof: orNull(row.click_proof) === null ? null : String(row.click_proof),
});

export const toLinkClick = (row: Row): LinkClickRow => ({
  tokenHash: String(row.token_hash),
  kind: row.kind as LinkKind,
  clickedAt: Number(row.clicked_at),
  seq: Number(row.click_seq),
  proof: orNull(row.click_proof) === null ? null : String(row.click_proof),
});

/** The registration is refused when a hash is already someone else's, or the other kind. */
export const conflicts = (existing: LinkRow | undefined, orgId: string, link: NewLink): boolean =>
  existing !== undefined && (existing.orgId !== orgId || existing.kind !== link.kind);
