// Records about an existing person or organisation: activities, tasks, deals, cases, consent events,
// subscriptions. Each is encrypted with its subject's data key, so erasing the subject (destroying the
// key) takes every one of them; they live in the `items` collection, indexed by subject and by kind.
// Append-only kinds (the consent ledger) refuse edits and deletions: only erasure of the subject removes them.
import type { z } from 'zod';
import type { EnvelopeCipher } from '../crypto';
import { newId } from '../crypto';
import type { KluisDatabase } from './database';
import type { ItemDoc } from './schemas';
import type { DataKeys } from './data-keys';
import { DataKeyedRecords } from './data-keyed-records';
import type { SealedKindConfig } from './sealed-records';
import type { BulkOptions, Decrypted, RecordProblem } from './subject-repository';

export interface ItemKindConfig<S extends z.ZodType> extends SealedKindConfig<S> {
  /** A ledger: entries are only ever added (GDPR proof); edits and deletions are refused. */
  readonly appendOnly?: boolean;
}

export class AppendOnlyError extends Error {
  override readonly name = 'AppendOnlyError';
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`A ${kind} entry is part of a ledger and cannot be changed or deleted (${id})`);
  }
}

export class SubjectNotFoundError extends Error {
  override readonly name = 'SubjectNotFoundError';
  constructor(readonly subjectId: string) {
    super(`No person or organisation with id ${subjectId}`);
  }
}

const ITEMS = 'items' as const;

export class ItemRepository<S extends z.ZodType<Record<string, unknown>>> extends DataKeyedRecords<S> {
  constructor(
    private readonly db: KluisDatabase,
    cipher: EnvelopeCipher,
    keys: DataKeys,
    protected override readonly config: ItemKindConfig<S>,
  ) {
    super(cipher, config, keys, ITEMS);
  }

  async create(subjectId: string, input: z.input<S>): Promise<Decrypted<z.output<S>>> {
    const [item] = await this.createMany([{ subjectId, input }]);
    return item!;
  }

  /**
   * Adds items to existing subjects in one write: every input is validated and every subject's key found
   * before anything is stored, so a bad entry stores nothing.
   */
  async createMany(
    entries: readonly { subjectId: string; input: z.input<S> }[],
    options: BulkOptions = {},
  ): Promise<Decrypted<z.output<S>>[]> {
    const validated = entries.map((e) => ({ subjectId: e.subjectId, data: this.validate(e.input) }));
    const pages = await this.subjectPages(validated.map((e) => e.subjectId));
    const chunkSize = options.chunkSize ?? 2000;
    const created: Decrypted<z.output<S>>[] = [];
    const written: string[] = [];
    try {
      for (let start = 0; start < validated.length; start += chunkSize) {
        options.signal?.throwIfAborted();
        const chunk = validated.slice(start, start + chunkSize);
        await this.keys.loadPages(chunk.map((e) => pages.get(e.subjectId)!));
        const now = Date.now();
        const docs = chunk.map(({ subjectId, data }) => {
          const id = newId();
          const pageId = pages.get(subjectId)!;
          created.push({ id, subjectId, updatedAt: now, data });
          return this.seal(id, subjectId, pageId, this.keys.keyFor(subjectId, pageId), data, now);
        });
        const result = await this.db.items.bulkInsert(docs);
        written.push(...result.success.map((d) => d.id));
        if (result.error.length) throw new Error(`Could not store ${docs.length} ${this.config.kind} items`);
        options.onProgress?.({
          done: Math.min(validated.length, start + chunkSize),
          total: validated.length,
        });
      }
    } catch (error) {
      if (written.length) await this.db.items.bulkRemove(written);
      throw error;
    }
    return created;
  }

  async get(id: string): Promise<Decrypted<z.output<S>>> {
    const doc = await this.findOwn(this.db.items, id);
    return this.openOne(doc);
  }

  async update(id: string, change: (current: z.output<S>) => z.input<S>): Promise<Decrypted<z.output<S>>> {
    if (this.config.appendOnly) throw new AppendOnlyError(this.config.kind, id);
    const doc = await this.findOwn(this.db.items, id);
    const key = await this.keys.get(doc.subjectId, doc.keyId);
    const current = this.open(doc.toJSON() as ItemDoc, key);
    const data = this.validate(change(current.data));
    const updatedAt = Math.max(Date.now(), current.updatedAt + 1);
    const next = this.seal(id, doc.subjectId, doc.keyId, key, data, updatedAt);
    await doc.incrementalPatch({ payload: next.payload, v: next.v, updatedAt });
    return { id, subjectId: doc.subjectId, updatedAt, data };
  }

  async remove(id: string): Promise<void> {
    if (this.config.appendOnly) throw new AppendOnlyError(this.config.kind, id);
    await (await this.findOwn(this.db.items, id)).remove();
  }

  /** This kind's items about one subject, newest first. */
  async listForSubject(
    subjectId: string,
  ): Promise<{ records: Decrypted<z.output<S>>[]; problems: RecordProblem[] }> {
    const docs = await this.db.items.find({ selector: { subjectId } }).exec();
    const mine = docs.filter((d) => d.kind === this.config.kind).map((d) => d.toJSON() as ItemDoc);
    const opened = await this.openMany(mine);
    opened.records.sort((a, b) => b.updatedAt - a.updatedAt);
    return opened;
  }

  /** Every item of this kind (indexed by kind), newest first. */
  async loadAll(
    options: BulkOptions = {},
  ): Promise<{ records: Decrypted<z.output<S>>[]; problems: RecordProblem[] }> {
    const docs = await this.db.items
      .find({ selector: { kind: this.config.kind }, sort: [{ kind: 'desc' }, { updatedAt: 'desc' }] })
      .exec();
    return this.openStored(docs, options);
  }

  /** The key page of each subject, read from the subject's own record (its id is the subject id). */
  private async subjectPages(subjectIds: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(subjectIds)];
    const found = await this.db.records.findByIds(unique).exec();
    const pages = new Map<string, string>();
    for (const subjectId of unique) {
      const doc = found.get(subjectId);
      if (!doc) throw new SubjectNotFoundError(subjectId);
      pages.set(subjectId, doc.keyId);
    }
    return pages;
  }
}
