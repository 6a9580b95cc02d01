// Device exposure (Art. 33/34, the lost-laptop drill): which documents a device held at its last sync,
// from the highest sequence each of its pulls was served and the documents it pushed first. Ids and
// plaintext metadata only; the admin's client maps them to people by decrypting locally. Streamed in
// pages, so a device that held 100,000 documents costs the server one page of memory at a time.
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DeviceExposureResponse, ExposedDocument } from '../../shared/sync';
import { mayManageOrganisation } from '../../shared/sync';
import { authenticate } from '../auth';
import type { ServerContext } from '../context';
import { sendError } from '../http';
import type { Storage } from '../storage/types';

/** Documents read per query: big enough that 100,000 take 50 queries, small enough to hold in memory. */
export const EXPOSURE_PAGE = 2000;

const EXPOSED: readonly ExposedDocument['collection'][] = ['records', 'items', 'settings'];

type DeviceRequest = FastifyRequest<{ Params: { deviceId: string } }>;

/** The response as JSON text in chunks: the device's summary first, then the documents page by page. */
async function* exposureJson(
  storage: Storage,
  orgId: string,
  head: Omit<DeviceExposureResponse, 'documents'>,
): AsyncGenerator<string> {
  const opening = JSON.stringify({ ok: true, value: { ...head, documents: [] } });
  // Everything up to the documents' opening bracket, so the pages can be written inside the array.
  yield opening.slice(0, opening.length - 3);
  let first = true;
  for (const collection of EXPOSED) {
    const checkpoint = head.checkpoints[collection] ?? 0;
    let after: string | null = null;
    for (;;) {
      const page = await storage.exposedDocuments(orgId, head.deviceId, {
        collection,
        checkpoint,
        after,
        limit: EXPOSURE_PAGE,
      });
      if (page.length > 0) {
        const text = page.map((doc) => JSON.stringify(doc)).join(',');
        yield first ? text : `,${text}`;
        first = false;
      }
      if (page.length < EXPOSURE_PAGE) break;
      after = (page.at(-1) as ExposedDocument).id;
    }
  }
  yield ']}}';
}

export const registerExposureRoutes = (app: FastifyInstance, ctx: ServerContext) => {
  const { storage } = ctx;

  app.get('/devices/:deviceId/exposure', async (request: DeviceRequest, reply) => {
    const caller = await authenticate(storage, ctx.now(), request, reply);
    if (!caller) return reply;
    if (!mayManageOrganisation(caller.role)) return sendError(reply, 403, 'forbidden');
    const orgId = caller.user.orgId;
    // Another organisation's device is simply not found.
    const device = (await storage.listDevices(orgId)).find((d) => d.id === request.params.deviceId);
    if (!device) return sendError(reply, 404, 'not-found');
    await ctx.checkpoints.flush(); // what the last pulls served counts too
    const head: Omit<DeviceExposureResponse, 'documents'> = {
      deviceId: device.id,
      userId: device.userId,
      lastSyncAt: device.lastSyncAt,
      revokedAt: device.revokedAt,
      checkpoints: await storage.deviceCheckpoints(device.id),
    };
    request.log.info({ checkpoints: Object.keys(head.checkpoints).length }, 'device exposure');
    return reply
      .type('application/json; charset=utf-8')
      .send(Readable.from(exposureJson(storage, orgId, head)));
  });
};
