// The only way the application reads and writes a kind of subject record: it validates, encrypts with
// the subject's data key, and decrypts and validates again on the way out. Records that cannot be opened
// (tampered, moved, key missing) are reported as problems, never crash a list.
import type { z } from 'zod';
import type { EnvelopeCipher } from '../crypto';
import { newId } from '../crypto';
import type { KluisDatabase } from './database';
import type { KeyDoc, RecordDoc } from './schemas';
import { markOwnKeyPage, type DataKeys } from './data-keys';
import { DataKeyedRecords } from './data-keyed-records';
import type { SealedKindConfig } from './sealed-records';

export interface Decrypted<P> {
  readonly id: string;
  readonly subjectId: string;
  readonly updatedAt: number;
  readonly data: P;
}

export type ProblemKind = 'tampered' | 'malformed' | 'missing-key' | 'invalid' | 'newer-version';

export interface RecordProblem {
  readonly id: string;
  readonly kind: string;
  readonly problem: ProblemKind;
}

export type SubjectKindConfig<S extends z.ZodType> = SealedKindConfig<S>;

export interface Progress {
  readonly done: number;
  readonly total: number;
}

export interface BulkOptions {
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
  readonly chunkSize?: number;
  /**
   * The caller already validated every row (the importer does, to report bad rows and go on): skip the
   * pass that makes sure a bad row stores nothing. Each chunk is still validated as it is written.
   */
  readonly rowsChecked?: boolean;
}

const RECORDS = 'records' as const;

/**
 * Rows per IndexedDB write and per key page when creating many subjects. (2,000 was tried for memory: the
 * renderer's resident peak for 100,000 people did not move beyond run-to-run noise, 1,064 vs 1,170 MB.)
 */
export const IMPORT_CHUNK = 5000;
/**
 * The most data keys one key page holds. An import chunk is split into pages of this size: one page per
 * 5,000-person chunk made each page about 750 kB, and re-wrapping or writing one such page in a key
 * rotation blocked the event loop for 80–110 ms (bench/rotation); pages of 1,000 keep that under the
 * frame budget while still saving most of a row per person.
 */
export const KEY_PAGE_SIZE = 1000;

export { recordAddress } from './data-keyed-records';

export class SubjectRepository<S extends z.ZodType<Record<string, unknown>>> extends DataKeyedRecords<S> {
  constructor(
    private readonly db: KluisDatabase,
    cipher: EnvelopeCipher,
    keys: DataKeys,
    config: SubjectKindConfig<S>,
  ) {
    super(cipher, config, keys, RECORDS);
  }

  async create(input: z.input<S>): Promise<Decrypted<z.output<S>>> {
    const [record] = await this.createMany([input]);
    return record!;
  }

  /**
   * Creates many subjects. Every row is validated before anything is written, so a bad row stores
   * nothing; encryption of the next chunk runs while IndexedDB writes the previous one.
   */
  async createMany(
    inputs: readonly z.input<S>[],
    options: BulkOptions = {},
  ): Promise<Decrypted<z.output<S>>[]> {
    const created: Decrypted<z.output<S>>[] = [];
    await this.writeMany(
      inputs,
      (input) => input,
      options,
      (record) => created.push(record),
    );
    return created;
  }

  /**
   * Creates many subjects from rows of any shape and answers only their ids, in row order: an import
   * of 100,000 people keeps neither a second copy of the rows nor the created records in memory.
   */
  async insertMany<R>(
    rows: readonly R[],
    toInput: (row: R) => z.input<S>,
    options: BulkOptions = {},
  ): Promise<string[]> {
    const ids: string[] = [];
    await this.writeMany(rows, toInput, options, (record) => ids.push(record.id));
    return ids;
  }

  /**
   * Validates every row first and keeps none of the results (memory), then per chunk validates again,
   * encrypts and writes — the next chunk's encryption overlapping the previous chunk's writes.
   */
  private async writeMany<R>(
    rows: readonly R[],
    toInput: (row: R) => z.input<S>,
    options: BulkOptions,
    onCreated: (record: Decrypted<z.output<S>>) => void,
  ): Promise<void> {
    const chunkSize = options.chunkSize ?? IMPORT_CHUNK;
    if (!options.rowsChecked) for (const row of rows) this.validate(toInput(row));
    const written: string[] = [];
    const pages: string[] = [];
    let pending: Promise<void> = Promise.resolve();
    try {
      for (let start = 0; start < rows.length; start += chunkSize) {
        options.signal?.throwIfAborted();
        const chunk = rows.slice(start, start + chunkSize).map((row) => this.validate(toInput(row)));
        const ids = chunk.map(() => newId());
        const chunkPages: KeyDoc[] = [];
        const keys = new Map<string, Uint8Array>();
        const pageOf = new Map<string, string>();
        for (let at = 0; at < ids.length; at += KEY_PAGE_SIZE) {
          const group = ids.slice(at, at + KEY_PAGE_SIZE);
          const created = this.keys.createPage(group);
          chunkPages.push(created.doc);
          pages.push(created.doc.id);
          for (const id of group) {
            keys.set(id, created.keys.get(id)!);
            pageOf.set(id, created.doc.id);
          }
        }
        const now = Date.now();
        const recordDocs = chunk.map((data, i) => {
          onCreated({ id: ids[i]!, subjectId: ids[i]!, updatedAt: now, data });
          return this.seal(ids[i]!, ids[i]!, pageOf.get(ids[i]!)!, keys.get(ids[i]!)!, data, now);
        });
        await pending;
        const done = Math.min(rows.length, start + chunkSize);
        pending = this.writeNew(chunkPages, recordDocs).then(() => {
          for (const doc of recordDocs) written.push(doc.id);
          options.onProgress?.({ done, total: rows.length });
        });
      }
      await pending;
    } catch (error) {
      await pending.catch(() => undefined);
      await this.rollback(written, pages);
      throw error;
    }
  }

  async get(id: string): Promise<Decrypted<z.output<S>>> {
    const doc = await this.findOwn(this.db.records, id);
    return this.openOne(doc);
  }

  async update(id: string, change: (current: z.output<S>) => z.input<S>): Promise<Decrypted<z.output<S>>> {
    const doc = await this.findOwn(this.db.records, id);
    const key = await this.keys.get(doc.subjectId, doc.keyId);
    const current = this.open(doc.toJSON() as RecordDoc, key);
    const data = this.validate(change(current.data));
    const next = this.seal(
      id,
      doc.subjectId,
      doc.keyId,
      key,
      data,
      Math.max(Date.now(), current.updatedAt + 1),
    );
    await doc.incrementalPatch({ payload: next.payload, v: next.v, updatedAt: next.updatedAt });
    return { id, subjectId: doc.subjectId, updatedAt: next.updatedAt, data };
  }

  /** Deletes the subject: every record and item about it is tombstoned and its data key destroyed. */
  async remove(id: string): Promise<void> {
    const doc = await this.findOwn(this.db.records, id);
    const all = await this.db.records.find({ selector: { subjectId: doc.subjectId } }).exec();
    const items = await this.db.items.find({ selector: { subjectId: doc.subjectId } }).exec();
    // Items first: a record's key must outlive everything it opens.
    if (items.length) await this.db.items.bulkRemove(items.map((d) => d.id));
    await this.db.records.bulkRemove(all.map((d) => d.id));
    await this.keys.destroy(doc.subjectId, doc.keyId);
  }

  /** Counts by reading the envelopes (kind has no index, see schemas.ts); lists count via the Directory. */
  async count(): Promise<number> {
    return (await this.db.records.find({ selector: { kind: this.config.kind } }).exec()).length;
  }

  /** Decrypts every record of this kind, in batches, reporting progress and the records it could not open. */
  async loadAll(
    options: BulkOptions = {},
  ): Promise<{ records: Decrypted<z.output<S>>[]; problems: RecordProblem[] }> {
    const docs = await this.db.records.find({ selector: { kind: this.config.kind } }).exec();
    return this.openStored(docs, options);
  }

  private async writeNew(pages: readonly KeyDoc[], recordDocs: RecordDoc[]): Promise<void> {
    // Keys first: a record must never exist without the key that opens it.
    for (const page of pages) await markOwnKeyPage(this.db, page.id);
    const stored = await this.db.keys.bulkInsert([...pages]);
    const result = stored.error.length ? stored : await this.db.records.bulkInsert(recordDocs);
    if (result.error.length) {
      await this.rollback(
        recordDocs.map((d) => d.id),
        pages.map((p) => p.id),
      );
      throw new Error(`Could not store ${recordDocs.length} ${this.config.kind} records; none were kept`);
    }
  }

  /** A failed or cancelled batch leaves nothing behind: its records go, and its keys are destroyed. */
  private async rollback(recordIds: readonly string[], pageIds: readonly string[]): Promise<void> {
    if (recordIds.length) await this.db.records.bulkRemove([...recordIds]);
    await this.keys.discardPages(pageIds);
  }
}
