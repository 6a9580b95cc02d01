// Moves' purges (issue 19; shared/territories/protocol.ts): an admin's device names the move notes it
// made, the server notes the devices that should let the moved subjects go, each device confirms by the
// note's id, and the admin reads per move who confirmed and who is outstanding — the erasure routes'
// confirmed/outstanding (routes/erasure.ts), for a purge whose reason is a move. A device confirms every
// move it holds nothing of (shared/territories/move-purges.ts); only the expected devices' count. Which devices: those not
// revoked, of users who are not admins, held a territory a subject left (or any member, for a subject of no
// territory) and do not hold the one it went to, and that had synced by then (a device that never pulled
// holds nothing). Only random ids, tags the key pages show anyway, and counts pass; only counts are logged.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ConfirmMovesRequest,
  RegisterMovesRequest,
  type ConfirmMovesResponse,
  type TerritoryMovesResponse,
} from '../../shared/territories';
import type { Caller } from '../auth';
import type { ServerContext } from '../context';
import { sendError, sendOk } from '../http';
import type { TerritoryStore } from '../storage/territories';

/** The most moves the admin's list answers (an apply of 100,000 subjects leaves 200 notes). */
const LISTED = 500;

type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<Caller | undefined>;

export const registerMoveRoutes = (
  app: FastifyInstance,
  ctx: ServerContext,
  territories: TerritoryStore,
  roles: { readonly member: Guard; readonly admin: Guard },
) => {
  const { storage } = ctx;

  app.post('/territories/moves', async (request, reply) => {
    const caller = await roles.admin(request, reply);
    if (!caller) return reply;
    const body = RegisterMovesRequest.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'bad-request');
    const orgId = caller.user.orgId;
    const [users, devices, holders] = await Promise.all([
      storage.listUsers(orgId),
      storage.listDevices(orgId),
      territories.holders(orgId),
    ]);
    const held = new Map(holders.map((t) => [t.tag, new Set(t.holders)]));
    const members = users.filter((u) => u.role !== 'admin' && u.status !== 'removed').map((u) => u.id);
    const moves = body.data.moves.map(({ moveId, to, from }) => {
      const losing = new Set(
        members.filter(
          (id) => !held.get(to)?.has(id) && from.some((tag) => tag === null || held.get(tag)?.has(id)),
        ),
      );
      const expected = devices
        .filter((d) => d.revokedAt === null && d.lastSyncAt !== null && losing.has(d.userId))
        .map((d) => d.id);
      return { moveId, expected };
    });
    const added = await territories.followMoves(orgId, moves, ctx.now());
    request.log.info({ moves: moves.length, added }, 'territory moves followed');
    return sendOk(reply, { added });
  });

  app.post('/territories/moves/confirm', async (request, reply) => {
    const caller = await roles.member(request, reply);
    if (!caller) return reply;
    const body = ConfirmMovesRequest.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'bad-request');
    // Ids the server does not follow (yet) are left out: the device sends them again later.
    const confirmed = await territories.confirmMoves(
      caller.user.orgId,
      caller.device.id,
      [...new Set(body.data.moveIds)],
      ctx.now(),
    );
    const answer: ConfirmMovesResponse = { confirmed };
    return sendOk(reply, answer);
  });

  app.get('/territories/moves', async (request, reply) => {
    const caller = await roles.admin(request, reply);
    if (!caller) return reply;
    const orgId = caller.user.orgId;
    const [moves, devices] = await Promise.all([
      territories.followedMoves(orgId, LISTED),
      storage.listDevices(orgId),
    ]);
    const byId = new Map(devices.map((d) => [d.id, d]));
    const body: TerritoryMovesResponse = {
      moves: moves.map((m) => {
        // Only the devices expected count (a device may confirm a move it held nothing of).
        const expected = new Set(m.expected);
        const confirmations = m.confirmations.filter((c) => expected.has(c.deviceId));
        const confirmedIds = new Set(confirmations.map((c) => c.deviceId));
        return {
          moveId: m.moveId,
          at: m.at,
          confirmed: confirmations.map((c) => ({ ...c, userId: byId.get(c.deviceId)?.userId ?? '' })),
          // A device revoked since is no longer waited for (its wipe is the revocation's business).
          outstanding: m.expected.flatMap((id) => {
            const d = byId.get(id);
            return d && d.revokedAt === null && !confirmedIds.has(id)
              ? [{ deviceId: id, userId: d.userId, lastSyncAt: d.lastSyncAt }]
              : [];
          }),
        };
      }),
    };
    return sendOk(reply, body);
  });
};
