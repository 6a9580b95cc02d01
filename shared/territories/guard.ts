// A device's own check on what the server sends (issue 19, point 2): the server is trusted to route
// documents by territory, not to keep them apart. Every pull answer and every document the event stream
// carries passes through `guardedFetch` before the sync client sees it, so a document of a territory this
// device does not hold — which it could not decrypt, lacking the key — is never stored: it is dropped,
// counted on this device and written to the audit trail ('territory', kind 'territory-refused', with the
// collection and count only). A stream event that carried one is passed on as a bare checkpoint, so the
// client pulls, through this same check.
//
// It also lets go of subjects that left this device, on an admin's word only (departures.ts: a move
// note proves a move), and of a territory whose key this device released because an admin's definition
// proves the removal (withheld.ts): the next pull of its records, items and key pages hands the sync
// client blanked tombstones for its local documents — as the server would for a deletion, so nothing is
// pushed back. Every let-go is audited ('territory-let-go', with the collection and count). A departure
// proved after those pulls (the move note came after the key page, or the page after the note) asks the
// sync client for them again at once (watchLetGo), so a quiet stream does not keep it waiting. Admins hold
// every territory and are not filtered. A territory's tag is read from the plaintext envelope only
// (tags.ts).
import type { RxCollection } from 'rxdb';
import type { Fetch, Role } from '../sync';
import { toWire } from '../sync';
import { eachChange } from '../store';
import type { Session } from '../vault';
import { changeLocalDoc, readLocalDoc } from '../vault';
import { Departures, WITHDRAWN_PAYLOAD, type Wire } from './departures';
import { admitTerritorySettings, carriesTerritorySettings } from './replays';
import { territoryOfDocument, territoryOfKeyId } from './tags';

export { WITHDRAWN_PAYLOAD };

const NOTICE_ID = 'territory-refused';
/** Per collection, the territories held when this device last scanned for those it lost. */
const HELD_ID = 'territory-held';

export interface RefusalNotice {
  /** Documents of other territories the server sent and this device dropped. */
  readonly count: number;
  readonly lastAt: number | null;
}

const NO_NOTICE: RefusalNotice = { count: 0, lastAt: null };

/** The refusals counted on this device, for a notice. */
export const territoryRefusals = (session: Session): Promise<RefusalNotice> =>
  readLocalDoc(session, NOTICE_ID, NO_NOTICE);

/** How long after reading the grants again for a territory this device does not hold it asks again. */
export const RECHECK_AFTER_MS = 30_000;

export class TerritoryGuard {
  private readonly departures: Departures;
  /** When the grants were last read again because of each unknown tag. */
  private readonly rechecked = new Map<string, number>();
  /** Who asks the sync client for pulls when departed subjects can be let go (watchLetGo). */
  private readonly letGoWatchers = new Set<() => void>();

  /**
   * `recheck` reads this device's grants again: the server sends a territory's documents only once its
   * user holds it, so a document of a territory this device does not hold yet may mean a grant that came
   * after the device last read them (an admin added its user while it synced). It is asked before such a
   * document is refused, at most once per territory every RECHECK_AFTER_MS. `recover` takes in the first
   * arrivals this device's first sync left out (arrivals-recovery.ts), answering how many; it is asked when
   * a departure waits for its note, one at a time.
   */
  constructor(
    private readonly session: Session,
    private readonly role: Role,
    private readonly now: () => number = Date.now,
    private readonly recheck: (() => Promise<unknown>) | null = null,
    private readonly recover: (() => Promise<number>) | null = null,
  ) {
    this.departures = new Departures(session, () => this.recoverArrivals());
  }

  private recovering: Promise<void> | null = null;

  /**
   * A departure waits for its note: the note may be a first arrival this device's first sync left out.
   * Taken in, the pulls that let the subject go are asked for at once (watchLetGo); offline, the next
   * waiting departure asks again. Answers the run (for tests), null when none is needed.
   */
  recoverArrivals(): Promise<void> | null {
    if (!this.recover || this.role === 'admin') return null;
    this.recovering ??= (async () => {
      try {
        if ((await this.recover!()) > 0 && !this.session.isLocked && (await this.departures.due()))
          for (const pull of this.letGoWatchers) pull();
      } catch {
        // Offline, refused or locked meanwhile: nothing changed, the next waiting departure asks again.
      } finally {
        this.recovering = null;
      }
    })();
    return this.recovering;
  }

  /** The territories held, after reading the grants again when documents name one that is not. */
  private async heldFor(collection: string, documents: readonly Wire[]): Promise<Set<string>> {
    const held = this.held();
    if (!this.recheck) return held;
    const at = this.now();
    const unknown = new Set<string>();
    for (const doc of documents) {
      const tag = territoryOfDocument(collection, doc);
      if (tag === null || held.has(tag)) continue;
      const last = this.rechecked.get(tag);
      if (last === undefined || at - last >= RECHECK_AFTER_MS) unknown.add(tag);
    }
    if (!unknown.size) return held;
    for (const tag of unknown) this.rechecked.set(tag, at);
    // Offline or refused: what this device holds stays as it was, and the documents are refused.
    await this.recheck().catch(() => undefined);
    return this.held();
  }

  private held(): Set<string> {
    const tags = new Set<string>();
    for (const keyId of this.session.territoryKeys.keys()) {
      const tag = territoryOfKeyId(keyId);
      if (tag) tags.add(tag);
    }
    return tags;
  }

  /** Admins hold every territory: their pulls pass untouched. */
  get passesAll(): boolean {
    return this.role === 'admin';
  }

  /** The documents of a pull (or a carried event) this device keeps, and tombstones for what it lets go. */
  async admit(
    collection: string,
    documents: readonly Wire[],
  ): Promise<{ documents: Wire[]; refused: number }> {
    if (this.role === 'admin') return { documents: [...documents], refused: 0 };
    // Territory definitions and move notes older than those accepted are refused (replays.ts).
    if (collection === 'settings')
      return { documents: await admitTerritorySettings(this.session, documents), refused: 0 };
    const held = await this.heldFor(collection, documents);
    const kept = documents.filter((doc) => {
      const tag = territoryOfDocument(collection, doc);
      return tag === null || held.has(tag);
    });
    const refused = documents.length - kept.length;
    if (refused) await this.report(collection, refused);
    // A move already proved (its note came first): the records and items go with their next pulls, now.
    if (collection === 'keys' && (await this.departures.note(kept)))
      for (const pull of this.letGoWatchers) pull();
    if (collection === 'records' || collection === 'items' || collection === 'keys') {
      kept.push(...(await this.departures.letGo(collection, kept)));
      kept.push(...(await this.territoriesLost(collection, held, kept)));
    }
    return { documents: kept, refused };
  }

  /**
   * Calls `pull` (the sync client's reSync) when subjects that left this device can be let go and the
   * pulls that let them go are still to come: when the key page that lost them comes after the admin's
   * move note (in `admit`), and when the note is stored after the page (any settings write, whichever
   * RxDB wrote it: this page's or the sync worker's). The let-go itself then comes with those pulls, as
   * blanked tombstones stored as pulled. Answers the unsubscribe; admins let go of nothing.
   */
  watchLetGo(pull: () => void): () => void {
    if (this.role === 'admin') return () => undefined;
    this.letGoWatchers.add(pull);
    let running = false;
    let again = false;
    const check = async (): Promise<void> => {
      if (running) return void (again = true);
      running = true;
      try {
        do {
          again = false;
          if (!this.session.isLocked && (await this.departures.due())) pull();
        } while (again);
      } catch {
        // Locked meanwhile: the next settings write or pull checks again.
      } finally {
        running = false;
      }
    };
    const settings = eachChange(this.session.db.settings, () => void check());
    void check(); // a note stored before this sync started
    return () => {
      settings.unsubscribe();
      this.letGoWatchers.delete(pull);
    };
  }

  /**
   * Whether a carried event of this collection must go as a bare checkpoint (subjects' documents, to a
   * device that is not an admin's); reports any of another territory among them.
   */
  async strips(collection: string, documents: readonly Wire[]): Promise<boolean> {
    // Territory definitions and move notes come by a pull, through admit (replays.ts).
    if (collection === 'settings') return this.role !== 'admin' && carriesTerritorySettings(documents);
    if (this.role === 'admin' || !['records', 'items', 'keys'].includes(collection)) return false;
    const held = await this.heldFor(collection, documents);
    const foreign = documents.filter((doc) => {
      const tag = territoryOfDocument(collection, doc);
      return tag !== null && !held.has(tag);
    }).length;
    if (foreign) await this.report(collection, foreign);
    return true;
  }

  private async report(collection: string, count: number): Promise<void> {
    await changeLocalDoc(this.session, NOTICE_ID, NO_NOTICE, (n) => ({
      count: n.count + count,
      lastAt: this.now(),
    }));
    await this.session.audit.record({
      action: 'territory',
      kind: 'territory-refused',
      recordIds: [],
      details: { collection, documents: count },
    });
  }

  /**
   * Blanked tombstones for the local documents of territories this device no longer holds (its user left
   * one). The local store is scanned once per collection each time the held territories change, which
   * this device remembers (a never-synced local document).
   */
  private async territoriesLost(
    collection: 'records' | 'items' | 'keys',
    held: ReadonlySet<string>,
    pulled: readonly Wire[],
  ): Promise<Wire[]> {
    const signature = [...held].sort().join(',');
    const scanned = await readLocalDoc<Record<string, string>>(this.session, HELD_ID, {});
    if (scanned[collection] === signature) return [];
    const arriving = new Set(pulled.map((d) => d.id));
    const rx = this.session.db[collection] as unknown as RxCollection<Record<string, unknown>>;
    const lost = (await rx.find().exec())
      .map((doc) => toWire(collection, doc.toJSON() as Record<string, unknown>) as unknown as Wire)
      .filter((doc) => {
        const tag = territoryOfDocument(collection, doc);
        return tag !== null && !held.has(tag) && !arriving.has(doc.id);
      })
      .map((doc) => ({
        ...doc,
        payload: collection === 'keys' ? '{}' : WITHDRAWN_PAYLOAD,
        _deleted: true,
      }));
    await changeLocalDoc(this.session, HELD_ID, {}, (seen) => ({ ...seen, [collection]: signature }));
    if (lost.length) await this.auditLetGo(collection, lost.length, 'territory');
    return lost;
  }

  private auditLetGo(collection: string, documents: number, reason: 'territory'): Promise<unknown> {
    return this.session.audit.record({
      action: 'territory',
      kind: 'territory-let-go',
      recordIds: [],
      details: { collection, documents, reason },
    });
  }
}

/** What the guarded fetch asks of a guard: the sync worker's guard asks the page's (shared/sync-worker). */
export type GuardDecisions = Pick<TerritoryGuard, 'passesAll' | 'admit' | 'strips'>;

const PULL = /\/sync\/(records|items|keys|settings|audit|compliance)\/pull$/;

/**
 * A stream event as the client may see it: one that carries key pages, records or items to a device that
 * is not an admin's is passed on as a bare checkpoint, so those arrive by a pull, through the guard, and
 * any document of a territory the device does not hold is reported. The event is read as the client reads
 * it (sync/event-stream.ts: its type line and its data line, parsed as JSON), never by matching text, so
 * an escaped key (`"\u0064ocuments"`) is the key it decodes to. Carried documents whose collection is not
 * named as text are stripped too.
 */
const guardEvent = async (guard: GuardDecisions, event: string): Promise<string> => {
  if (/^event: (\S+)$/m.exec(event)?.[1] !== 'checkpoint') return event;
  const data = /^data: (.*)$/m.exec(event)?.[1];
  if (data === undefined) return event;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return event; // the client cannot read it either
  }
  if (!parsed || typeof parsed !== 'object' || !('documents' in parsed)) return event;
  const { checkpoint, collection, documents } = parsed as Record<string, unknown>;
  const carried = (Array.isArray(documents) ? documents : []).filter(
    (doc): doc is Wire => !!doc && typeof doc === 'object',
  );
  if (typeof collection === 'string' && !(await guard.strips(collection, carried))) return event;
  return `event: checkpoint\ndata: ${JSON.stringify({ checkpoint })}`;
};

const guardStream = (guard: GuardDecisions, body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> => {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let buffer = '';
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      async transform(chunk, out) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          out.enqueue(encoder.encode(`${await guardEvent(guard, event)}\n\n`));
        }
      },
      flush(out) {
        if (buffer) out.enqueue(encoder.encode(buffer));
      },
    }),
  );
};

/**
 * The sync client's fetch with the guard in the way: pull answers and the event stream pass through it.
 * Everything else goes through untouched.
 */
export const guardedFetch =
  (fetch: Fetch, guard: GuardDecisions): Fetch =>
  async (input, init) => {
    const response = await fetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = new URL(url).pathname;
    if (guard.passesAll || !response.ok || !response.body) return response;
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    if (path.endsWith('/sync/stream'))
      return new Response(guardStream(guard, response.body), { status: response.status, headers });
    const collection = PULL.exec(path)?.[1];
    if (!collection) return response;
    const reply = (await response.json()) as { ok: boolean; value?: { documents?: Wire[] } };
    if (reply.ok && reply.value && Array.isArray(reply.value.documents))
      reply.value.documents = (await guard.admit(collection, reply.value.documents)).documents;
    return new Response(JSON.stringify(reply), { status: response.status, headers });
  };
