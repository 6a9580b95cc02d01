// Territories (issue 19, point 2): an admin's device names the holders of a territory's key with a grant
// sealed to each; every member reads their own grants. From who holds which tag the pull and the event
// stream decide what a device is sent (visibleTo): in an organisation with territories, a member who is not
// an admin receives a territory's key pages, records and items only if they hold its key. Documents of no
// territory, and everything of an organisation without territories, go to everyone as before. Only counts
// are logged, never tags or user ids.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mayManageOrganisation, type Collection, type PullResponse } from '../../shared/sync';
import {
  PutTerritoryRequest,
  TerritoryTagParam,
  territoryOfDocument,
  territoryOfKeyId,
  territoryOfPage,
  type TerritoryGrantsResponse,
  type TerritoryHoldersResponse,
} from '../../shared/territories';
import { authenticate, type Caller } from '../auth';
import type { ServerContext } from '../context';
import { sendError, sendOk } from '../http';
import type { TerritoryStore } from '../storage/territories';
import { registerMoveRoutes } from './territory-moves';

/**
 * The territories whose documents of this collection the caller receives besides those of no territory, or
 * null when all of them: admins, an organisation without territories, and collections that hold no
 * subject's data.
 */
export const heldTerritories = async (
  territories: TerritoryStore | undefined,
  caller: Pick<Caller, 'role' | 'user'>,
  collection: Collection,
  /** `held`: a first sync's settings pull, which leaves out first arrivals elsewhere (PullQuery). */
  arrivals?: 'held',
): Promise<ReadonlySet<string> | null> => {
  if (!territories || caller.role === 'admin') return null;
  const subjects = collection === 'records' || collection === 'items' || collection === 'keys';
  if (!subjects && !(collection === 'settings' && arrivals === 'held')) return null;
  const access = await territories.access(caller.user.orgId, caller.user.id);
  return access.any ? access.held : null;
};

const holding =
  (collection: Collection, held: ReadonlySet<string>) =>
  (doc: { id?: unknown; keyId?: unknown; kind?: unknown }): boolean => {
    const tag = territoryOfDocument(collection, doc);
    return tag === null || held.has(tag);
  };

/** Which pulled documents of this collection the caller may receive (heldTerritories), or null when all. */
export const visibleTo = async (
  territories: TerritoryStore | undefined,
  caller: Pick<Caller, 'role' | 'user'>,
  collection: Collection,
): Promise<((doc: { id?: unknown; keyId?: unknown; kind?: unknown }) => boolean) | null> => {
  const held = await heldTerritories(territories, caller, collection);
  return held ? holding(collection, held) : null;
};

/** Stored documents parsed, those of a territory not in `held` left out (null: none left out). */
export const visibleAmong = (
  collection: Collection,
  held: ReadonlySet<string> | null,
  docs: readonly { doc: string }[],
): PullResponse['documents'] => {
  const parsed = docs.map(({ doc }) => JSON.parse(doc) as PullResponse['documents'][number]);
  return held ? parsed.filter(holding(collection, held)) : parsed;
};

/**
 * The documents of a pull page the caller is sent (visibleTo), parsed: the pull route's answer. The page's
 * checkpoint stays that of its last stored document, so the device moves past what it was not sent.
 */
export const visibleDocs = async (
  territories: TerritoryStore | undefined,
  caller: Pick<Caller, 'role' | 'user'>,
  collection: Collection,
  docs: readonly { doc: string }[],
): Promise<PullResponse['documents']> =>
  visibleAmong(collection, await heldTerritories(territories, caller, collection), docs);

/**
 * Whether every live key page of a push is under the key its id says (T8): a territory's page under that
 * territory's current epoch, as an admin's device last granted it, and any other page under no territory's
 * key. A made-up epoch, another territory's key, or a territory key on an organisation-wide page would
 * pass the page-key epoch rule (push-rules.ts) and leave a page no holder can open, or one under a key of
 * the writer's own. Tombstones carry no key and are not held to it.
 */
const pagesUnderTheirKeys = async (
  territories: TerritoryStore | undefined,
  orgId: string,
  rows: readonly { doc: string }[],
): Promise<boolean> => {
  let epochs: Map<string, string> | undefined;
  for (const { doc } of rows) {
    const page = JSON.parse(doc) as { id?: unknown; keyId?: unknown; _deleted?: unknown };
    if (page._deleted === true) continue;
    const keyId = typeof page.keyId === 'string' ? page.keyId : '';
    const tag = territoryOfKeyId(keyId);
    if (tag !== (typeof page.id === 'string' ? territoryOfPage(page.id) : null)) return false;
    if (tag === null) continue;
    if (!territories) return false;
    epochs ??= new Map((await territories.holders(orgId)).map((t) => [t.tag, t.epochId]));
    const epochId = epochs.get(tag);
    if (epochId === undefined || keyId !== `t${tag}:${epochId}`) return false;
  }
  return true;
};

/**
 * Whether the caller may push these documents: none of a territory they do not hold (a sales user wrote
 * into another territory, or over one of its documents, by its id), and no key page under a key its id
 * does not name (pagesUnderTheirKeys). Admins, and organisations without territories, may push into any.
 */
export const mayPushInto = async (
  territories: TerritoryStore | undefined,
  caller: Pick<Caller, 'role' | 'user'>,
  collection: Collection,
  rows: readonly { doc: string; assumed: string | null }[],
): Promise<boolean> => {
  if (collection === 'keys' && !(await pagesUnderTheirKeys(territories, caller.user.orgId, rows)))
    return false;
  const visible = await visibleTo(territories, caller, collection);
  const states = rows.flatMap((row) => (row.assumed ? [row.doc, row.assumed] : [row.doc]));
  return (
    !visible ||
    states.every((doc) => visible(JSON.parse(doc) as { id?: unknown; keyId?: unknown; kind?: unknown }))
  );
};

/**
 * A push the event stream may carry to every device: none that holds a territory's document, whose event
 * then says only the checkpoint, so every device pulls it through the filter above.
 */
export const carriable = <C extends { collection: Collection; docs: readonly { doc: string }[] }>(
  ctx: Pick<ServerContext, 'territories'>,
  carried: C | undefined,
): C | undefined =>
  ctx.territories !== undefined &&
  carried?.docs.some(
    (d) =>
      territoryOfDocument(
        carried.collection,
        JSON.parse(d.doc) as { id?: unknown; keyId?: unknown; kind?: unknown },
      ) !== null,
  )
    ? undefined
    : carried;

type TagRequest = FastifyRequest<{ Params: { tag: string } }>;

export const registerTerritoryRoutes = (
  app: FastifyInstance,
  ctx: ServerContext,
  territories: TerritoryStore,
) => {
  const { storage } = ctx;

  const member = async (request: FastifyRequest, reply: FastifyReply): Promise<Caller | undefined> => {
    const caller = await authenticate(storage, ctx.now(), request, reply);
    if (caller && caller.user.sealedOrgKey === null) return void sendError(reply, 403, 'awaiting-org-key');
    return caller;
  };

  const admin = async (request: FastifyRequest, reply: FastifyReply): Promise<Caller | undefined> => {
    const caller = await member(request, reply);
    if (caller && !mayManageOrganisation(caller.role)) return void sendError(reply, 403, 'forbidden');
    return caller;
  };

  app.put('/territories/:tag', async (request: TagRequest, reply) => {
    const caller = await admin(request, reply);
    if (!caller) return reply;
    const tag = TerritoryTagParam.safeParse(request.params);
    const body = PutTerritoryRequest.safeParse(request.body);
    if (!tag.success || !body.success) return sendError(reply, 400, 'bad-request');
    const userIds = body.data.grants.map((g) => g.userId);
    if (new Set(userIds).size !== userIds.length) return sendError(reply, 400, 'bad-request');
    // Every holder must be an active member of the caller's organisation.
    const members = new Map((await storage.listUsers(caller.user.orgId)).map((u) => [u.id, u]));
    if (userIds.some((id) => members.get(id)?.status !== 'active')) return sendError(reply, 404, 'not-found');
    await territories.replace(caller.user.orgId, tag.data.tag, body.data.epochId, body.data.grants);
    request.log.info({ holders: userIds.length }, 'territory holders set');
    return sendOk(reply, { holders: userIds.length });
  });

  app.get('/territories/grants', async (request, reply) => {
    const caller = await member(request, reply);
    if (!caller) return reply;
    const body: TerritoryGrantsResponse = {
      grants: await territories.grantsOf(caller.user.orgId, caller.user.id),
    };
    return sendOk(reply, body);
  });

  app.get('/territories', async (request, reply) => {
    const caller = await admin(request, reply);
    if (!caller) return reply;
    const body: TerritoryHoldersResponse = { territories: await territories.holders(caller.user.orgId) };
    return sendOk(reply, body);
  });

  registerMoveRoutes(app, ctx, territories, { member, admin });
};
