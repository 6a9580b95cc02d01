// Key epochs (issue "Members leave and keys rotate"): an admin's device starts a new page key with a grant
// for every member who holds the organisation key, re-wraps the key pages and finishes the epoch; every
// device reads its grants and what waits, and acknowledges the epoch it holds. The server orders the
// epochs and counts; grants are opaque sealed blobs and no page key ever passes through here. Only
// counts, sequences and reasons are logged, never ids.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { KeyAckRequest, RotateRequest, type KeysResponse } from '../../shared/sync';
import { mayManageOrganisation } from '../../shared/sync';
import { authenticate, type Caller } from '../auth';
import type { ServerContext } from '../context';
import { sendError, sendOk } from '../http';

type EpochRequest = FastifyRequest<{ Params: { epochId: string } }>;

export const registerKeyRoutes = (app: FastifyInstance, ctx: ServerContext) => {
  const { storage } = ctx;

  /** A signed-in member whose user holds the organisation key: page keys are of no use to anyone else. */
  const member = async (request: FastifyRequest, reply: FastifyReply): Promise<Caller | undefined> => {
    const caller = await authenticate(storage, ctx.now(), request, reply);
    if (!caller) return undefined;
    if (caller.user.sealedOrgKey === null) return void sendError(reply, 403, 'awaiting-org-key');
    return caller;
  };

  const admin = async (request: FastifyRequest, reply: FastifyReply): Promise<Caller | undefined> => {
    const caller = await authenticate(storage, ctx.now(), request, reply);
    if (!caller) return undefined;
    if (!mayManageOrganisation(caller.role)) return void sendError(reply, 403, 'forbidden');
    return caller;
  };

  app.get('/keys', async (request, reply) => {
    const caller = await member(request, reply);
    if (!caller) return reply;
    const orgId = caller.user.orgId;
    const [epochs, grants, due] = await Promise.all([
      storage.listKeyEpochs(orgId),
      storage.listKeyGrants(caller.user.id),
      storage.listRotationDue(orgId),
    ]);
    const current = epochs.at(-1);
    const [pendingPages, devicesBehind] = current
      ? await Promise.all([
          storage.countPendingKeyPages(orgId, current.epochId),
          storage.devicesBehind(orgId, current.epochId),
        ])
      : [0, []];
    const body: KeysResponse = { epochs, grants, due, pendingPages, devicesBehind };
    return sendOk(reply, body);
  });

  app.post('/keys/rotate', async (request, reply) => {
    const caller = await admin(request, reply);
    if (!caller) return reply;
    const body = RotateRequest.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'bad-request');
    const outcome = await storage.startKeyEpoch(caller.user.orgId, {
      ...body.data,
      createdBy: caller.user.id,
      now: ctx.now(),
    });
    if (!outcome.ok) {
      request.log.info({ refused: outcome.error, reason: body.data.reason }, 'key rotation refused');
      if (outcome.error === 'epoch-stale') return sendError(reply, 409, 'epoch-stale');
      if (outcome.error === 'grants-incomplete') return sendError(reply, 400, 'grants-incomplete');
      if (outcome.error === 'not-found') return sendError(reply, 404, 'not-found');
      // 'first' out of place, or an epoch id the organisation already used.
      return sendError(reply, 400, 'bad-request');
    }
    request.log.info(
      { seq: outcome.epoch.seq, reason: outcome.epoch.reason, grants: body.data.grants.length },
      'key epoch started',
    );
    return sendOk(reply.code(201), { epochId: outcome.epoch.epochId });
  });

  app.post('/keys/epochs/:epochId/finish', async (request: EpochRequest, reply) => {
    const caller = await admin(request, reply);
    if (!caller) return reply;
    const epochId = RotateRequest.shape.epochId.safeParse(request.params.epochId);
    if (!epochId.success) return sendError(reply, 400, 'bad-request');
    const outcome = await storage.finishKeyEpoch(caller.user.orgId, epochId.data, ctx.now());
    if (!outcome.ok) return sendError(reply, outcome.error === 'not-found' ? 404 : 409, outcome.error);
    request.log.info({ seq: outcome.epoch.seq }, 'key epoch finished');
    return sendOk(reply, outcome.epoch);
  });

  app.post('/keys/ack', async (request, reply) => {
    const caller = await member(request, reply);
    if (!caller) return reply;
    const body = KeyAckRequest.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'bad-request');
    const acked = await storage.ackKeyEpoch(caller.user.orgId, caller.device.id, body.data.epochId);
    if (!acked) return sendError(reply, 404, 'not-found');
    return sendOk(reply, { epochId: body.data.epochId });
  });
};
