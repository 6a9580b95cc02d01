// The erasure ledger (Art. 17): an admin records that a subject was erased, the server replaces what it
// still stores of the subject by tombstones and refuses it from then on; every device reads the ledger,
// purges the subject and confirms, so the erasure certificate can list each device. Only random ids,
// times and counts pass through here; nothing is logged but counts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  EraseRequest,
  ErasureConfirmRequest,
  ErasuresQuery,
  type ErasuresResponse,
  type ErasureStatusResponse,
} from '../../shared/sync';
import { mayManageOrganisation } from '../../shared/sync';
import { erasureOrderText } from '../../shared/erasure';
import { authenticate, type Caller } from '../auth';
import { verifyEd25519 } from '../signatures';
import type { ServerContext } from '../context';
import { sendError, sendOk } from '../http';

type SubjectRequest = FastifyRequest<{ Params: { subjectId: string } }>;

export const registerErasureRoutes = (app: FastifyInstance, ctx: ServerContext) => {
  const { storage } = ctx;

  const admin = async (request: FastifyRequest, reply: FastifyReply): Promise<Caller | undefined> => {
    const caller = await authenticate(storage, ctx.now(), request, reply);
    if (!caller) return undefined;
    if (!mayManageOrganisation(caller.role)) return void sendError(reply, 403, 'forbidden');
    return caller;
  };

  app.post('/erasures', async (request, reply) => {
    const caller = await admin(request, reply);
    if (!caller) return reply;
    const body = EraseRequest.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'bad-request');
    // The order must be signed by this device's registered key: an order is attributable to a device.
    const { signingKey } = caller.device;
    const text = erasureOrderText(caller.user.orgId, body.data);
    if (!signingKey || body.data.signer !== signingKey || !verifyEd25519(signingKey, text, body.data.sig)) {
      request.log.warn('erasure order refused: not signed by the calling device');
      return sendError(reply, 403, 'erasure-unsigned');
    }
    const outcome = await storage.erase(
      caller.user.orgId,
      { ...body.data, erasedBy: caller.user.id },
      ctx.now(),
    );
    // On disk outside the database before the order is answered (also when repeated: an earlier append
    // may have failed), so a restore from an older backup re-applies it.
    ctx.erasureLedger?.append(caller.user.orgId, outcome.entry);
    request.log.info(
      { created: outcome.created, documents: outcome.documents, sequence: outcome.entry.seq },
      'erasure',
    );
    return sendOk(reply.code(outcome.created ? 201 : 200), outcome.entry);
  });

  app.get('/erasures', async (request, reply) => {
    const caller = await authenticate(storage, ctx.now(), request, reply);
    if (!caller) return reply;
    const query = ErasuresQuery.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'bad-request');
    const erasures = await storage.erasures(caller.user.orgId, query.data.after);
    const body: ErasuresResponse = { erasures, checkpoint: erasures.at(-1)?.seq ?? query.data.after };
    return sendOk(reply, body);
  });

  app.post('/erasures/confirm', async (request, reply) => {
    const caller = await authenticate(storage, ctx.now(), request, reply);
    if (!caller) return reply;
    const body = ErasureConfirmRequest.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'bad-request');
    // Ids that were never erased are ignored: a device cannot confirm what the ledger does not hold.
    const confirmed = await storage.confirmErasures(
      caller.user.orgId,
      caller.device.id,
      [...new Set(body.data.subjectIds)],
      ctx.now(),
    );
    return sendOk(reply, { confirmed });
  });

  app.get('/erasures/:subjectId', async (request: SubjectRequest, reply) => {
    const caller = await admin(request, reply);
    if (!caller) return reply;
    const subjectId = EraseRequest.shape.subjectId.safeParse(request.params.subjectId);
    if (!subjectId.success) return sendError(reply, 400, 'bad-request');
    const orgId = caller.user.orgId;
    const erasure = await storage.erasure(orgId, subjectId.data);
    if (!erasure) return sendError(reply, 404, 'not-erased');
    const [confirmations, devices] = await Promise.all([
      storage.erasureConfirmations(orgId, subjectId.data),
      storage.listDevices(orgId),
    ]);
    const users = new Map(devices.map((d) => [d.id, d.userId]));
    const confirmedIds = new Set(confirmations.map((c) => c.deviceId));
    const body: ErasureStatusResponse = {
      erasure,
      confirmed: confirmations.map((c) => ({ ...c, userId: users.get(c.deviceId) ?? '' })),
      outstanding: devices
        .filter((d) => d.revokedAt === null && !confirmedIds.has(d.id))
        .map((d) => ({ deviceId: d.id, userId: d.userId, lastSyncAt: d.lastSyncAt })),
    };
    return sendOk(reply, body);
  });
};
