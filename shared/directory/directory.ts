// The in-memory directory of people and organisations behind the lists and search, built after unlock from
// an encrypted snapshot (its first page is the first screen) plus the changes since, or by decrypting
// everything; it then follows the store, reading every change back from RxDB by checkpoint. Without a
// snapshot, load() resolves once the first page of records is in, and the rest follows page by page in the
// background, sorted at every step (loadProgress() counts). Only the snapshot goes to disk, sealed with the
// organisation key: after a full load (so the next unlock starts from it) and again after changes.
import { ORGANISATION_KIND } from '../organisations';
import { PERSON_KIND } from '../people';
import { eachChange, type Progress, type RecordDoc, type RecordProblem } from '../store';
import type { Session } from '../vault';
import {
  compareOrganisations,
  comparePeople,
  mergedRows,
  ORGANISATION_SEARCH_FIELDS,
  personSearchFields,
  toOrganisationRow,
  toPersonRow,
  withRow,
} from './rows';
import type { OrganisationRow, PersonRow } from './rows';
import { scanRows, SearchIndex } from './search-index';
import * as loading from './loading';
import { openSnapshot, writeSnapshot, type Checkpoint } from './snapshot';

/** At most this many changes are placed into the sorted lists one by one; more are a batch. */
const FEW = 64;
/** Records decrypted before load() resolves: enough for the first screen, about 50 ms of work. */
export const FIRST_PAGE = 500;

export interface DirectoryOptions {
  readonly onProgress?: (progress: Progress) => void;
  /** How long after the last change the snapshot is rewritten. */
  readonly snapshotDelayMs?: number;
  /** The same after a batch arrived (a first sync's page, an import's): the snapshot waits for the last. */
  readonly batchSnapshotDelayMs?: number;
}

export class Directory {
  private readonly peopleById = new Map<string, PersonRow>();
  private readonly orgsById = new Map<string, OrganisationRow>();
  private sortedPeople: PersonRow[] | null = [];
  private sortedOrgs: OrganisationRow[] | null = [];
  private readonly problemsById = new Map<string, RecordProblem>();
  private readonly awaiting = new loading.AwaitingKeys(() => void this.scheduleCatchUp());
  private readonly listeners = new Set<() => void>();
  private readonly peopleIndex = new SearchIndex(personSearchFields((id) => this.organisationName(id)));
  private readonly orgIndex = new SearchIndex(ORGANISATION_SEARCH_FIELDS);
  private checkpoint: Checkpoint | undefined;
  private catchingUp: Promise<void> = Promise.resolve();
  /** The catch-up queued behind the running one, not yet started: every later change joins it. */
  private queued: Promise<void> | null = null;
  private stopFollowing: (() => void) | undefined;
  private snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  private persisting: Promise<void> = Promise.resolve();
  private dirty = false;
  private incremental = false;
  private closing = false;
  private closed = false;
  private progress: Progress | null = null;
  /** Rows the load expects, and the rows the screens were last told of. */
  private expected = 0;
  private shownRows = 0;
  private indexed = false;
  private versionNumber = 0;

  private constructor(
    private readonly session: Session,
    private readonly options: DirectoryOptions,
  ) {}

  static async load(session: Session, options: DirectoryOptions = {}): Promise<Directory> {
    const directory = new Directory(session, options);
    await directory.start();
    return directory;
  }

  get version(): number {
    return this.versionNumber;
  }

  /** While records are still being read after unlock: how many are in, of how many; null once all are. */
  loadProgress(): Progress | null {
    return this.progress;
  }

  /** True once the search index covers every row; until then search scans the rows. */
  get isIndexed(): boolean {
    return this.indexed;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  people(): readonly PersonRow[] {
    return (this.sortedPeople ??= [...this.peopleById.values()].sort(comparePeople));
  }

  organisations(): readonly OrganisationRow[] {
    return (this.sortedOrgs ??= [...this.orgsById.values()].sort(compareOrganisations));
  }

  person(id: string): PersonRow | undefined {
    return this.peopleById.get(id);
  }

  organisation(id: string): OrganisationRow | undefined {
    return this.orgsById.get(id);
  }

  organisationName(id: string | null): string {
    return (id && this.orgsById.get(id)?.name) || '';
  }

  peopleOf(organisationId: string): PersonRow[] {
    return this.people().filter((p) => p.organisationId === organisationId);
  }

  /** Matching people in list order; all people for an empty query. */
  searchPeople(query: string): readonly PersonRow[] {
    if (!this.indexed) return scanRows(this.people(), query, (r) => `${r.displayName} ${r.email} ${r.phone}`);
    return this.peopleIndex.filter(query, this.people());
  }

  searchOrganisations(query: string): readonly OrganisationRow[] {
    if (!this.indexed)
      return scanRows(this.organisations(), query, (r) => `${r.name} ${r.email} ${r.website}`);
    return this.orgIndex.filter(query, this.organisations());
  }

  problems(): readonly RecordProblem[] {
    return [...this.problemsById.values()];
  }

  /** Waits until every change so far is shown; `ended`: a first sync is in, and its snapshot is due. */
  async settle(ended = false): Promise<void> {
    await this.scheduleCatchUp();
    if (ended && this.dirty && !this.closing) this.snapshotAfter(this.options.snapshotDelayMs ?? 3000);
  }

  // Stops following the store and writes the snapshot; call before the session locks. A load under way
  // stops at its next page, and the snapshot holds what it read, with the checkpoint it reached.
  async close(): Promise<void> {
    if (this.closed) return;
    this.closing = true;
    this.stopFollowing?.();
    await this.catchingUp.catch(() => undefined);
    clearTimeout(this.snapshotTimer);
    // A write already under way (after indexing, or the timer's) ends before the session may lock.
    await this.persisting.catch(() => undefined);
    if (this.dirty) await this.persist();
    this.closed = true;
    this.listeners.clear();
  }

  private async start(): Promise<void> {
    // Follow first, so a change made while we load is caught by the next catch-up (by bulks: eachChange).
    const records = eachChange(this.session.db.records, () => void this.scheduleCatchUp());
    const keys = eachChange(this.session.db.keys, (e) => this.awaiting.arrived(e.documentId));
    this.stopFollowing = () => [records, keys].forEach((s) => s.unsubscribe());
    const snapshot = await openSnapshot(this.session).catch(() => null);
    const first = snapshot && (await snapshot.page(0).catch(() => null));
    if (snapshot && first) {
      for (const row of snapshot.organisations) this.orgsById.set(row.id, row);
      this.sortedOrgs = snapshot.organisations;
      this.sortedPeople = [];
      this.expected = snapshot.people + snapshot.organisations.length;
      this.append(first);
      this.checkpoint = snapshot.checkpoint;
    }
    let shown!: () => void;
    const firstPage = new Promise<void>((resolve) => (shown = resolve));
    // The whole load is the first catch-up: later catch-ups queue behind it. From a snapshot, its first
    // page is the first screen; its other pages, then the changes since it, are read in the background.
    const rest = snapshot && first && loading.readRestOfSnapshot(snapshot, (r) => this.append(r));
    this.catchingUp = Promise.resolve(rest).then((ok) => this.load(!ok && this.forget(), shown));
    if (rest) shown();
    await Promise.race([firstPage, this.catchingUp]);
  }

  /** People from the snapshot, in list order after those already in; false once the directory closes. */
  private append(rows: PersonRow[]): boolean {
    if (this.closing) return false;
    for (const row of rows) this.peopleById.set(row.id, row);
    this.sortedPeople = [...(this.sortedPeople ?? []), ...rows];
    this.tellProgress();
    return true;
  }

  /** n of N for the lists. Screens redo their work when told, so they are told as the rows grow by 25%. */
  private tellProgress(): void {
    this.progress = { done: this.rows(), total: Math.max(this.expected, this.rows()) };
    this.options.onProgress?.(this.progress);
    if (this.rows() < this.shownRows * 1.25) return;
    this.shownRows = this.rows();
    this.changed(false);
  }

  /** Drops what an unusable (or no) snapshot gave, so every record is read instead: true. */
  private forget(): true {
    for (const byId of [this.peopleById, this.orgsById]) byId.clear();
    this.sortedPeople = [];
    this.sortedOrgs = [];
    this.checkpoint = undefined;
    this.expected = 0;
    this.dirty = true;
    return true;
  }

  /** Every record since the checkpoint: a first page, `shown()`, the rest page by page; then the index. */
  private async load(full: boolean, shown: () => void): Promise<void> {
    let read = 0;
    for (let size = FIRST_PAGE; !this.closing; size = loading.LOAD_PAGE) {
      const count = await this.readPage(size);
      read += count;
      if (count < size) break;
      // More to read: counted once, so the lists can say how many of how many are in.
      this.expected ||= await this.session.db.records.count().exec();
      this.dirty = true;
      this.tellProgress();
      shown();
      await loading.yieldToUi();
    }
    this.progress = null;
    this.changed(read > 0);
    shown();
    if (this.closing) return;
    // Index in the background: the list shows already; search scans the rows until this is done. Then a
    // full load is written at once, so the next unlock starts from the snapshot.
    const writeNow = full || read >= loading.LOAD_PAGE;
    if (writeNow) clearTimeout(this.snapshotTimer);
    void this.buildIndexes().then(() =>
      writeNow && this.dirty && !this.closing ? this.persist() : undefined,
    );
  }

  /** Rows in the directory, and records it could not open: what loadProgress counts as read. */
  private rows(): number {
    return this.peopleById.size + this.orgsById.size + this.problemsById.size;
  }

  /** Indexes in slices, yielding between them so typing and scrolling stay smooth meanwhile. */
  private async buildIndexes(): Promise<void> {
    const { peopleById, orgsById, peopleIndex, orgIndex } = this;
    if (!(await loading.indexInSlices(peopleById, orgsById, peopleIndex, orgIndex, () => this.closing)))
      return;
    this.indexed = true;
    this.changed(false);
  }

  /** Queues a catch-up behind the running one: it serves every change announced before it starts. */
  private scheduleCatchUp(): Promise<void> {
    if (this.queued) return this.queued;
    const next = this.catchingUp
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.closing ? undefined : this.catchUp();
      });
    this.queued = next;
    this.catchingUp = next;
    return next;
  }

  /** Reads every change since the checkpoint and applies it. */
  private async catchUp(): Promise<void> {
    let done = 0;
    for (;;) {
      const count = await this.readPage(loading.CATCH_UP_PAGE);
      done += count;
      if (count < loading.CATCH_UP_PAGE) break;
      await loading.yieldToUi();
    }
    const due = await this.awaiting.takeDue(this.session);
    if (due.length) await this.apply(due);
    done += due.length;
    // A batch is one of a stream (a first sync's pages, seconds apart under load): a snapshot after each
    // sealed every row again, and RxDB's change events kept each one (1.6 GB of heap at 100,000 people).
    if (done) this.changed(true, done > FEW);
  }

  /** Reads and applies one page of changes since the checkpoint; how many it read. */
  private async readPage(size: number): Promise<number> {
    const { documents, checkpoint } = await loading.changesSince(this.session, size, this.checkpoint);
    if (!documents.length) return 0;
    await this.apply(documents);
    this.checkpoint = checkpoint;
    return documents.length;
  }

  private async apply(docs: loading.StoredRecord[]): Promise<void> {
    // A few changes are placed into the sorted lists one by one; a larger batch is sorted and merged in:
    // the rows it replaces or removes leave the sorted lists, the others are only added.
    this.incremental = docs.length <= FEW;
    const replaced = new Set(
      docs.map((doc) => doc.id).filter((id) => this.peopleById.has(id) || this.orgsById.has(id)),
    );
    const live: Record<string, RecordDoc[]> = { [PERSON_KIND]: [], [ORGANISATION_KIND]: [] };
    for (const doc of docs) {
      this.problemsById.delete(doc.id);
      if (doc._deleted) this.removeRow(doc.id);
      else live[doc.kind]?.push(doc);
    }
    const people = await this.session.people.openMany(live[PERSON_KIND]!, loading.SLICES);
    const orgs = await this.session.organisations.openMany(live[ORGANISATION_KIND]!, loading.SLICES);
    const problems = [...people.problems, ...orgs.problems];
    this.awaiting.note(docs, problems);
    for (const problem of problems) {
      this.removeRow(problem.id);
      this.problemsById.set(problem.id, problem);
    }
    for (const record of orgs.records) this.putOrganisation(toOrganisationRow(record));
    for (const record of people.records) this.putPerson(toPersonRow(record));
    if (this.incremental) return;
    const current = <Row>(byId: Map<string, Row>) => docs.flatMap((doc) => byId.get(doc.id) ?? []);
    if (this.sortedPeople)
      this.sortedPeople = mergedRows(this.sortedPeople, replaced, current(this.peopleById), comparePeople);
    if (this.sortedOrgs)
      this.sortedOrgs = mergedRows(this.sortedOrgs, replaced, current(this.orgsById), compareOrganisations);
  }

  private putPerson(row: PersonRow): void {
    const previous = this.peopleById.get(row.id);
    this.peopleById.set(row.id, row);
    this.sortedPeople = this.resorted(this.sortedPeople, previous, row, comparePeople);
    if (this.indexed || this.peopleIndex.has(row.id)) this.peopleIndex.upsert(row);
  }

  private putOrganisation(row: OrganisationRow): void {
    const previous = this.orgsById.get(row.id);
    this.orgsById.set(row.id, row);
    this.sortedOrgs = this.resorted(this.sortedOrgs, previous, row, compareOrganisations);
    this.orgIndex.upsert(row);
    if (!this.indexed) return;
    // People are found by their organisation's name: re-index them when it changes.
    if (previous && previous.name !== row.name) {
      for (const person of this.peopleById.values()) {
        if (person.organisationId === row.id) this.peopleIndex.upsert(person);
      }
    }
  }

  /** A sorted list with one row changed, while changes arrive one by one; a batch merges at its end. */
  private resorted<Row>(
    sorted: Row[] | null,
    previous: Row | undefined,
    row: Row | undefined,
    compare: (a: Row, b: Row) => number,
  ): Row[] | null {
    return this.incremental && sorted ? withRow(sorted, previous, row, compare) : sorted;
  }

  private removeRow(id: string): void {
    const person = this.peopleById.get(id);
    if (person) {
      this.peopleById.delete(id);
      this.sortedPeople = this.resorted(this.sortedPeople, person, undefined, comparePeople);
      this.peopleIndex.remove(id);
    }
    const org = this.orgsById.get(id);
    if (org) {
      this.orgsById.delete(id);
      this.sortedOrgs = this.resorted(this.sortedOrgs, org, undefined, compareOrganisations);
      this.orgIndex.remove(id);
    }
  }

  private changed(dataChanged: boolean, batch = false): void {
    this.versionNumber++;
    for (const listener of this.listeners) listener();
    if (!dataChanged) return;
    this.dirty = true;
    const { snapshotDelayMs = 3000, batchSnapshotDelayMs = 60_000 } = this.options;
    this.snapshotAfter(batch ? batchSnapshotDelayMs : snapshotDelayMs);
  }

  /** The snapshot is rewritten `ms` from now, unless a change before then moves it again. */
  private snapshotAfter(ms: number): void {
    clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => void this.persist(), ms);
  }

  /** Snapshot writes go one after another; close waits for the last (it seals with the session's key). */
  private persist(): Promise<void> {
    return (this.persisting = this.persisting.catch(() => undefined).then(() => this.write()));
  }

  private async write(): Promise<void> {
    if (this.session.isLocked || !this.checkpoint) return;
    this.dirty = false;
    await writeSnapshot(this.session, {
      checkpoint: this.checkpoint,
      people: [...this.people()],
      organisations: [...this.organisations()],
    });
  }
}
