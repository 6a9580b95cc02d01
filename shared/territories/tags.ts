// Where a territory shows on a document in the clear: its tag, a random 16-hex-digit id that names no one
// and says nothing about the territory's rules. A subject of a territory has its data key in a key page of
// that territory, whose id starts with `t<tag>-`; its records and items name that page as their keyId, so
// the server can route every document of the subject by the tag alone, and a device can tell at once that
// a document belongs to a territory it does not hold. Ordinary ids (crypto/ids.ts) are hex only and never
// start with `t`, so a page without the prefix is an organisation-wide page, as before territories.
// Move notes of first arrivals (subjects that leave an organisation-wide page for a territory, the first
// move of each) name their territory the same way, `n<tag>-...`: a device's first sync can leave out the
// notes into territories it does not hold (issue 19 bench, territory-share), the server reading the tag
// from the id alone (it cannot open the note). Ordinary note ids never start with `n` either.
import { newId, randomBytes } from '../crypto';

const TAG = /^[0-9a-f]{16}$/;
const PAGE = /^t([0-9a-f]{16})-/;
const KEY_ID = /^t([0-9a-f]{16}):/;
const FIRST_ARRIVAL = /^n([0-9a-f]{16})-/;

export const isTerritoryTag = (tag: string): boolean => TAG.test(tag);

/** A new territory's tag: random, so two territories never share one and none is derived from a name. */
export const newTerritoryTag = (): string =>
  Array.from(randomBytes(8), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * A new key page of the territory: 48 characters, so that with the 13 of the device's own-page mark
 * (store/data-keys.ts) it stays within the 64 every id may have. An ordinary id's time and counter, and
 * 48 of its random bits.
 */
export const territoryPageId = (tag: string): string => `t${tag}-${newId().slice(0, 30)}`;

/** The territory of a key page id, or null for an organisation-wide page. */
export const territoryOfPage = (pageId: string): string | null => PAGE.exec(pageId)?.[1] ?? null;

/**
 * A new move note id for first arrivals into the territory (move.ts): 48 characters, so that stored as a
 * setting after the organisation's tag (`o<12 hex>_`, 14 characters) it stays within the 64 of every id.
 */
export const firstArrivalNoteId = (tag: string): string => `n${tag}-${newId().slice(0, 30)}`;

/** The territory a move note of first arrivals went to, by its id (without the organisation's tag); else null. */
export const firstArrivalTerritory = (noteId: string): string | null =>
  FIRST_ARRIVAL.exec(noteId)?.[1] ?? null;

/** The key id of one epoch of a territory's key: what a territory page names as its keyId. */
export const territoryKeyId = (tag: string, epochId: string): string => `t${tag}:${epochId}`;

/** The territory of a key id, or null for the organisation's page keys. */
export const territoryOfKeyId = (keyId: string): string | null => KEY_ID.exec(keyId)?.[1] ?? null;

/**
 * The territory a synced document belongs to, read from its plaintext envelope only: a key page by its
 * own id, a record or item by the page its keyId names, a move note of first arrivals by its id (stored
 * after the organisation's tag and `_`; the server sends it to every device but a first sync's settings
 * pull that asks for held arrivals, server/routes/pull-visible.ts). Null for everything organisation-wide.
 */
export const territoryOfDocument = (
  collection: string,
  doc: { id?: unknown; keyId?: unknown; kind?: unknown },
): string | null => {
  if (collection === 'keys') return typeof doc.id === 'string' ? territoryOfPage(doc.id) : null;
  if (collection === 'records' || collection === 'items')
    return typeof doc.keyId === 'string' ? territoryOfPage(doc.keyId) : null;
  // The kind is move.ts's TERRITORY_MOVE.kind, written out here since move.ts imports this file.
  if (collection === 'settings' && doc.kind === 'territory-move' && typeof doc.id === 'string')
    return firstArrivalTerritory(doc.id.slice(doc.id.indexOf('_') + 1));
  return null;
};
