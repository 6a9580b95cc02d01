// Documents as they travel: exactly the wire fields of each collection, a fingerprint that tells two
// states of a document apart without keeping its payload, and a push split into bodies the server takes.
import type { AuditDoc, KeyDoc, RecordDoc, SettingDoc } from '../store';
import { MAX_BODY_BYTES, type Collection, type Role, type SyncDocument } from './protocol';
import { mayPushRows } from './write-rules';

export type Doc = RecordDoc | KeyDoc | SettingDoc | AuditDoc;
/**
 * The server's sequence; an object because RxDB stacks checkpoints with Object.assign (so every field is
 * always set). `horizon`: the tombstone horizon the page that gave it was read at (0: none); `resync`: a
 * full resync was under way (resync.ts). Both absent from checkpoints kept before they came.
 */
export interface Checkpoint {
  sequence: number;
  horizon?: number;
  resync?: boolean;
}

/** Exactly the wire fields: RxDB may add `_meta`, `_rev` or `_attachments`, which the server refuses. */
export const toWire = (collection: Collection, doc: Record<string, unknown>): SyncDocument => {
  if (collection === 'audit') {
    const { id, deviceId, seq, at, keyId, payload, prevHash, hash, signer, sig } = doc;
    return {
      id,
      deviceId,
      seq,
      at,
      keyId,
      payload,
      prevHash,
      hash,
      signer,
      sig,
      _deleted: false,
    } as SyncDocument;
  }
  const picked =
    collection === 'settings' || collection === 'compliance'
      ? {
          id: doc.id,
          kind: doc.kind,
          keyId: doc.keyId,
          v: doc.v,
          payload: doc.payload,
          updatedAt: doc.updatedAt,
          _deleted: doc._deleted === true,
        }
      : collection !== 'keys'
        ? {
            id: doc.id,
            kind: doc.kind,
            subjectId: doc.subjectId,
            keyId: doc.keyId,
            v: doc.v,
            payload: doc.payload,
            updatedAt: doc.updatedAt,
            _deleted: doc._deleted === true,
          }
        : { id: doc.id, keyId: doc.keyId, payload: doc.payload, _deleted: doc._deleted === true };
  return picked as SyncDocument;
};

/** RxDB's push rows as the server takes them: each new state and the state it assumed, in wire form. */
export const toPushRows = (
  collection: Collection,
  rows: readonly { newDocumentState: unknown; assumedMasterState?: unknown }[],
  /** With a writer, rows its role may not write are left out (SyncClientOptions.writer). */
  pusher?: { readonly role: Role; readonly writer?: { readonly userId: string; readonly deviceId: string } },
) =>
  rows
    .map((row) => ({
      newDocumentState: toWire(collection, row.newDocumentState as Record<string, unknown>),
      assumedMasterState: row.assumedMasterState
        ? toWire(collection, row.assumedMasterState as Record<string, unknown>)
        : null,
    }))
    .filter(
      (row) =>
        !pusher?.writer ||
        mayPushRows(
          { role: pusher.role, user: { id: pusher.writer.userId }, device: { id: pusher.writer.deviceId } },
          collection,
          [row],
        ),
    );

/**
 * Tells one state of a document from another without keeping its payload: every payload is ciphertext
 * with a random nonce, so its length and ends differ between any two writes.
 */
export const fingerprint = (doc: { payload?: unknown; hash?: unknown; _deleted?: unknown }): string => {
  const text = typeof doc.payload === 'string' ? doc.payload : String(doc.hash ?? '');
  return `${doc._deleted === true}|${text.length}|${text.slice(0, 48)}|${text.slice(-16)}`;
};

/** Key pages per pull (see the pull's batch size). */
export const KEY_PULL_BATCH = 20;

/** Room left under the server's body limit for the JSON punctuation around the rows. */
const PUSH_BYTES = MAX_BODY_BYTES - 64 * 1024;

/**
 * Splits a push into request bodies the server accepts: key pages of a large import are hundreds of KiB
 * each, so a batch of them can exceed the body limit, which failed the push over and over. Each row is
 * serialised once; sizes are counted in UTF-16 units times 3 (the most UTF-8 needs) unless all ASCII.
 */
export const splitBySize = (rows: readonly unknown[], maxBytes = PUSH_BYTES): string[] => {
  const bodies: string[] = [];
  let part: string[] = [];
  let size = 2;
  for (const row of rows) {
    const text = JSON.stringify(row);
    const rowBytes = text.length * (/[^ -~]/.test(text) ? 3 : 1) + 1;
    if (part.length && size + rowBytes > maxBytes) {
      bodies.push(`[${part.join(',')}]`);
      part = [];
      size = 2;
    }
    part.push(text);
    size += rowBytes;
  }
  if (part.length) bodies.push(`[${part.join(',')}]`);
  return bodies;
};
