// A simulated device for the load bench and the fault loops: it speaks the real client protocol through
// the one HTTP client (shared/sync/server-client.ts) with a real device token, seals its edits with the
// real envelope cipher, holds the live event stream (shared/sync/event-stream.ts) and, as the app's sync
// client does, applies an event's carried documents when they continue from its checkpoint and pulls
// otherwise (one pull at a time; events during a pull ask for one more), opening every envelope of
// another device's edit it receives. It
// keeps no RxDB store — RxDB's open-source edition opens 13 collections per process, a device needs 7 —
// only what it pulled (id → updatedAt) and what the server acknowledged, for the checkers.
import { createHash, randomBytes } from 'node:crypto';
import { EnvelopeCipher } from '../shared/crypto/envelope';
import { loadSodium } from '../shared/crypto/sodium';
import { newSigningPair } from '../shared/crypto/signing';
import { toBase64 } from '../shared/crypto/bytes';
import { CarriedEvents, isCarried, readServerEvents } from '../shared/sync/event-stream';
import { MAX_PULL_LIMIT, type RecordWire, type StreamEvent } from '../shared/sync/protocol';
import { serverClient, type Fetch, type ServerClient } from '../shared/sync/server-client';
import { ROUTES } from '../shared/sync/server-routes';

let cipher: EnvelopeCipher | undefined;
const sealer = async () => (cipher ??= new EnvelopeCipher(await loadSodium()));

/** Signs a new device in with the real protocol (prelogin, then sign-in with its own signing key). */
export const signInDevice = async (
  fetch: Fetch,
  serverUrl: string,
  userId: string,
  authVerifier: string,
): Promise<{ token: string; deviceId: string }> => {
  const sodium = await loadSodium();
  const anonymous = serverClient(fetch, { serverUrl });
  const prelogin = await anonymous.call(ROUTES.prelogin, { body: { userId } });
  if (!prelogin.ok) throw new Error(`prelogin: ${prelogin.error}`);
  const signing = newSigningPair(sodium);
  const signedIn = await anonymous.call(ROUTES.signIn, {
    body: { userId, authVerifier, signingKey: toBase64(signing.publicKey) },
  });
  if (!signedIn.ok) throw new Error(`sign-in: ${signedIn.error}`);
  return { token: signedIn.value.token, deviceId: signedIn.value.deviceId };
};

/**
 * The subject's data key. The app unwraps it from a key page; every bench device derives it from the
 * subject id, so each can open — and does open — every envelope it receives, as the app's search index does.
 */
const dataKey = (subjectId: string) =>
  new Uint8Array(createHash('sha256').update(`kluis-load-bench:${subjectId}`).digest());

/** A small edit as the client stores it: a person record sealed under its subject's data key. */
export const sealedEdit = async (id: string, subjectId: string, n: number, updatedAt: number) => {
  const keyId = `page-${id}`;
  const payload = (await sealer()).sealJson({ name: `Bench ${id}`, notes: `edit ${n}` }, dataKey(subjectId), {
    collection: 'records',
    id,
    keyId,
  });
  return { id, kind: 'person', subjectId, keyId, v: 1, payload, updatedAt, _deleted: false } as RecordWire;
};

/** An order-free digest of id → updatedAt pairs: two replicas with the same state have the same one. */
export const stateDigest = (state: Iterable<[string, number]>): string =>
  createHash('sha256')
    .update(
      [...state]
        .map(([id, at]) => `${id}:${at}`)
        .sort()
        .join('\n'),
    )
    .digest('hex');

export interface DeviceHooks {
  /** Asks the stream to carry small pushes' documents (default), as the app does; false: announce only. */
  carry?: boolean;
  /** A document another device wrote arrived through a pull, `ms` after it was sealed. */
  delivered?(ms: number): void;
  /** How long to wait after a failed call before the next one (the client's back-off). */
  retryMs?: number;
}

export class ProtocolDevice {
  readonly server: ServerClient;
  /** What this device pulled: id → updatedAt. */
  readonly replica = new Map<string, number>();
  /** Its own acknowledged writes: id → updatedAt of the last acknowledged state. */
  readonly acked = new Map<string, number>();
  /** Its own writes not yet acknowledged (retried until they are). */
  pendingWrites = 0;
  checkpoint = 0;
  failedCalls = 0;
  /** Documents of others that did not open under their subject's key (none, unless something broke). */
  unreadable = 0;
  /** Pull calls made, and events whose carried documents were applied without one. */
  pulls = 0;
  carriedTaken = 0;
  streamOpens = 0;
  private readonly own = new Map<string, RecordWire>();
  private running = true;
  private abort: AbortController | undefined;
  private pulling: Promise<void> | undefined;
  private pullAgain = false;
  private streaming: Promise<void> | undefined;
  private edits = 0;
  private readonly carried = new CarriedEvents();

  constructor(
    readonly tag: string,
    fetch: Fetch,
    serverUrl: string,
    token: string,
    private readonly hooks: DeviceHooks = {},
  ) {
    this.server = serverClient(fetch, { serverUrl, token });
    this.carry = hooks.carry !== false;
  }

  private readonly carry: boolean;

  /** Holds the event stream until `stop`, reconnecting after the client's back-off. */
  listen(): void {
    this.streaming ??= (async () => {
      await sealer(); // the cipher that opens what arrives
      while (this.running) {
        const abort = (this.abort = new AbortController());
        try {
          const response = await this.server.openStream(abort.signal, { documents: this.carry });
          if (response.ok && response.body) {
            this.streamOpens += 1;
            this.pull();
            await readServerEvents(response.body, {
              checkpoint: (event) => this.onEvent(event),
              refused: () => {},
            });
          } else await response.body?.cancel();
        } catch {
          // Cut or refused: reconnect after the back-off, as the app does.
        }
        if (this.running) await this.wait();
      }
    })();
  }

  /**
   * An event: one that carries documents continuing from this device's checkpoint is applied as a pull's
   * answer would be; any other (announced only, or after a missed event) makes the device pull. During a
   * pull, carried events wait for it to end and are taken then.
   */
  private onEvent(event: StreamEvent): void {
    const carried = isCarried(event) && event.collection === 'records';
    if (carried) this.carried.add(event);
    if (this.pulling) {
      if (!carried) this.pullAgain = true;
      return;
    }
    if (!carried) return void this.pull();
    if (!this.takeCarried()) void this.pull();
  }

  /** Applies the carried documents that continue from the checkpoint; false when a pull is needed. */
  private takeCarried(): boolean {
    const taken = this.carried.take(this.checkpoint);
    if (taken) {
      this.carriedTaken += 1;
      this.apply(taken.documents as RecordWire[]);
      this.checkpoint = taken.checkpoint;
    }
    return this.carried.size === 0;
  }

  /** Stores documents from the server: each is opened (decrypted and checked) as the app does. */
  private apply(documents: readonly RecordWire[]): void {
    const now = Date.now();
    for (const doc of documents) {
      this.replica.set(doc.id, doc.updatedAt);
      if (doc.id.startsWith(this.tag)) continue;
      try {
        if (!doc._deleted)
          cipher!.openJson(doc.payload, dataKey(doc.subjectId), {
            collection: 'records',
            id: doc.id,
            keyId: doc.keyId,
          });
      } catch {
        this.unreadable += 1;
      }
      this.hooks.delivered?.(now - doc.updatedAt);
    }
  }

  /** Asks for a pull; one runs at a time and an event during it asks for one more. */
  pull(): Promise<void> {
    if (this.pulling) {
      this.pullAgain = true;
      return this.pulling;
    }
    this.pulling = (async () => {
      await sealer();
      do {
        this.pullAgain = false;
        // This pull covers every event received so far.
        this.carried.clear();
        let more = true;
        while (more && this.running) {
          this.pulls += 1;
          const reply = await this.server.call(ROUTES.pull, {
            params: { collection: 'records' },
            query: { checkpoint: this.checkpoint, limit: MAX_PULL_LIMIT },
          });
          if (!reply.ok) {
            this.failedCalls += 1;
            this.pullAgain = true;
            await this.wait();
            break;
          }
          this.apply(reply.value.documents as RecordWire[]);
          this.checkpoint = reply.value.checkpoint;
          more = reply.value.more === true || reply.value.documents.length === MAX_PULL_LIMIT;
        }
        // Events that arrived meanwhile: taken if they continue from here, else one more pull.
        if (!this.takeCarried()) this.pullAgain = true;
      } while (this.pullAgain && this.running);
    })().finally(() => {
      this.pulling = undefined;
    });
    return this.pulling;
  }

  /**
   * Writes one edit — a new record, or (every third) a new state of one of its own — and retries it until
   * the server acknowledges it, as the app's replication does. Answers the milliseconds until acknowledged.
   */
  async edit(pick = Math.random()): Promise<number> {
    const n = this.edits++;
    const previous =
      n % 3 === 2 && this.own.size ? [...this.own.values()][Math.floor(pick * this.own.size)] : undefined;
    const id = previous?.id ?? `${this.tag}${randomBytes(9).toString('base64url')}`;
    const subjectId = previous?.subjectId ?? randomBytes(12).toString('base64url');
    const doc = await sealedEdit(id, subjectId, n, Date.now());
    const body = JSON.stringify([{ newDocumentState: doc, assumedMasterState: previous ?? null }]);
    this.pendingWrites += 1;
    const started = performance.now();
    for (;;) {
      const reply = await this.server.call(ROUTES.push, { params: { collection: 'records' }, rawBody: body });
      // An empty answer: written. A conflict would mean another writer, which nothing here makes.
      if (reply.ok && reply.value.length === 0) break;
      if (reply.ok) throw new Error(`push conflicted on ${id}`);
      this.failedCalls += 1;
      if (!this.running && reply.error !== 'offline') throw new Error(`push refused: ${reply.error}`);
      await this.wait();
    }
    this.pendingWrites -= 1;
    this.own.set(id, doc);
    this.acked.set(id, doc.updatedAt);
    return performance.now() - started;
  }

  /** Stops the stream; writes in flight still finish (their retries continue until acknowledged). */
  async stop(): Promise<void> {
    this.running = false;
    this.abort?.abort();
    await this.streaming;
    await this.pulling;
  }

  /** Pulls until nothing new arrives (used after `stop`, for the convergence check). */
  async catchUp(): Promise<void> {
    const wasRunning = this.running;
    this.running = true;
    try {
      await this.pull();
    } finally {
      this.running = wasRunning;
    }
  }

  private wait(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.hooks.retryMs ?? 200));
  }
}

export interface WriteCheck {
  /** Documents the server holds, and its last sequence (where every device must catch up to). */
  stored: number;
  checkpoint: number;
  /** Acknowledged writes missing, or present with an older state than acknowledged. */
  lost: string[];
  /** Ids the server answered more than once in one full pull. */
  duplicated: string[];
  /** Documents the server holds that no device had acknowledged. */
  unexpected: string[];
  /** Digest of the server's state, to compare each device's replica with. */
  digest: string;
}

/**
 * The checker over every acknowledged write: pulls everything from sequence 0 and compares it with what the
 * server acknowledged (id → updatedAt of the last acknowledged state; each document has one writer).
 */
export const checkWrites = async (server: ServerClient, acked: ReadonlyMap<string, number>) => {
  const seen = new Map<string, number>();
  const duplicated: string[] = [];
  let checkpoint = 0;
  for (;;) {
    const reply = await server.call(ROUTES.pull, {
      params: { collection: 'records' },
      query: { checkpoint, limit: MAX_PULL_LIMIT },
    });
    if (!reply.ok) throw new Error(`checker pull: ${reply.error}`);
    for (const doc of reply.value.documents as RecordWire[]) {
      if (seen.has(doc.id)) duplicated.push(doc.id);
      seen.set(doc.id, doc.updatedAt);
    }
    checkpoint = reply.value.checkpoint;
    if (!reply.value.more && reply.value.documents.length < MAX_PULL_LIMIT) break;
  }
  const check: WriteCheck = {
    stored: seen.size,
    checkpoint,
    lost: [...acked].filter(([id, at]) => seen.get(id) !== at).map(([id]) => id),
    duplicated,
    unexpected: [...seen.keys()].filter((id) => !acked.has(id)),
    digest: stateDigest(seen),
  };
  return check;
};
