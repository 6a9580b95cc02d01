// Search-as-you-type over decrypted rows, in memory only. Every word of the query must be the start of a
// word in the row (name, email parts, organisation, tags); a query of digits matches phone numbers
// however they were written. An inverted index over a sorted term list: a keystroke costs a binary search
// plus a walk over the matching postings, so 100,000 people answer well within a frame.
//
// Why not MiniSearch: measured here at 100,000 people (test/unit, this machine) it took 380–750 ms for
// two-word queries such as "annelies v" or "de v", because it scores every candidate of every prefix.

export interface SearchFields<Row> {
  /** Text fields whose words are matched by prefix. */
  readonly text: ReadonlyArray<(row: Row) => string>;
  /** A phone number, matched by its digits. */
  readonly phone?: (row: Row) => string;
}

const PHONE = '#'; // phone terms live in their own namespace of the term list

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** Words, and the parts of emails and web addresses, are separate terms. */
export const words = (text: string): string[] =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const digits = (value: string): string => value.replace(/\D+/g, '');

/** +31 6 12… and 06 12… are the same Dutch number: index both spellings, and the number without prefix. */
const phoneTerms = (value: string): string[] => {
  const d = digits(value);
  if (d.length < 3) return [];
  const variants = new Set([d]);
  if (d.startsWith('31')) variants.add(`0${d.slice(2)}`).add(d.slice(2));
  if (d.startsWith('0031')) variants.add(`0${d.slice(4)}`).add(d.slice(4));
  if (d.startsWith('0')) variants.add(d.slice(1));
  return [...variants].map((v) => PHONE + v);
};

/**
 * What a phone query is looked up as. A Dutch number typed internationally ("+31 6 7204…", "0031 6…") is
 * looked up in its national form ("06 7204…"), which every stored spelling of a Dutch number is indexed
 * under; any other query by its digits.
 */
const phoneQuery = (query: string): string => {
  const d = digits(query);
  if (query.trim().startsWith('+31')) return `0${d.slice(2)}`;
  if (d.startsWith('0031')) return `0${d.slice(4)}`;
  return d;
};

export const isPhoneQuery = (query: string): boolean =>
  /^[+\d\s()./-]+$/.test(query.trim()) && digits(query).length >= 3;

export class SearchIndex<Row extends { readonly id: string }> {
  private readonly postings = new Map<string, number[]>();
  private sortedTerms: string[] = [];
  /** Postings aligned with sortedTerms, so a prefix walk does no map lookups. */
  private sortedPostings: number[][] = [];
  /** Set when the term list must be sorted from scratch (first build, compaction). */
  private termsDirty = false;
  /** Terms added since the last sort: a few are inserted in place rather than re-sorting everything. */
  private newTerms: string[] = [];
  private readonly slotOf = new Map<string, number>();
  private ids: string[] = [];
  private termsOf: (string[] | null)[] = [];
  private dead = 0;
  /** Changes whenever slots change, so a cached list-to-slot mapping knows it is stale. */
  private epoch = 0;
  private orderCache: { rows: readonly Row[]; epoch: number; slots: Int32Array } | undefined;

  constructor(private readonly fields: SearchFields<Row>) {}

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  upsert(row: Row): void {
    this.remove(row.id);
    const slot = this.ids.length;
    const terms = new Set<string>();
    for (const get of this.fields.text) for (const word of words(get(row))) terms.add(word);
    if (this.fields.phone) for (const term of phoneTerms(this.fields.phone(row))) terms.add(term);
    this.ids.push(row.id);
    this.termsOf.push([...terms]);
    this.slotOf.set(row.id, slot);
    this.epoch++;
    for (const term of terms) {
      const list = this.postings.get(term);
      if (list) list.push(slot);
      else {
        this.postings.set(term, [slot]);
        this.newTerms.push(term);
      }
    }
  }

  addAll(rows: Iterable<Row>): void {
    for (const row of rows) this.upsert(row);
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.termsOf[slot] = null;
    this.dead++;
    this.epoch++;
    if (this.dead > 1000 && this.dead > this.ids.length / 4) this.compact();
  }

  /**
   * The rows of `rows` (in their order) that match every word of the query; `rows` itself for an
   * empty query. Every row must be in the index.
   */
  filter(query: string, rows: readonly Row[]): readonly Row[] {
    const flags = this.match(query);
    if (!flags) return rows;
    const slots = this.slotsOf(rows);
    const out: Row[] = [];
    for (let i = 0; i < rows.length; i++) if (flags[slots[i]!]) out.push(rows[i]!);
    return out;
  }

  /** Per slot, 1 where the row matches every word of the query; `null` for an empty query. */
  private match(query: string): Uint8Array | null {
    const tokens = isPhoneQuery(query) ? [PHONE + phoneQuery(query)] : words(query);
    if (!tokens.length) return null;
    this.ensureSorted();
    // The longest word is usually the most selective: walk its postings, then check the other words
    // against each candidate's own terms.
    const [driver, ...rest] = [...new Set(tokens)].sort((a, b) => b.length - a.length) as [
      string,
      ...string[],
    ];
    const flags = new Uint8Array(this.ids.length);
    for (let i = lowerBound(this.sortedTerms, driver); i < this.sortedTerms.length; i++) {
      const term = this.sortedTerms[i]!;
      if (!term.startsWith(driver)) break;
      for (const slot of this.sortedPostings[i]!) {
        if (flags[slot]) continue;
        const terms = this.termsOf[slot];
        if (terms && rest.every((token) => terms.some((t) => t.startsWith(token)))) flags[slot] = 1;
      }
    }
    return flags;
  }

  private slotsOf(rows: readonly Row[]): Int32Array {
    const cache = this.orderCache;
    if (cache && cache.rows === rows && cache.epoch === this.epoch) return cache.slots;
    const slots = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) slots[i] = this.slotOf.get(rows[i]!.id) ?? 0;
    this.orderCache = { rows, epoch: this.epoch, slots };
    return slots;
  }

  /** Sorts the term list now, e.g. right after a build, so the first keystroke does not pay for it. */
  prepare(): void {
    this.ensureSorted();
  }

  private ensureSorted(): void {
    if (this.termsDirty || this.newTerms.length > 2000) {
      this.sortedTerms = [...this.postings.keys()].sort();
      this.sortedPostings = this.sortedTerms.map((term) => this.postings.get(term)!);
      this.termsDirty = false;
    } else {
      // After an edit: place its few new terms by binary search instead of sorting 100,000s again.
      for (const term of this.newTerms) {
        const list = this.postings.get(term);
        if (!list) continue;
        const at = lowerBound(this.sortedTerms, term);
        this.sortedTerms.splice(at, 0, term);
        this.sortedPostings.splice(at, 0, list);
      }
    }
    this.newTerms = [];
  }

  /** Drops removed rows from the postings once they are a quarter of the index. */
  private compact(): void {
    const remap = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const termsOf: string[][] = [];
    for (let slot = 0; slot < this.ids.length; slot++) {
      const terms = this.termsOf[slot];
      if (!terms) continue;
      remap[slot] = ids.length;
      this.slotOf.set(this.ids[slot]!, ids.length);
      ids.push(this.ids[slot]!);
      termsOf.push(terms);
    }
    for (const [term, list] of this.postings) {
      const kept = list.filter((slot) => remap[slot]! >= 0).map((slot) => remap[slot]!);
      if (kept.length) this.postings.set(term, kept);
      else this.postings.delete(term);
    }
    this.ids = ids;
    this.termsOf = termsOf;
    this.dead = 0;
    this.epoch++;
    this.termsDirty = true; // the posting arrays were replaced
  }
}

/** Used for the moment between showing the list and finishing the index: a plain substring scan. */
export const scanRows = <Row>(
  rows: readonly Row[],
  query: string,
  text: (row: Row) => string,
): readonly Row[] => {
  const needle = query.trim().toLowerCase();
  if (!needle) return rows;
  return rows.filter((row) => text(row).toLowerCase().includes(needle));
};

const lowerBound = (sorted: readonly string[], value: string): number => {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
