// RxDB-replication-shaped endpoints: push with assumedMasterState, pull from a server-sequence checkpoint,
// and a Server-Sent Events stream announcing each new checkpoint so live clients pull — or, for clients
// that ask, carrying a small push's documents so they need not pull (StreamEvent in shared/sync).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import {
  isCollection,
  PullQuery,
  pushRequestSchema,
  type AuditWire,
  type Collection,
  type ErrorBody,
  type PullResponse,
  type StreamEvent,
} from '../../shared/sync';
import { mayCallSync, mayPushRows, maySync, type SyncAction } from '../../shared/sync';
import { checkAuditPush } from '../audit';
import { authenticate, type Caller } from '../auth';
import type { AuditAnchor, CarriedWrite, DeviceRow, UserRow } from '../storage/types';
import type { ServerContext } from '../context';
import { sendError, sendOk } from '../http';
import { pullVisible } from './pull-visible';
import { carriable, mayPushInto, visibleDocs } from './territories';

type SyncRequest = FastifyRequest<{ Params: { collection: string } }>;

/** A write waiting to go out on an organisation's streams that asked for documents. */
interface Queued {
  orgId: string;
  sequence: number;
  carried?: CarriedWrite | undefined;
}

/** One open event stream: its device and token, and how to write to, refuse and end it. */
interface LiveStream {
  deviceId: string;
  tokenHash: string;
  write(text: string): void;
  refuse(error: ErrorBody): void;
  end(): void;
}

/** Streams written to between two turns of the event loop when a write goes out. */
const FAN_OUT_SLICE = 250;

const checkpointFrame = (checkpoint: number) =>
  `event: checkpoint\ndata: ${JSON.stringify({ checkpoint } satisfies StreamEvent)}\n\n`;

/**
 * A push's event with its documents (StreamEvent): the stored canonical texts are JSON already and are
 * spliced in as they are, so the event is made once for every stream.
 */
const carriedFrame = (checkpoint: number, carried: CarriedWrite) =>
  `event: checkpoint\ndata: {"checkpoint":${checkpoint},"collection":${JSON.stringify(carried.collection)},` +
  `"previous":${carried.previous},"documents":[${carried.docs.map((d) => d.doc).join(',')}]}\n\n`;

export const registerSyncRoutes = (app: FastifyInstance, ctx: ServerContext) => {
  const { storage } = ctx;
  const streams = new Set<ServerResponse>();
  /** Open streams per device id, for the per-device cap. */
  const deviceStreams = new Map<string, number>();
  /** Device and collection pairs whose checkpoint this process recorded (see the pull route). */
  const recorded = new Set<string>();
  /** Each organisation's restore ranges, read once: a restore runs while no server does. */
  const restores = new Map<string, Promise<{ backupSeq: number; resumedSeq: number }[]>>();
  const fromReplacedDatabase = async (orgId: string, checkpoint: number): Promise<boolean> => {
    if (checkpoint === 0) return false;
    let ranges = restores.get(orgId);
    if (!ranges) restores.set(orgId, (ranges = storage.restoreRanges(orgId)));
    return (await ranges).some((r) => checkpoint > r.backupSeq && checkpoint <= r.resumedSeq);
  };

  /** Authenticates the device and checks its role for this action (a settings push: row by row, below). */
  const authorise = async (
    request: FastifyRequest,
    reply: FastifyReply,
    action: SyncAction | 'stream',
    collection?: string,
  ): Promise<{ caller: Caller; collection: Collection } | undefined> => {
    const caller = await authenticate(storage, ctx.now(), request, reply);
    if (!caller) return undefined;
    if (caller.user.sealedOrgKey === null) return void sendError(reply, 403, 'awaiting-org-key');
    if (action === 'stream') return { caller, collection: 'records' };
    if (collection === undefined || !isCollection(collection))
      return void sendError(reply, 404, 'unknown-collection');
    if (!mayCallSync(caller.role, action, collection)) return void sendError(reply, 403, 'forbidden');
    return { caller, collection };
  };

  app.post('/sync/:collection/push', async (request: SyncRequest, reply) => {
    const auth = await authorise(request, reply, 'push', request.params.collection);
    if (!auth) return reply;
    const parsed = pushRequestSchema(auth.collection).safeParse(request.body);
    if (!parsed.success) return sendError(reply, 400, 'bad-request');
    if (!mayPushRows(auth.caller, auth.collection, parsed.data)) return sendError(reply, 403, 'forbidden');
    const rows = parsed.data.map(({ newDocumentState, assumedMasterState }) => ({
      id: newDocumentState.id,
      // zod returns keys in schema order, so the same document always has the same text.
      doc: JSON.stringify(newDocumentState),
      deleted: newDocumentState._deleted,
      assumed: assumedMasterState ? JSON.stringify(assumedMasterState) : null,
    }));
    // Each id once, and each row's assumed state of that same document.
    const twice = rows.some((row, i) => rows.findIndex((other) => other.id === row.id) !== i);
    const mixed = parsed.data.some(
      (r) => r.assumedMasterState && r.assumedMasterState.id !== r.newDocumentState.id,
    );
    if (twice || mixed) return sendError(reply, 400, 'bad-request');
    // No document of a territory the caller does not hold (territories.ts).
    if (!(await mayPushInto(ctx.territories, auth.caller, auth.collection, rows)))
      return sendError(reply, 403, 'forbidden');
    // The organisation's storage quota (quota.ts): a push that would grow the store past it is refused.
    if (!(await ctx.quota.admit(auth.caller.user.orgId, auth.collection, rows))) {
      request.log.warn({ rows: rows.length, collection: auth.collection }, 'push refused by the quota');
      return sendError(reply, 507, 'quota-exceeded');
    }
    let anchors: AuditAnchor[] = [];
    if (auth.collection === 'audit') {
      const moved = checkAuditPush(
        parsed.data as { newDocumentState: AuditWire; assumedMasterState?: AuditWire | null }[],
        await storage.auditAnchors(auth.caller.user.orgId),
        auth.caller.device.signingKey,
      );
      if (typeof moved === 'string') {
        request.log.warn({ refused: moved, rows: rows.length }, 'audit push refused');
        return sendError(reply, moved === 'audit-chain' ? 409 : 403, moved);
      }
      anchors = moved;
    }
    const outcome = await storage.push(
      auth.caller.user.orgId,
      auth.collection,
      rows,
      ctx.now(),
      auth.caller.device.id,
      auth.caller.role,
    );
    if (!outcome.ok) {
      if (outcome.error === 'not-found') return sendError(reply, 404, outcome.error);
      // A write rule (push-rules.ts) or another organisation's id: nothing was stored. Logged with the code,
      // collection and role only — never ids, kinds or contents.
      if (outcome.error !== 'foreign-id')
        request.log.warn(
          { refused: outcome.error, collection: auth.collection, role: auth.caller.role, rows: rows.length },
          'push refused by a write rule',
        );
      // A page under an older epoch is not forbidden but late: the device adopts the current page key
      // (GET /keys), re-wraps and pushes again.
      return sendError(reply, outcome.error === 'key-epoch-stale' ? 409 : 403, outcome.error);
    }
    if (anchors.length) await storage.anchorAudit(auth.caller.user.orgId, anchors, ctx.now());
    await storage.touchDevice(auth.caller.device.id, ctx.now());
    request.log.info(
      {
        rows: rows.length,
        conflicts: outcome.conflicts.length,
        sequence: outcome.sequence,
        erased: outcome.erased ?? 0,
      },
      'push',
    );
    // A conflict shows the stored document: never one of a territory the caller may not pull.
    const conflicts = outcome.conflicts.map((doc) => ({ doc }));
    return sendOk(reply, await visibleDocs(ctx.territories, auth.caller, auth.collection, conflicts));
  });

  app.get('/sync/:collection/pull', async (request: SyncRequest, reply) => {
    const auth = await authorise(request, reply, 'pull', request.params.collection);
    if (!auth) return reply;
    const query = PullQuery.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'bad-request');
    const { checkpoint, limit, bytes, count, arrivals, horizon } = query.data;
    const orgId = auth.caller.user.orgId;
    const head = await storage.pullHead(orgId);
    // Bounded by bytes as well as count: a page of large documents is cut short, and says so (`more`).
    const maxBytes = Math.min(bytes ?? ctx.limits.pullMaxBytes, ctx.limits.pullMaxBytes);
    // Tombstones this client never saw are gone: only a full resync from 0 can tell it what was deleted,
    // unless the page that gave the checkpoint was read at this very horizon (PullQuery `horizon`).
    const belowHorizon = checkpoint > 0 && checkpoint < head.purgedThrough;
    if (belowHorizon && horizon !== head.purgedThrough) return sendError(reply, 409, 'resync-required');
    // A checkpoint the database a restore replaced issued: this device synced after the backup and may
    // hold writes the server lost; it pulls from 0 and pushes them again (shared/sync/restore.ts).
    if (await fromReplacedDatabase(orgId, checkpoint)) return sendError(reply, 409, 'server-restored');
    // A checkpoint the server never reached: the database was restored from an older backup.
    if (checkpoint > head.sequence) return sendError(reply, 409, 'resync-required');
    await storage.touchDevice(auth.caller.device.id, ctx.now());
    const from = { from: checkpoint, limit, maxBytes, count: count !== undefined, arrivals };
    const page = await pullVisible(ctx, auth.caller, auth.collection, from);
    const body: PullResponse = {
      documents: page.documents,
      checkpoint: page.checkpoint,
      ...(page.more ? { more: true as const } : {}),
      ...(page.remaining !== undefined ? { remaining: page.remaining } : {}),
      ...(head.purgedThrough > 0 ? { horizon: head.purgedThrough } : {}),
    };
    // What the device now holds, for the lost-laptop drill (a pull from 0 starts it over), in batches
    // (checkpoint-batch.ts); an empty pull of a pair recorded here changes nothing (live clients pull often).
    const pair = `${auth.caller.device.id}/${auth.collection}`;
    if (page.checkpoint !== checkpoint || checkpoint === 0 || !recorded.has(pair)) {
      ctx.checkpoints.record({
        deviceId: auth.caller.device.id,
        collection: auth.collection,
        checkpoint: body.checkpoint,
        restart: checkpoint === 0,
        at: ctx.now(),
      });
      if (recorded.size > 100_000) recorded.clear();
      recorded.add(pair);
    }
    return sendOk(reply, body);
  });

  /** The audit chain heads the server anchored, so a client's verification can compare against them. */
  app.get('/audit/anchors', async (request, reply) => {
    const auth = await authorise(request, reply, 'pull', 'audit');
    if (!auth) return reply;
    return sendOk(reply, await storage.auditAnchors(auth.caller.user.orgId));
  });

  /** Why a stream's device may no longer hear of writes (as the heartbeat words it), or undefined. */
  const refusal = (
    found: { device: DeviceRow; user: UserRow | undefined } | undefined,
    tokenHash: string,
  ) => {
    const device = found?.device;
    if (!device || device.tokenHash !== tokenHash)
      return { ok: false, error: 'unauthenticated' } as ErrorBody;
    if (device.revokedAt !== null) return { ok: false, error: 'device-revoked', wipe: true } as ErrorBody;
    if (device.expiresAt <= ctx.now()) return { ok: false, error: 'token-expired' } as ErrorBody;
    const user = found.user;
    if (!user || user.orgId !== device.orgId) return { ok: false, error: 'unauthenticated' } as ErrorBody;
    if (user.status === 'removed') return { ok: false, error: 'device-revoked', wipe: true } as ErrorBody;
    return undefined;
  };

  /**
   * Streams that asked for documents (`?documents=1`), by organisation. Every write of the organisation
   * passes through its queue, in order: before a push's documents go out, the devices of these streams
   * are read again in one query, so a device revoked, expired, removed or renewed since it connected gets
   * no document (its stream is refused and ends, as at a heartbeat), and a suspended member, a user still
   * waiting for the organisation key, or a role that may not pull the collection gets the checkpoint only.
   */
  const carrying = new Map<string, Set<LiveStream>>();
  const queues = new Map<string, Queued[]>();
  const drain = async (orgId: string, queue: Queued[]) => {
    try {
      while (queue.length) {
        const batch = queue.splice(0);
        const targets = [...(carrying.get(orgId) ?? [])];
        if (targets.length === 0) continue;
        const standing = batch.some((notice) => notice.carried)
          ? new Map(
              (await storage.devicesWithUsers([...new Set(targets.map((t) => t.deviceId))])).map((found) => [
                found.device.id,
                found,
              ]),
            )
          : undefined;
        const frames = batch.map((notice) => ({
          plain: checkpointFrame(notice.sequence),
          carried: notice.carried && carriedFrame(notice.sequence, notice.carried),
          collection: notice.carried?.collection,
        }));
        // One write per stream for the whole batch, and a pause every few hundred streams so that pushes
        // and pulls waiting on this process are answered between them.
        let written = 0;
        for (const stream of targets) {
          if (++written % FAN_OUT_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
          const found = standing?.get(stream.deviceId);
          const refused = standing && refusal(found, stream.tokenHash);
          if (refused) {
            stream.refuse(refused);
            continue;
          }
          const user = found?.user;
          const mayRead = (collection: Collection) =>
            user !== undefined &&
            user.status === 'active' &&
            user.sealedOrgKey !== null &&
            maySync(user.role, 'pull', collection);
          stream.write(
            frames
              .map((frame) => (frame.carried && mayRead(frame.collection!) ? frame.carried : frame.plain))
              .join(''),
          );
        }
      }
    } catch {
      // The devices could not be read: these streams end, and their clients reconnect and pull.
      for (const stream of carrying.get(orgId) ?? []) stream.end();
    } finally {
      queues.delete(orgId);
    }
  };
  const toCarrying = (notice: Queued) => {
    if (!carrying.has(notice.orgId)) return;
    const queue = queues.get(notice.orgId);
    if (queue) return void queue.push(notice);
    const started = [notice];
    queues.set(notice.orgId, started);
    // After the current turn: the push that made the notice is answered first (SQLite announces inside
    // storage.push), and notices of the same turn go out together after one check of the devices.
    setImmediate(() => void drain(notice.orgId, started));
  };

  /** Streams that did not ask for documents: the checkpoint of every write, as before. */
  const announcing = new Map<string, Set<LiveStream>>();
  const unsubscribe = storage.onWrite((notice, carried) => {
    if (notice.orgId !== null) {
      const plain = checkpointFrame(notice.sequence);
      for (const stream of announcing.get(notice.orgId) ?? []) stream.write(plain);
      toCarrying({ orgId: notice.orgId, sequence: notice.sequence, carried: carriable(ctx, carried) });
      return;
    }
    // Writes may have gone unannounced: tell every client where its organisation is, so it pulls.
    for (const orgId of new Set([...announcing.keys(), ...carrying.keys()])) {
      storage.currentSequence(orgId).then(
        (sequence) => {
          const plain = checkpointFrame(sequence);
          for (const stream of announcing.get(orgId) ?? []) stream.write(plain);
          toCarrying({ orgId, sequence });
        },
        () => {
          for (const stream of [...(announcing.get(orgId) ?? []), ...(carrying.get(orgId) ?? [])])
            stream.end();
        },
      );
    }
  });
  app.addHook('onClose', async () => unsubscribe());

  app.get('/sync/stream', async (request, reply) => {
    const auth = await authorise(request, reply, 'stream');
    if (!auth) return reply;
    const orgId = auth.caller.user.orgId;
    // Each stream holds a connection and a file descriptor: capped per device and per process. The
    // client retries later (Retry-After); its pulls and pushes work meanwhile.
    const deviceId = auth.caller.device.id;
    const ofDevice = deviceStreams.get(deviceId) ?? 0;
    if (streams.size >= ctx.limits.maxStreams || ofDevice >= ctx.limits.maxStreamsPerDevice) {
      request.log.warn({ open: streams.size, ofDevice }, 'stream refused: too many open');
      return sendError(reply.header('Retry-After', '30'), 503, 'too-many-streams');
    }
    const carries = (request.query as Record<string, unknown>).documents === '1';
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    const tokenHash = auth.caller.device.tokenHash;
    const stream: LiveStream = {
      deviceId,
      tokenHash,
      write: (text) => {
        if (!raw.writableEnded && !raw.destroyed) raw.write(text);
      },
      refuse: (error) => {
        stream.write(`event: refused\ndata: ${JSON.stringify(error)}\n\n`);
        raw.end();
      },
      end: () => raw.end(),
    };
    const registry = carries ? carrying : announcing;
    const ofOrg = registry.get(orgId) ?? new Set<LiveStream>();
    registry.set(orgId, ofOrg.add(stream));
    streams.add(raw);
    deviceStreams.set(deviceId, ofDevice + 1);
    // Each heartbeat also checks the device again: revoked or expired, the stream says so and ends.
    const heartbeat = setInterval(() => {
      storage.findDeviceByTokenHash(tokenHash).then(
        (device) => {
          const refused = refusal(device && { device, user: auth.caller.user }, tokenHash);
          if (refused) stream.refuse(refused);
          else stream.write(': keep-alive\n\n');
        },
        () => raw.end(),
      );
    }, ctx.streamHeartbeatMs);
    raw.on('close', () => {
      clearInterval(heartbeat);
      ofOrg.delete(stream);
      if (ofOrg.size === 0 && registry.get(orgId) === ofOrg) registry.delete(orgId);
      streams.delete(raw);
      const left = (deviceStreams.get(deviceId) ?? 1) - 1;
      if (left > 0) deviceStreams.set(deviceId, left);
      else deviceStreams.delete(deviceId);
    });
    // The current checkpoint first: a client that reconnects pulls whatever it missed (RxDB's RESYNC).
    stream.write('retry: 2000\n\n');
    stream.write(checkpointFrame(await storage.currentSequence(orgId)));
  });

  // Open streams would keep close() waiting forever.
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });
};
