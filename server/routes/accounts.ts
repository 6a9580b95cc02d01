// Organisation, users and devices. Everything a client sends here is made and encrypted on the client;
// the server keeps it as opaque text and stores only hashes of the auth verifier, invite codes and tokens.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  ChangeRoleRequest,
  CreateOrganisationRequest,
  InviteRequest,
  JoinRequest,
  PreloginRequest,
  ReplaceKeysRequest,
  SealOrgKeyRequest,
  SignInRequest,
  type MeResponse,
  type SignInResponse,
} from '../../shared/sync';
import { mayManageOrganisation } from '../../shared/sync';
import { createAttemptLimiter } from '../attempts';
import { authenticate, newDeviceId, newToken, sameHash, sha256, type Caller } from '../auth';
import type { ServerContext } from '../context';
import { sendError, sendOk } from '../http';
import { addressKey } from '../limits';
import type { UserRow } from '../storage/types';

const parse = <S extends z.ZodType>(
  schema: S,
  body: unknown,
  reply: FastifyReply,
): z.infer<S> | undefined => {
  const result = schema.safeParse(body);
  if (!result.success) return void sendError(reply, 400, 'bad-request');
  return result.data;
};

export const registerAccountRoutes = (app: FastifyInstance, ctx: ServerContext) => {
  const { storage, addresses } = ctx;
  // Per user and source address: wrong passphrases from one place cannot lock the user out elsewhere.
  const attempts = createAttemptLimiter(ctx.now, ctx.limits.lockoutFailures, ctx.limits.lockoutMs);
  const pair = (userId: string, request: FastifyRequest) => `${userId} ${addressKey(request.ip)}`;

  /**
   * An attempt at something guessable, counted as failed before anything is awaited, so parallel
   * attempts see it at once (PostgreSQL answers them all before any would have been counted after), and
   * taken back unless the attempt calls `failed`. Answers 429 (with Retry-After) while the source address
   * waits after too many failures; `user` also counts it for the user at this address (false: locked out).
   */
  const guarded = async (
    request: FastifyRequest,
    reply: FastifyReply,
    attempt: (tries: { user(userId: string): boolean; failed(): void }) => Promise<unknown>,
  ) => {
    const address = addresses.reserve(request.ip);
    if (address.wait > 0)
      return sendError(
        reply.header('Retry-After', String(Math.ceil(address.wait / 1000))),
        429,
        'too-many-attempts',
      );
    const users: string[] = [];
    let failed = false;
    try {
      return await attempt({
        user(userId) {
          const key = pair(userId, request);
          if (!attempts.reserve(key)) return false;
          users.push(key);
          return true;
        },
        failed: () => void (failed = true),
      });
    } finally {
      if (!failed) {
        address.refund();
        for (const key of users) attempts.refund(key);
      }
    }
  };

  /**
   * Registers a new device for the user, with the device's public signing key, and answers what the
   * client needs to open its keys.
   */
  const signIn = async (user: UserRow, signingKey: string): Promise<SignInResponse> => {
    const token = newToken();
    const now = ctx.now();
    const device = {
      id: newDeviceId(),
      orgId: user.orgId,
      userId: user.id,
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt: now + ctx.tokenLifetimeMs,
      lastSyncAt: null,
      revokedAt: null,
      signingKey,
    };
    await storage.insertDevice(device);
    return session(user, device, token);
  };

  /** What a signed-in device needs: its id and token, and the user's keys to open. */
  const session = (
    user: UserRow,
    device: { id: string; expiresAt: number },
    token: string,
  ): SignInResponse => {
    if (!user.keys) throw new Error('A signed-in user has keys');
    return {
      deviceId: device.id,
      token,
      expiresAt: device.expiresAt,
      user: {
        id: user.id,
        orgId: user.orgId,
        role: user.role,
        keys: user.keys,
        sealedOrgKey: user.sealedOrgKey,
      },
    };
  };

  const admin = async (
    request: Parameters<typeof authenticate>[2],
    reply: FastifyReply,
  ): Promise<Caller | undefined> => {
    const caller = await authenticate(storage, ctx.now(), request, reply);
    if (!caller) return undefined;
    if (!mayManageOrganisation(caller.role)) return void sendError(reply, 403, 'forbidden');
    return caller;
  };

  app.post('/orgs', (request, reply) =>
    guarded(request, reply, async (tries) => {
      // The first organisation is open to create; any further one needs the code the server printed.
      if (ctx.setupCode !== undefined && (await storage.organisationCount()) > 0) {
        const given = request.headers['x-kluis-setup-code'];
        if (typeof given !== 'string' || !sameHash(sha256(given), sha256(ctx.setupCode))) {
          tries.failed();
          return sendError(reply, 403, 'setup-code-required');
        }
      }
      const body = parse(CreateOrganisationRequest, request.body, reply);
      if (!body) return reply;
      const user: UserRow = {
        id: body.userId,
        orgId: body.orgId,
        role: 'admin',
        verifierHash: sha256(body.authVerifier),
        inviteHash: null,
        keys: body.keys,
        sealedOrgKey: body.sealedOrgKey,
      };
      // A client with page keys names its first one: key epoch 0, made by this admin.
      const created = await storage.createOrganisation(body.orgId, user, ctx.now(), body.pageKeyId);
      if (created !== 'ok') {
        tries.failed();
        return sendError(reply, 409, created);
      }
      return sendOk(reply.code(201), await signIn(user, body.signingKey));
    }),
  );

  app.post('/auth/prelogin', (request, reply) =>
    guarded(request, reply, async (tries) => {
      const body = parse(PreloginRequest, request.body, reply);
      if (!body) return reply;
      const user = await storage.getUser(body.userId);
      if (!user?.keys || user.status === 'removed') {
        // Asking for user ids that do not exist is how one would enumerate them.
        tries.failed();
        return sendError(reply, 401, 'wrong-credentials');
      }
      if (user.status === 'suspended') return sendError(reply, 403, 'account-suspended');
      return sendOk(reply, { kdf: user.keys.kdf });
    }),
  );

  app.post('/auth/sign-in', (request, reply) =>
    guarded(request, reply, async (tries) => {
      const body = parse(SignInRequest, request.body, reply);
      if (!body) return reply;
      if (!tries.user(body.userId)) return sendError(reply, 429, 'too-many-attempts');
      const user = await storage.getUser(body.userId);
      if (!user?.verifierHash || !sameHash(user.verifierHash, sha256(body.authVerifier))) {
        tries.failed();
        return sendError(reply, 401, 'wrong-credentials');
      }
      attempts.succeeded(pair(body.userId, request));
      // Checked after the verifier, so the answer tells a suspension only to someone with the passphrase.
      if (user.status === 'removed') return sendError(reply, 401, 'wrong-credentials');
      if (user.status === 'suspended') return sendError(reply, 403, 'account-suspended');
      // No key sealed to the user yet: a device now would hold nothing and sync never (issue 20).
      if (user.sealedOrgKey === null) return sendError(reply, 403, 'awaiting-org-key');
      if (body.deviceId === undefined) return sendOk(reply, await signIn(user, body.signingKey));
      // Again on a known device (its token expired offline): the same device, its own signing key.
      const [found] = await storage.devicesWithUsers([body.deviceId]);
      const device = found?.device;
      if (!device || device.userId !== user.id || device.signingKey !== body.signingKey)
        return sendError(reply, 403, 'forbidden');
      if (device.revokedAt !== null) return sendError(reply, 401, 'device-revoked', { wipe: true });
      const token = newToken();
      const expiresAt = ctx.now() + ctx.tokenLifetimeMs;
      await storage.renewDevice(device.id, sha256(token), expiresAt);
      return sendOk(reply, session(user, { id: device.id, expiresAt }, token));
    }),
  );

  app.post('/auth/join', (request, reply) =>
    guarded(request, reply, async (tries) => {
      const body = parse(JoinRequest, request.body, reply);
      if (!body) return reply;
      if (!tries.user(body.userId)) return sendError(reply, 429, 'too-many-attempts');
      const user = await storage.getUser(body.userId);
      if (!user?.inviteHash || !sameHash(user.inviteHash, sha256(body.inviteCode))) {
        tries.failed();
        return sendError(reply, 401, 'wrong-credentials');
      }
      const joined = { ...user, inviteHash: null, verifierHash: sha256(body.authVerifier), keys: body.keys };
      // Compare-and-set on the invite hash read above: of concurrent joins with one code, one wins; the
      // others find the code spent and get no device.
      const redeemed = await storage.redeemInvite(user.orgId, user.id, user.inviteHash, {
        verifierHash: joined.verifierHash,
        keys: joined.keys,
      });
      // The losing racer knew the code: not counted as a guess.
      if (!redeemed) return sendError(reply, 401, 'wrong-credentials');
      attempts.succeeded(pair(body.userId, request));
      return sendOk(reply, await signIn(joined, body.signingKey));
    }),
  );

  // A device that joined with an invite code polls this until an admin's device sealed the key to it.
  app.get('/auth/me', async (request, reply) => {
    const caller = await authenticate(storage, ctx.now(), request, reply);
    if (!caller) return reply;
    const { user } = caller;
    if (!user.keys) return sendError(reply, 401, 'unauthenticated');
    const me: MeResponse = {
      id: user.id,
      orgId: user.orgId,
      role: user.role,
      keys: user.keys,
      sealedOrgKey: user.sealedOrgKey,
    };
    return sendOk(reply, me);
  });

  // The user's own device replaces the account's keys: after a join (the organisation-key box), or for a
  // passphrase change (a new verifier too). Authorised by the device token and the current verifier;
  // compare-and-set on the verifier, so the old passphrase signs in nowhere once this answered.
  app.post('/auth/keys', async (request, reply) => {
    const caller = await authenticate(storage, ctx.now(), request, reply);
    if (!caller) return reply;
    const body = parse(ReplaceKeysRequest, request.body, reply);
    if (!body) return reply;
    const { user } = caller;
    if (!attempts.allowed(pair(user.id, request))) return sendError(reply, 429, 'too-many-attempts');
    const expected = sha256(body.authVerifier);
    if (!user.verifierHash || !sameHash(user.verifierHash, expected)) {
      attempts.failed(pair(user.id, request));
      return sendError(reply, 401, 'wrong-credentials');
    }
    // The public key is the user's identity, to which grants are sealed: it never changes here.
    if (!user.keys || body.keys.publicKey !== user.keys.publicKey) return sendError(reply, 403, 'forbidden');
    const { keyProof } = user.keys;
    const replaced = await storage.replaceUserKeys(user.orgId, user.id, user.verifierHash, {
      verifierHash: body.newAuthVerifier ? sha256(body.newAuthVerifier) : user.verifierHash,
      keys: { ...body.keys, ...(keyProof ? { keyProof } : {}) },
    });
    if (!replaced) return sendError(reply, 409, 'passphrase-changed');
    attempts.succeeded(pair(user.id, request));
    // The join is finished (the first box): the user's other devices that never synced never held the
    // key — a join's device closed while it waited — and would stay in every erasure's count for good.
    if (!user.keys.orgKeyBox && body.keys.orgKeyBox) {
      const ghosts = (await storage.listDevices(user.orgId)).filter(
        (d) => d.userId === user.id && d.id !== caller.device.id && d.lastSyncAt === null && !d.revokedAt,
      );
      for (const ghost of ghosts) await storage.revokeDevice(user.orgId, ghost.id, ctx.now());
    }
    request.log.info({ newVerifier: body.newAuthVerifier !== undefined }, 'account keys replaced');
    return sendOk(reply, { id: user.id });
  });

  app.post('/auth/renew', async (request, reply) => {
    const caller = await authenticate(storage, ctx.now(), request, reply);
    if (!caller) return reply;
    const token = newToken();
    const expiresAt = ctx.now() + ctx.tokenLifetimeMs;
    await storage.renewDevice(caller.device.id, sha256(token), expiresAt);
    return sendOk(reply, { token, expiresAt });
  });

  app.get('/users', async (request, reply) => {
    const caller = await admin(request, reply);
    if (!caller) return reply;
    return sendOk(reply, await storage.listUsers(caller.user.orgId));
  });

  app.post('/users', async (request, reply) => {
    const caller = await admin(request, reply);
    if (!caller) return reply;
    const body = parse(InviteRequest, request.body, reply);
    if (!body) return reply;
    const inserted = await storage.insertUser({
      id: body.userId,
      orgId: caller.user.orgId,
      role: body.role,
      verifierHash: null,
      inviteHash: sha256(body.inviteCode),
      keys: null,
      sealedOrgKey: null,
    });
    if (inserted !== 'ok') return sendError(reply, 409, inserted);
    return sendOk(reply.code(201), { id: body.userId });
  });

  app.put<{ Params: { userId: string } }>('/users/:userId/sealed-org-key', async (request, reply) => {
    const caller = await admin(request, reply);
    if (!caller) return reply;
    const body = parse(SealOrgKeyRequest, request.body, reply);
    if (!body) return reply;
    // Scoped to the caller's organisation: another organisation's user id is simply not found.
    const updated = await storage.updateUser(caller.user.orgId, request.params.userId, {
      sealedOrgKey: body.sealedOrgKey,
    });
    if (!updated) return sendError(reply, 404, 'not-found');
    return sendOk(reply, { id: request.params.userId });
  });

  /**
   * Role changes, suspension, reinstatement and removal (admins). A role applies from the user's next
   * request; a suspended user is refused everywhere; a removed user's devices are revoked and told to
   * wipe, and they sign in nowhere again. The organisation always keeps one active admin.
   */
  const changeMember = async (
    request: FastifyRequest<{ Params: { userId: string } }>,
    reply: FastifyReply,
    change: (user: UserRow) => Partial<Pick<UserRow, 'role' | 'status'>> | undefined,
  ) => {
    const caller = await admin(request, reply);
    if (!caller) return reply;
    const target = await storage.getUser(request.params.userId);
    if (!target || target.orgId !== caller.user.orgId) return sendError(reply, 404, 'not-found');
    if (target.status === 'removed') return sendError(reply, 404, 'not-found');
    const fields = change(target);
    if (!fields) return reply;
    const after = { ...target, ...fields };
    const admins = (await storage.listUsers(caller.user.orgId)).filter(
      (u) => u.role === 'admin' && u.status === 'active' && u.id !== target.id,
    );
    if (!(after.role === 'admin' && after.status === 'active') && admins.length === 0)
      return sendError(reply, 409, 'last-admin');
    const now = ctx.now();
    await storage.updateUser(caller.user.orgId, target.id, {
      ...fields,
      ...(fields.status ? { statusAt: now } : {}),
    });
    const revoked =
      fields.status === 'removed' ? await storage.revokeUserDevices(target.orgId, target.id, now) : 0;
    // The removed member's devices held the page key: the organisation's next rotation is due. Recorded
    // after the removal, so a rotation racing it either leaves the member out or is followed by another.
    if (fields.status === 'removed') await storage.addRotationDue(target.orgId, 'removal', now);
    request.log.info({ role: fields.role, status: fields.status, revoked }, 'member changed');
    return sendOk(reply, { id: target.id, role: after.role, status: after.status ?? 'active', revoked });
  };

  app.put<{ Params: { userId: string } }>('/users/:userId/role', (request, reply) =>
    changeMember(request, reply, () => {
      const body = parse(ChangeRoleRequest, request.body, reply);
      return body ? { role: body.role } : undefined;
    }),
  );
  app.post<{ Params: { userId: string } }>('/users/:userId/suspend', (request, reply) =>
    changeMember(request, reply, () => ({ status: 'suspended' })),
  );
  app.post<{ Params: { userId: string } }>('/users/:userId/reinstate', (request, reply) =>
    changeMember(request, reply, () => ({ status: 'active' })),
  );
  app.post<{ Params: { userId: string } }>('/users/:userId/remove', (request, reply) =>
    changeMember(request, reply, () => ({ status: 'removed' })),
  );

  app.get('/devices', async (request, reply) => {
    const caller = await admin(request, reply);
    if (!caller) return reply;
    return sendOk(reply, await storage.listDevices(caller.user.orgId));
  });

  app.post<{ Params: { deviceId: string } }>('/devices/:deviceId/revoke', async (request, reply) => {
    const caller = await admin(request, reply);
    if (!caller) return reply;
    const revoked = await storage.revokeDevice(caller.user.orgId, request.params.deviceId, ctx.now());
    if (!revoked) return sendError(reply, 404, 'not-found');
    return sendOk(reply, { id: request.params.deviceId });
  });
};
