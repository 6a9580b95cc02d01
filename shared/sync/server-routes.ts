// Every route of the sync server as the client calls it: method, path, what it sends and what it answers,
// typed from the wire protocol (protocol*.ts) and, where an answer is used without further checks, a zod
// schema the client checks it against. The server's own handlers live in server/routes/.
import { z } from 'zod';
import type { Anchor } from '../audit';
import { MEMBER_STATUSES, ROLES, type Collection, type PullResponse, type PushResponse } from './protocol';
import type {
  ChangeRoleRequest,
  CreateOrganisationRequest,
  DeviceExposureResponse,
  DeviceSummary,
  InviteRequest,
  JoinRequest,
  MeResponse,
  ReplaceKeysRequest,
  SignInRequest,
  SignInResponse,
  UserSummary,
} from './protocol-accounts';
import type {
  EraseRequest,
  ErasureConfirmRequest,
  ErasureEntry,
  ErasureStatusResponse,
  ErasuresResponse,
} from './protocol-erasure';
import type { KeyAckRequest, KeysResponse, RotateRequest } from './protocol-keys';
import { LinkClicksSchema, type LinkClicksResponse, type RegisterLinksRequest } from './protocol-links';

/**
 * One route. The type parameters say what it answers (`Value`), sends (`Body`) and which path parameters
 * it takes (`Params`); `void` for none.
 */
export interface Route<Value, Body = void, Params = void> {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: (params: Params) => string;
  /** Checks the answer before it is used; without one the answer is taken as the protocol types it. */
  readonly schema?: z.ZodType<Value>;
  /** Safe to send twice: the client may retry it when the first attempt did not reach the server. */
  readonly idempotent?: boolean;
  /** The answer may carry no value. */
  readonly empty?: boolean;
  /** POST /auth/renew itself: never renews before it is sent. */
  readonly renewal?: boolean;
  /** Types only; never set. */
  readonly types?: { value: Value; body: Body; params: Params };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = Route<any, any, any>;
export type RouteValue<R> = R extends Route<infer V, infer _B, infer _P> ? V : never;
export type RouteBody<R> = R extends Route<infer _V, infer B, infer _P> ? B : never;
export type RouteParams<R> = R extends Route<infer _V, infer _B, infer P> ? P : never;

const at = (path: string) => (): string => path;
const seg = encodeURIComponent;

const Time = z.number().int().min(0);
const IdReply = z.object({ id: z.string() });
const DeviceSummarySchema = z.object({
  id: z.string(),
  userId: z.string(),
  createdAt: Time,
  lastSyncAt: Time.nullable(),
  expiresAt: Time,
  revokedAt: Time.nullable(),
}) satisfies z.ZodType<DeviceSummary>;
const UserSummarySchema = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  publicKey: z.string().nullable(),
  keyProof: z.string().nullable(),
  active: z.boolean(),
  status: z.enum(MEMBER_STATUSES),
}) satisfies z.ZodType<UserSummary>;
const MemberChangedSchema = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  status: z.enum(MEMBER_STATUSES),
  revoked: z.number().int().min(0),
});
/** What the server answers a change of a member's role or status. */
export type MemberChanged = z.infer<typeof MemberChangedSchema>;
const ExposureSchema = z.object({
  deviceId: z.string(),
  userId: z.string(),
  lastSyncAt: Time.nullable(),
  revokedAt: Time.nullable(),
  checkpoints: z.record(z.string(), z.number()),
  documents: z.array(
    z.object({
      collection: z.enum(['records', 'items', 'settings']),
      id: z.string(),
      kind: z.string(),
      subjectId: z.string(),
    }),
  ),
});
const AnchorsSchema = z.array(
  z.object({
    deviceId: z.string(),
    seq: z.number(),
    hash: z.string(),
    signer: z.string().nullable().optional(),
  }),
);

const CertificateSchema = z.object({
  tls: z.boolean(),
  fingerprint256: z.string().nullable(),
  source: z.enum(['configured', 'generated']).nullable(),
  validTo: z.string().nullable(),
});
/** GET /server/certificate (admins): the certificate clients pin; `tls: false` when the server has none. */
export type ServerCertificateInfo = z.infer<typeof CertificateSchema>;

/** A member change other than the role: suspend, reinstate, remove. */
export type MemberStatusChange = 'suspend' | 'reinstate' | 'remove';

export const ROUTES = {
  // Accounts (server/routes/accounts.ts)
  createOrganisation: { method: 'POST', path: at('/orgs') } as Route<
    SignInResponse,
    CreateOrganisationRequest
  >,
  prelogin: { method: 'POST', path: at('/auth/prelogin') } as Route<{ kdf: string }, { userId: string }>,
  signIn: { method: 'POST', path: at('/auth/sign-in') } as Route<SignInResponse, SignInRequest>,
  join: { method: 'POST', path: at('/auth/join') } as Route<SignInResponse, JoinRequest>,
  me: { method: 'GET', path: at('/auth/me'), idempotent: true } as Route<MeResponse>,
  replaceKeys: { method: 'POST', path: at('/auth/keys') } as Route<{ id: string }, ReplaceKeysRequest>,
  renewToken: { method: 'POST', path: at('/auth/renew'), renewal: true } as Route<{
    token: string;
    expiresAt: number;
  }>,
  // The admin's calls
  listUsers: {
    method: 'GET',
    path: at('/users'),
    schema: z.array(UserSummarySchema),
    idempotent: true,
  } as Route<UserSummary[]>,
  inviteUser: { method: 'POST', path: at('/users'), schema: IdReply } as Route<{ id: string }, InviteRequest>,
  sealOrgKey: {
    method: 'PUT',
    path: ({ userId }) => `/users/${seg(userId)}/sealed-org-key`,
    schema: IdReply,
    idempotent: true,
  } as Route<{ id: string }, { sealedOrgKey: string }, { userId: string }>,
  changeRole: {
    method: 'PUT',
    path: ({ userId }) => `/users/${seg(userId)}/role`,
    schema: MemberChangedSchema,
  } as Route<MemberChanged, z.infer<typeof ChangeRoleRequest>, { userId: string }>,
  changeMemberStatus: {
    method: 'POST',
    path: ({ userId, change }) => `/users/${seg(userId)}/${change}`,
    schema: MemberChangedSchema,
  } as Route<MemberChanged, Record<string, never>, { userId: string; change: MemberStatusChange }>,
  listDevices: {
    method: 'GET',
    path: at('/devices'),
    schema: z.array(DeviceSummarySchema),
    idempotent: true,
  } as Route<DeviceSummary[]>,
  revokeDevice: {
    method: 'POST',
    path: ({ deviceId }) => `/devices/${seg(deviceId)}/revoke`,
    schema: IdReply,
  } as Route<{ id: string }, void, { deviceId: string }>,
  deviceExposure: {
    method: 'GET',
    path: ({ deviceId }) => `/devices/${seg(deviceId)}/exposure`,
    schema: ExposureSchema,
    idempotent: true,
  } as Route<DeviceExposureResponse, void, { deviceId: string }>,
  serverCertificate: {
    method: 'GET',
    path: at('/server/certificate'),
    schema: CertificateSchema,
    idempotent: true,
  } as Route<ServerCertificateInfo>,
  // Key epochs (server/routes/keys.ts)
  keys: { method: 'GET', path: at('/keys'), idempotent: true } as Route<KeysResponse>,
  rotate: { method: 'POST', path: at('/keys/rotate') } as Route<{ epochId: string }, RotateRequest>,
  finishEpoch: {
    method: 'POST',
    path: ({ epochId }) => `/keys/epochs/${seg(epochId)}/finish`,
  } as Route<unknown, Record<string, never>, { epochId: string }>,
  ackKeys: { method: 'POST', path: at('/keys/ack') } as Route<
    { epochId: string },
    z.infer<typeof KeyAckRequest>
  >,
  // The erasure ledger (server/routes/erasure.ts); every call here may be repeated.
  recordErasure: { method: 'POST', path: at('/erasures'), idempotent: true, empty: true } as Route<
    ErasureEntry,
    EraseRequest
  >,
  erasures: { method: 'GET', path: at('/erasures'), idempotent: true } as Route<ErasuresResponse>,
  confirmErasures: { method: 'POST', path: at('/erasures/confirm'), idempotent: true, empty: true } as Route<
    unknown,
    ErasureConfirmRequest
  >,
  erasureStatus: {
    method: 'GET',
    path: ({ subjectId }) => `/erasures/${seg(subjectId)}`,
    idempotent: true,
  } as Route<ErasureStatusResponse, void, { subjectId: string }>,
  // Replication (server/routes/sync.ts)
  push: {
    method: 'POST',
    path: ({ collection }) => `/sync/${collection}/push`,
    // The rows go as `rawBody`, serialised once to be split by size (replication.ts).
  } as Route<PushResponse, void, { collection: Collection }>,
  pull: {
    method: 'GET',
    path: ({ collection }) => `/sync/${collection}/pull`,
  } as Route<PullResponse, void, { collection: Collection }>,
  stream: { method: 'GET', path: at('/sync/stream') } as Route<never>,
  auditAnchors: {
    method: 'GET',
    path: at('/audit/anchors'),
    schema: AnchorsSchema,
    idempotent: true,
  } as Route<Anchor[]>,
  // Confirmation and unsubscribe links (server/routes/links.ts); registering again changes nothing.
  registerLinks: {
    method: 'POST',
    path: at('/links'),
    // `at`: the server's time of the registration, which dates the tokens (absent from older servers).
    schema: z.object({ registered: z.number().int().min(0), at: Time.optional() }),
    idempotent: true,
  } as Route<{ registered: number; at?: number }, RegisterLinksRequest>,
  linkClicks: {
    method: 'GET',
    path: at('/links/clicks'),
    schema: LinkClicksSchema,
    idempotent: true,
  } as Route<LinkClicksResponse>,
} as const;
