// Subjects leaving this device (issue 19, point 2; review T4), for the guard (guard.ts): a key page this
// device holds that arrives without a subject's entry, when no other page it holds has the subject, says
// the subject left — moved to a territory this device does not hold, or so a lying server would have it.
// Only a move note (move.ts: sealed under the organisation key, which the server never holds) proves a
// move: the latest note that names the subject must send it away from the territory of the page that lost
// it (an older note that brought it there proves nothing). Proved, the subject's records, items and kept
// key entry are let go with pulls of those collections, as blanked tombstones (as the server would send
// for a deletion, so nothing is pushed back), and audited. Not (yet) proved, the page keeps the subject's
// entry — the device can still read what it holds — the departure waits for a note, and the device
// audits it once ('territory-withheld'); if the page brings the entry back, nothing leaves. A subject
// erased here meanwhile (erasure/) is simply done with. The page and the note may come in either order
// and nothing else need change on the server afterwards: whichever comes second asks the sync client for
// those pulls at once (`note` answers it for the page, `due` for a note; guard.ts watchLetGo).
import type { RxCollection } from 'rxdb';
import { toWire } from '../sync';
import type { KeyDoc, RecordDoc } from '../store';
import type { Session } from '../vault';
import { changeLocalDoc, readLocalDoc } from '../vault';
import { AcceptedMovesUnreadable, latestMoves, subjectMark } from './move';
import { queueMovePurges } from './move-purges';
import { territoryOfPage } from './tags';

/** What a blanked tombstone of a subject that left the device's territories holds instead of its payload. */
export const WITHDRAWN_PAYLOAD = 'withdrawn';

export type Wire = Record<string, unknown> & { id: string; _deleted?: boolean };
type Leaving = 'records' | 'items' | 'keys';
/** Per subject: what is still to let go once proved (keys: entries this device kept in its pages). */
type Pending = Record<string, { left: Leaving[]; reported: boolean; from: string | null }>;
const DEPARTED_ID = 'territory-departed';

export const entriesOf = (doc: { payload?: unknown; _deleted?: unknown }): Record<string, unknown> => {
  if (doc._deleted === true || typeof doc.payload !== 'string') return {};
  try {
    const value: unknown = JSON.parse(doc.payload);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
};

const blanked = (collection: Leaving, doc: Record<string, unknown>): Wire => ({
  ...(toWire(collection, doc) as unknown as Wire),
  payload: collection === 'keys' ? '{}' : WITHDRAWN_PAYLOAD,
  _deleted: true,
});

/** Whether departures wait on this device (for their move note, or to be let go at the next pulls). */
export const departuresWaiting = async (session: Session): Promise<boolean> =>
  Object.keys(await readLocalDoc<Pending>(session, DEPARTED_ID, {})).length > 0;

export class Departures {
  /**
   * `onUnproved` is told when a departure waits for its note while the subject is still held here (the
   * guard then takes in the first arrivals a first sync left out, arrivals-recovery.ts).
   */
  constructor(
    private readonly session: Session,
    private readonly onUnproved?: () => void,
  ) {}

  /**
   * The subjects (with the territory each left) whose latest move note sends them elsewhere; none while
   * the accepted moves do not open (accepted-moves.ts, audited there): the departures wait, as unproved.
   */
  private async proved(leaving: ReadonlyMap<string, string | null>): Promise<Set<string>> {
    if (!leaving.size) return new Set();
    let latest: ReadonlyMap<string, string>; // mark → where its latest accepted move went (move.ts)
    try {
      latest = await latestMoves(this.session);
    } catch (error) {
      if (error instanceof AcceptedMovesUnreadable) return new Set();
      throw error;
    }
    return new Set(
      [...leaving]
        .filter(([id, from]) => {
          const to = latest.get(subjectMark(this.session, id));
          return to !== undefined && to !== from;
        })
        .map(([id]) => id),
    );
  }

  /**
   * Whether a departure waits whose move is proved: pulls of records, items or key pages would let its
   * subject go now (its move note came after the page).
   */
  async due(): Promise<boolean> {
    const pending = await readLocalDoc<Pending>(this.session, DEPARTED_ID, {});
    const waiting = Object.keys(pending).filter((id) => pending[id]!.left.length > 0);
    if (!waiting.length) return false;
    return (await this.proved(new Map(waiting.map((id) => [id, pending[id]!.from ?? null])))).size > 0;
  }

  /**
   * Notes the subjects the pulled pages take away from this device; an entry whose removal is not proved
   * is put back into the pulled page (which the sync client then stores). Changes `pages` in place.
   * Answers whether a subject's move is proved already (its note came first): its records and items go
   * with their next pulls, which the caller asks for.
   */
  async note(pages: Wire[]): Promise<boolean> {
    const { db } = this.session;
    const present = new Set(pages.flatMap((page) => Object.keys(entriesOf(page))));
    const local = await db.keys.findByIds(pages.map((p) => p.id)).exec();
    const gone = new Map<string, { page: Wire; entry: unknown }[]>();
    for (const page of pages) {
      const before = local.get(page.id);
      if (!before) continue;
      for (const [subjectId, entry] of Object.entries(entriesOf(before.toJSON() as KeyDoc)))
        if (!present.has(subjectId)) gone.set(subjectId, [...(gone.get(subjectId) ?? []), { page, entry }]);
    }
    if (gone.size) {
      const pulled = new Set(pages.map((p) => p.id));
      for (const doc of await db.keys.find().exec()) {
        if (pulled.has(doc.id)) continue;
        for (const id of Object.keys(entriesOf(doc.toJSON() as KeyDoc))) gone.delete(id);
      }
    }
    const pending = await readLocalDoc<Pending>(this.session, DEPARTED_ID, {});
    // A subject whose entry is back (a server that withheld it, then sent it) is no longer leaving.
    const back = Object.keys(pending).filter((id) => present.has(id));
    if (!gone.size && !back.length) return false;
    const from = new Map([...gone].map(([id, places]) => [id, territoryOfPage(places[0]!.page.id)]));
    const proved = await this.proved(from);
    for (const [id, places] of gone) {
      if (proved.has(id)) continue;
      for (const { page, entry } of places) {
        page.payload = JSON.stringify({ ...entriesOf(page), [id]: entry });
        page._deleted = false;
      }
    }
    await changeLocalDoc<Pending>(this.session, DEPARTED_ID, {}, (current) => {
      const next = { ...current };
      for (const id of back) delete next[id];
      for (const id of gone.keys())
        next[id] ??= {
          left: proved.has(id) ? ['records', 'items'] : ['records', 'items', 'keys'],
          reported: false,
          from: from.get(id) ?? null,
        };
      return next;
    });
    return proved.size > 0;
  }

  /**
   * Blanked tombstones (for keys: the local pages without the subjects' entries) of departed subjects
   * whose move is proved, for documents not in this pull; departures still unproved are reported once.
   */
  async letGo(collection: Leaving, pulled: readonly Wire[]): Promise<Wire[]> {
    const pending = await readLocalDoc<Pending>(this.session, DEPARTED_ID, {});
    const waiting = Object.keys(pending).filter((id) => pending[id]!.left.includes(collection));
    if (!waiting.length) return [];
    const proved = await this.proved(new Map(waiting.map((id) => [id, pending[id]!.from ?? null])));
    const unproved = waiting.filter((id) => !proved.has(id));
    const { db } = this.session;
    const kept = new Set((await db.records.findByIds(unproved).exec()).keys());
    const report = unproved.filter((id) => kept.has(id) && !pending[id]!.reported);
    if (unproved.some((id) => kept.has(id))) this.onUnproved?.();
    const after = await changeLocalDoc<Pending>(this.session, DEPARTED_ID, {}, (current) => {
      const next = { ...current };
      for (const id of waiting) {
        const entry = next[id];
        if (!entry) continue;
        const left = entry.left.filter((c) => c !== collection);
        if (proved.has(id)) {
          if (left.length) next[id] = { ...entry, left };
          else delete next[id];
        } else if (!kept.has(id)) delete next[id];
        else if (report.includes(id)) next[id] = { ...entry, reported: true };
      }
      return next;
    });
    if (report.length)
      await this.session.audit.record({
        action: 'territory',
        kind: 'territory-withheld',
        recordIds: [],
        details: { reason: 'key-entry', subjects: report.length },
      });
    if (!proved.size) return [];
    const arriving = new Set(pulled.map((d) => d.id));
    const ids = [...proved];
    let out: Wire[];
    let changed = 0; // pages of this pull that lose an entry
    if (collection === 'keys') {
      out = [];
      // A page in this very pull that had an entry put back (the note came meanwhile) loses it again.
      for (const page of pulled) {
        const entries = entriesOf(page);
        if (!ids.some((id) => id in entries)) continue;
        for (const id of ids) delete entries[id];
        const left = Object.keys(entries).length > 0;
        page.payload = left ? JSON.stringify(entries) : '{}';
        page._deleted = !left;
        changed++;
      }
      for (const doc of await db.keys.find().exec()) {
        if (arriving.has(doc.id)) continue;
        const data = doc.toJSON() as KeyDoc & Record<string, unknown>;
        const entries = entriesOf(data);
        if (!ids.some((id) => id in entries)) continue;
        for (const id of ids) delete entries[id];
        out.push(
          Object.keys(entries).length
            ? { ...(toWire('keys', data) as unknown as Wire), payload: JSON.stringify(entries) }
            : blanked('keys', data),
        );
      }
    } else {
      const rx = db[collection] as unknown as RxCollection<RecordDoc>;
      out = (await rx.find({ selector: { subjectId: { $in: ids } } }).exec())
        .filter((doc) => !arriving.has(doc.id))
        .map((doc) => blanked(collection, doc.toJSON() as Record<string, unknown>));
    }
    if (out.length + changed)
      await this.session.audit.record({
        action: 'territory',
        kind: 'territory-let-go',
        recordIds: [],
        details: { collection, documents: out.length + changed, reason: 'moved' },
      });
    // Subjects let go of entirely now (the last collection's pull): their purge is confirmed to the server.
    await queueMovePurges(
      this.session,
      ids.filter((id) => !(id in after)),
    );
    return out;
  }
}
