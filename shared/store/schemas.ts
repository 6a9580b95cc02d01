// The envelope collections. Every document is plaintext metadata that identifies no one (random ids,
// kinds, key ids, times) plus one encrypted payload. Few collections, split by how they sync and who may
// see them: RxDB's open-source edition opens at most 13 collections per process.
import type { RxJsonSchema } from 'rxdb';

/** A record about a data subject (person, organisation, later activities, deals...). */
export interface RecordDoc {
  id: string;
  kind: string;
  /** The person or organisation this record is about; its data key encrypts the payload. */
  subjectId: string;
  /** The key page holding the subject's data key. */
  keyId: string;
  /** Version of the payload's kind schema, for migrations. */
  v: number;
  payload: string;
  updatedAt: number;
}

/**
 * A page of subjects' data keys, each wrapped by the organisation key: JSON {subjectId: sealed key}.
 * Destroying a subject's entry crypto-shreds the subject (shared/store/data-keys.ts).
 */
export interface KeyDoc {
  id: string;
  /** The organisation key that wraps the keys of this page. */
  keyId: string;
  payload: string;
}

/**
 * A record about an existing subject other than its profile: activities, tasks, deals, cases, consent
 * events, subscriptions. Same envelope as RecordDoc, encrypted with the subject's data key, in its own
 * collection so lists by kind are indexed without slowing the people import (records has one index).
 */
export type ItemDoc = RecordDoc;

/**
 * Organisation-wide settings: purposes register, pipeline stages, subscription types, privacy notices,
 * import presets. Encrypted with the organisation key (keyId = its id); synced to every user.
 */
export interface SettingDoc {
  id: string;
  kind: string;
  keyId: string;
  v: number;
  payload: string;
  updatedAt: number;
}

/**
 * The data-protection officer's files: request register, breach register, erasure certificates,
 * retention reviews. The settings envelope, encrypted with the organisation key; synced to admins only.
 */
export type ComplianceDoc = SettingDoc;

/**
 * One audit-trail entry: who did what to which record ids, encrypted with the organisation key. Entries
 * form a hash chain per device (`deviceId` = the local vault's random id): `hash` covers the previous
 * entry's hash and this entry's plaintext metadata and ciphertext, so the server can check and anchor a
 * chain it cannot read. Entries are never changed.
 */
export interface AuditDoc {
  id: string;
  deviceId: string;
  seq: number;
  at: number;
  keyId: string;
  payload: string;
  prevHash: string;
  hash: string;
  /** The device's Ed25519 public key (base64): one per chain. Absent on entries from before device keys. */
  signer?: string;
  /** The device's signature over `hash` (chain.ts auditSignedText). */
  sig?: string;
}

/** This device's own documents: keyring, settings, encrypted list snapshot. Never synced. */
export interface VaultDoc {
  id: string;
  payload: string;
  updatedAt: number;
}

const id = { type: 'string', maxLength: 64 } as const;
const time = { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 } as const;
const kind = { type: 'string', maxLength: 32 } as const;
/** Every collection's documents are objects found by their id; version 0 until a collection migrates. */
const byId = { version: 0, primaryKey: 'id', type: 'object' } as const;
/** What every envelope holds after its ids: the key that opens it, the payload's version, the payload. */
const sealed = {
  keyId: { type: 'string', maxLength: 80 },
  v: { type: 'integer', minimum: 1, maximum: 1000 },
  payload: { type: 'string' },
  updatedAt: time,
} as const;

export const recordSchema: RxJsonSchema<RecordDoc> = {
  ...byId,
  properties: {
    id,
    kind,
    subjectId: id,
    ...sealed,
  },
  required: ['id', 'kind', 'subjectId', 'keyId', 'v', 'payload', 'updatedAt'],
  // Only what queries use: every extra index costs each IndexedDB write (bench: ~4 s per 100,000).
  indexes: ['subjectId'],
  additionalProperties: false,
};

export const itemSchema: RxJsonSchema<ItemDoc> = {
  ...recordSchema,
  // Timelines read a subject's items; lists (deals board, my day, open cases) read one kind.
  indexes: ['subjectId', ['kind', 'updatedAt']],
};

export const settingSchema: RxJsonSchema<SettingDoc> = {
  ...byId,
  properties: {
    id,
    kind,
    ...sealed,
  },
  required: ['id', 'kind', 'keyId', 'v', 'payload', 'updatedAt'],
  indexes: ['kind'],
  additionalProperties: false,
};

export const complianceSchema: RxJsonSchema<ComplianceDoc> = settingSchema;

const hash = { type: 'string', maxLength: 64 } as const;

/** Version 1 added the device signature (`signer`, `sig`); older entries migrate unchanged, unsigned. */
export const auditSchema: RxJsonSchema<AuditDoc> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    deviceId: id,
    seq: { type: 'integer', minimum: 1, maximum: 1e15, multipleOf: 1 },
    at: time,
    keyId: { type: 'string', maxLength: 80 },
    payload: { type: 'string' },
    prevHash: hash,
    hash,
    signer: { type: 'string', maxLength: 64 },
    sig: { type: 'string', maxLength: 128 },
  },
  required: ['id', 'deviceId', 'seq', 'at', 'keyId', 'payload', 'prevHash', 'hash'],
  indexes: [['deviceId', 'seq'], 'at'],
  additionalProperties: false,
};

export const keySchema: RxJsonSchema<KeyDoc> = {
  ...byId,
  properties: { id, keyId: { type: 'string', maxLength: 80 }, payload: { type: 'string' } },
  required: ['id', 'keyId', 'payload'],
  additionalProperties: false,
};

export const vaultSchema: RxJsonSchema<VaultDoc> = {
  ...byId,
  properties: { id, payload: { type: 'string' }, updatedAt: time },
  required: ['id', 'payload', 'updatedAt'],
  additionalProperties: false,
};
