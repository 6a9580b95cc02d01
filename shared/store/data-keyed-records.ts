// What subject records and the items about them share beyond a sealed kind: each document is sealed with
// its subject's data key (one key page of the subject), bound by its address to its collection, id,
// subject and page, and opened the same way — one at a time or many, reporting what cannot be opened.
import type { z } from 'zod';
import type { EnvelopeCipher } from '../crypto';
import type { DataKeys } from './data-keys';
import { openRecords } from './open-records';
import type { RecordDoc } from './schemas';
import { SealedRecords, type SealedKindConfig } from './sealed-records';
import type { BulkOptions, Decrypted, RecordProblem } from './subject-repository';

export type DataKeyedCollection = 'records' | 'items';

/**
 * The associated data of a record binds it to its collection (`records`, or `items` for the records
 * about a subject), its id, its subject and the key page of its key.
 */
export const recordAddress = (
  id: string,
  subjectId: string,
  pageId: string,
  collection: DataKeyedCollection = 'records',
) => ({ collection, id, keyId: `${pageId}:${subjectId}` }) as const;

/** A stored document as the collection hands it out. */
interface Stored {
  toJSON(): unknown;
}

export abstract class DataKeyedRecords<
  S extends z.ZodType<Record<string, unknown>>,
> extends SealedRecords<S> {
  constructor(
    cipher: EnvelopeCipher,
    config: SealedKindConfig<S>,
    protected readonly keys: DataKeys,
    private readonly collection: DataKeyedCollection,
  ) {
    super(cipher, config);
  }

  /** Decrypts raw envelopes of this kind, e.g. those a change stream or a catch-up query delivered. */
  openMany(
    docs: readonly RecordDoc[],
    options: BulkOptions = {},
  ): Promise<{ records: Decrypted<z.output<S>>[]; problems: RecordProblem[] }> {
    return openRecords(docs, this.keys, (doc, key) => this.open(doc, key), options);
  }

  /** Decrypts stored documents, in batches, reporting the ones it could not open. */
  protected openStored(
    docs: readonly Stored[],
    options: BulkOptions,
  ): Promise<{ records: Decrypted<z.output<S>>[]; problems: RecordProblem[] }> {
    return this.openMany(
      docs.map((d) => d.toJSON() as RecordDoc),
      options,
    );
  }

  /** Opens one stored document with its subject's key. */
  protected async openOne(stored: Stored): Promise<Decrypted<z.output<S>>> {
    const doc = stored.toJSON() as RecordDoc;
    return this.open(doc, await this.keys.get(doc.subjectId, doc.keyId));
  }

  /** Seals validated data into a document of this collection, bound to its id, subject and key page. */
  protected seal(
    id: string,
    subjectId: string,
    pageId: string,
    key: Uint8Array,
    data: unknown,
    updatedAt: number,
  ): RecordDoc {
    const address = recordAddress(id, subjectId, pageId, this.collection);
    const { kind, v, payload } = this.sealFields(data, key, address);
    return { id, kind, subjectId, keyId: pageId, v, payload, updatedAt };
  }

  protected open(doc: RecordDoc, key: Uint8Array): Decrypted<z.output<S>> {
    const address = recordAddress(doc.id, doc.subjectId, doc.keyId, this.collection);
    const data = this.openFields(doc, key, address);
    return { id: doc.id, subjectId: doc.subjectId, updatedAt: doc.updatedAt, data };
  }
}
