// Per-subject data keys: one random key per person or organisation, wrapped by the page key of the current
// key epoch (vault/page-keys.ts; before an organisation's first rotation, by the organisation key).
// Every record about the subject is encrypted with it, so destroying it (crypto-shredding) makes every
// copy of those records unreadable, on offline laptops and in old backups alike.
//
// Keys are stored in pages: the keys of the subjects created together (one for a form, up to a chunk of
// an import) share one document of the `keys` collection, each still sealed on its own and bound to its
// subject id. Why: a document per key doubled the IndexedDB rows of an import (bench: 16 s of 45 s for
// 100,000 people went to key rows alone). Destroying a key rewrites its page without it; an emptied page
// is blanked before it is tombstoned, because RxDB keeps a deleted document's fields in its tombstone.
import type { RxDocument } from 'rxdb';
import { randomBytes, wipe } from '../crypto';
import type { EnvelopeCipher } from '../crypto';
import type { KeyDoc } from './schemas';
import type { KluisDatabase } from './database';
import { newId } from '../crypto';
import { ringKey, type PageKey, type PageKeyRing } from './page-key-ring';

export class MissingKeyError extends Error {
  override readonly name = 'MissingKeyError';
  constructor(readonly subjectId: string) {
    super(`No data key for subject ${subjectId}: it was erased or has not synced yet`);
  }
}

/** subject id -> sealed data key */
type PageEntries = Record<string, string>;

const EMPTY_PAGE = '{}';

/** The key id of a territory's key (shared/territories/tags.ts), which the store sits below. */
const TERRITORY_KEY_ID = /^t[0-9a-f]{16}:/;

/** Never-synced marks of the key pages this device created (the `vault` collection). */
const OWN_PAGE_PREFIX = 'own-key-page:';

/**
 * Marks a key page as written by this device: the sync server lets a non-admin device change only the
 * key pages it wrote first (deleting a person it added, rolling back its own import), so the client
 * needs to know which those are (sync/delete-rule.ts). Written before the page itself.
 */
export const markOwnKeyPage = async (db: KluisDatabase, pageId: string): Promise<void> => {
  await db.vault.upsert({ id: `${OWN_PAGE_PREFIX}${pageId}`, payload: '', updatedAt: Date.now() });
};

export const isOwnKeyPage = async (db: KluisDatabase, pageId: string): Promise<boolean> =>
  (await db.vault.findOne(`${OWN_PAGE_PREFIX}${pageId}`).exec()) !== null;

/** A key page's entries (subject id → wrapped data key); none when its payload is not such an object. */
export const keyPageEntries = (payload: string): PageEntries => {
  try {
    const value: unknown = JSON.parse(payload);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as PageEntries) : {};
  } catch {
    return {};
  }
};

const parsePage = (doc: KeyDoc): PageEntries => keyPageEntries(doc.payload);

export class DataKeys {
  private readonly cache = new Map<string, Uint8Array>();
  private readonly pages = new Map<string, { keyId: string; entries: PageEntries }>();

  constructor(
    private readonly db: KluisDatabase,
    private readonly cipher: EnvelopeCipher,
    /** The page keys this device holds now; the ring changes when a rotation is adopted. */
    private readonly ring: () => PageKeyRing,
    /** The keys of the territories this device holds, by key id (shared/territories): they wrap their pages. */
    private readonly territoryKeys: () => ReadonlyMap<string, Uint8Array> = () => new Map(),
  ) {}

  /**
   * A page of one territory holding subjects' existing data keys (a subject moving into the territory):
   * `target` names the page id (`t<tag>-...`) and the territory key that wraps it. The caller writes it.
   */
  territoryPage(keys: ReadonlyMap<string, Uint8Array>, target: { pageId: string; keyId: string }): KeyDoc {
    const wrapKey = this.territoryKeys().get(target.keyId);
    if (!wrapKey) throw new Error('This device does not hold that territory key');
    const entries: PageEntries = {};
    for (const [subjectId, key] of keys) {
      entries[subjectId] = this.cipher.sealBytes(key, wrapKey, this.address(subjectId, target.keyId));
      this.cache.set(subjectId, key.slice());
    }
    const doc: KeyDoc = { id: target.pageId, keyId: target.keyId, payload: JSON.stringify(entries) };
    this.pages.set(doc.id, { keyId: doc.keyId, entries });
    return doc;
  }

  /**
   * Where new subjects' keys go: by default a page under the current page key (organisation-wide); on a
   * device of one territory, a page of that territory under its key (shared/territories), so a customer a
   * sales user adds is their territory's from the start.
   */
  placeNewPages(home: { newPageId: () => string; keyId: string } | null): void {
    this.home = home;
  }

  private home: { newPageId: () => string; keyId: string } | null = null;

  /** New keys for new subjects, in one page document that the caller writes. */
  createPage(subjectIds: readonly string[]): { keys: Map<string, Uint8Array>; doc: KeyDoc } {
    const keys = new Map<string, Uint8Array>();
    const entries: PageEntries = {};
    const material = randomBytes(32 * subjectIds.length);
    const homeKey = this.home && this.territoryKeys().get(this.home.keyId);
    const current = this.home && homeKey ? { id: this.home.keyId, key: homeKey } : this.ring().current;
    subjectIds.forEach((subjectId, i) => {
      const key = material.slice(i * 32, (i + 1) * 32);
      keys.set(subjectId, key);
      this.cache.set(subjectId, key);
      entries[subjectId] = this.cipher.sealBytes(key, current.key, this.address(subjectId, current.id));
    });
    wipe(material);
    const id = this.home && homeKey ? this.home.newPageId() : newId();
    const doc: KeyDoc = { id, keyId: current.id, payload: JSON.stringify(entries) };
    this.pages.set(doc.id, { keyId: doc.keyId, entries });
    return { keys, doc };
  }

  /** Reads the pages not yet in memory, with one query. */
  async loadPages(pageIds: Iterable<string>): Promise<void> {
    const missing = [...new Set(pageIds)].filter((id) => !this.pages.has(id));
    if (!missing.length) return;
    const found = await this.db.keys.findByIds(missing).exec();
    for (const [id, doc] of found) {
      const json = doc.toJSON() as KeyDoc;
      this.pages.set(id, { keyId: json.keyId, entries: parsePage(json) });
    }
  }

  /**
   * The subject's key from memory or from a loaded page. Throws MissingKeyError when it is not there,
   * EnvelopeError when its page entry was tampered with.
   */
  keyFor(subjectId: string, pageId: string): Uint8Array {
    const cached = this.cache.get(subjectId);
    if (cached) return cached;
    const page = this.pages.get(pageId);
    const sealed = page?.entries[subjectId];
    const pageKey = page && (ringKey(this.ring(), page.keyId) ?? this.territoryKeys().get(page.keyId));
    // A page under an epoch this device does not hold (yet): its rotation grant has not been adopted.
    if (!page || !sealed || !pageKey) throw new MissingKeyError(subjectId);
    const key = this.cipher.openBytes(sealed, pageKey, this.address(subjectId, page.keyId));
    this.cache.set(subjectId, key);
    return key;
  }

  async get(subjectId: string, pageId: string): Promise<Uint8Array> {
    if (!this.cache.has(subjectId)) await this.loadPages([pageId]);
    return this.keyFor(subjectId, pageId);
  }

  /** Crypto-shredding: the key leaves memory and its page; an emptied page is blanked and deleted. */
  async destroy(subjectId: string, pageId: string): Promise<void> {
    this.forget(subjectId);
    const doc = await this.db.keys.findOne(pageId).exec();
    if (!doc) return;
    const updated = await doc.incrementalModify((data) => {
      const entries = parsePage(data);
      delete entries[subjectId];
      return { ...data, payload: JSON.stringify(entries) };
    });
    const entries = parsePage(updated.toJSON() as KeyDoc);
    this.pages.set(pageId, { keyId: updated.keyId, entries });
    if (!Object.keys(entries).length) await updated.remove();
  }

  /** Removes whole pages, e.g. those of a batch that was rolled back. */
  async discardPages(pageIds: readonly string[]): Promise<void> {
    const found = await this.db.keys.findByIds([...pageIds]).exec();
    for (const id of pageIds) {
      for (const subjectId of Object.keys(this.pages.get(id)?.entries ?? {})) this.forget(subjectId);
      this.pages.delete(id);
    }
    if (!found.size) return;
    await this.db.keys.bulkUpsert(
      [...found.values()].map((d) => ({ ...(d.toJSON() as KeyDoc), payload: EMPTY_PAGE })),
    );
    await this.db.keys.bulkRemove([...found.keys()]);
  }

  /**
   * Follows a key page written elsewhere (sync, another tab): keys whose entries left the page were
   * erased, so they leave memory too; the page's new entries are read when needed.
   */
  pageChanged(doc: KeyDoc, deleted: boolean): void {
    const known = this.pages.get(doc.id);
    // A page never loaded here holds no key in memory: nothing to follow (and nothing to parse, which
    // for a rotation's hundred re-wrapped pages cost ~90 ms in one turn, bench/rotation).
    if (!known) return;
    const entries = deleted ? {} : parsePage(doc);
    for (const subjectId of Object.keys(known?.entries ?? {})) {
      if (!(subjectId in entries)) this.forget(subjectId);
    }
    if (deleted) this.pages.delete(doc.id);
    else this.pages.set(doc.id, { keyId: doc.keyId, entries });
  }

  /**
   * Re-wraps key pages that are under an older epoch this device still holds, moving them to the current
   * page key. The data keys of a page are re-wrapped in slices of about `sliceMs` with a `pause` between
   * them (an import's page holds thousands, and one page at a time blocked the screen for a second), then
   * written in one step from the page's latest stored state: an entry that changed meanwhile (an erasure
   * racing with it) is taken as it is now. Progress counts data keys. `mayRewrite` limits which pages this
   * device may change (an admin: all; others: the pages they wrote). Pages under a key this device does
   * not hold are left for a device that does.
   */
  async rewrapPages(options: {
    mayRewrite: (pageId: string) => Promise<boolean>;
    onProgress?: (progress: { done: number; total: number }) => void;
    /** Called between slices of work; resolve to go on (e.g. a macrotask, so the page can paint). */
    pause?: () => Promise<void>;
    /** Milliseconds of work between pauses. */
    sliceMs?: number;
  }): Promise<{ rewrapped: number; left: number }> {
    const sliceMs = options.sliceMs ?? 8;
    let sliceStart = performance.now();
    const breathe = async () => {
      if (performance.now() - sliceStart < sliceMs) return;
      await options.pause?.();
      sliceStart = performance.now();
    };
    const stale: { doc: RxDocument<KeyDoc>; data: KeyDoc; entries: PageEntries }[] = [];
    let total = 0;
    for (const doc of await this.db.keys.find().exec()) {
      if (doc.keyId === this.ring().current.id || !ringKey(this.ring(), doc.keyId)) continue;
      if (!(await options.mayRewrite(doc.id))) continue;
      const data = doc.toJSON() as KeyDoc;
      const entries = parsePage(data);
      stale.push({ doc, data, entries });
      total += Object.keys(entries).length;
      await breathe();
    }
    let done = 0;
    let rewrapped = 0;
    options.onProgress?.({ done, total });
    const rewrap = (sealed: string, subjectId: string, fromKey: Uint8Array, fromId: string, to: PageKey) => {
      const key = this.cipher.openBytes(sealed, fromKey, this.address(subjectId, fromId));
      try {
        return this.cipher.sealBytes(key, to.key, this.address(subjectId, to.id));
      } finally {
        wipe(key);
      }
    };
    for (const { doc, data, entries } of stale) {
      const to = this.ring().current;
      const fromKey = ringKey(this.ring(), data.keyId);
      if (!fromKey) continue;
      const next: PageEntries = {};
      for (const [subjectId, sealed] of Object.entries(entries)) {
        next[subjectId] = rewrap(sealed, subjectId, fromKey, data.keyId, to);
        done++;
        if (performance.now() - sliceStart >= sliceMs) {
          options.onProgress?.({ done, total });
          await breathe();
        }
      }
      const updated = await doc.incrementalModify((latest) => {
        if (latest.keyId === to.id) return latest;
        const latestKey = ringKey(this.ring(), latest.keyId);
        if (!latestKey) return latest;
        const now = parsePage(latest);
        const result: PageEntries = {};
        for (const [subjectId, sealed] of Object.entries(now)) {
          // Unchanged since it was read: the slice's work stands; otherwise re-wrap what is there now.
          const prepared =
            latest.keyId === data.keyId && entries[subjectId] === sealed ? next[subjectId] : undefined;
          result[subjectId] = prepared ?? rewrap(sealed, subjectId, latestKey, latest.keyId, to);
        }
        return { ...latest, keyId: to.id, payload: JSON.stringify(result) };
      });
      if (updated.keyId === to.id) {
        rewrapped++;
        this.pages.set(doc.id, { keyId: to.id, entries: parsePage(updated.toJSON() as KeyDoc) });
      }
      options.onProgress?.({ done, total });
      await breathe();
    }
    // A territory's pages are under its own key and never re-wrapped by the organisation's rotation.
    const left = (await this.db.keys.find().exec()).filter(
      (d) => d.keyId !== this.ring().current.id && !TERRITORY_KEY_ID.test(d.keyId),
    ).length;
    return { rewrapped, left };
  }

  /** Drops a key from memory only. */
  forget(subjectId: string): void {
    wipe(this.cache.get(subjectId));
    this.cache.delete(subjectId);
  }

  clear(): void {
    for (const key of this.cache.values()) wipe(key);
    this.cache.clear();
    this.pages.clear();
  }

  private address(subjectId: string, keyId: string) {
    return { collection: 'keys', id: subjectId, keyId } as const;
  }
}
