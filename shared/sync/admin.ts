// The organisation admin's calls: list the devices, revoke one, invite a user with a role. Requests are
// checked with the protocol's zod schemas before they leave, and answers are checked before they are used.
// The invite code is made here; the server keeps only its hash, so this is the one moment it can be shown.
import { z } from 'zod';
import { randomBytes, toBase64 } from '../crypto/bytes';
import { err, ok, type Result } from '../platform/result';
import { newId } from '../vault/keyring';
import type { AccountError, AccountLink, Fetch } from './account';
import { InviteRequest, ROLES, type DeviceSummary, type ErrorCode, type Role } from './protocol';

const Time = z.number().int().min(0);
const DeviceSummarySchema = z.object({
  id: z.string(),
  userId: z.string(),
  createdAt: Time,
  lastSyncAt: Time.nullable(),
  expiresAt: Time,
  revokedAt: Time.nullable(),
}) satisfies z.ZodType<DeviceSummary>;
const DeviceList = z.array(DeviceSummarySchema);
const IdReply = z.object({ id: z.string() });

type Reply<T> = Result<T, AccountError>;
type Admin = Pick<AccountLink, 'serverUrl' | 'token'>;

const call = async <S extends z.ZodType>(
  fetch: Fetch,
  link: Admin,
  method: 'GET' | 'POST',
  path: string,
  schema: S,
  body?: unknown,
): Promise<Reply<z.infer<S>>> => {
  let response: Response;
  try {
    response = await fetch(`${link.serverUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${link.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return err('offline');
  }
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    return err('bad-response');
  }
  const reply = parsed as { ok?: boolean; value?: unknown; error?: ErrorCode };
  if (reply.ok !== true) return err(typeof reply.error === 'string' ? reply.error : 'bad-response');
  const value = schema.safeParse(reply.value);
  return value.success ? ok(value.data as z.infer<S>) : err('bad-response');
};

/** Every device of every user in the admin's organisation. */
export const listDevices = (fetch: Fetch, link: Admin): Promise<Reply<DeviceSummary[]>> =>
  call(fetch, link, 'GET', '/devices', DeviceList);

/** Refuses the device from now on; the next time it talks to the server it wipes its local copy. */
export const revokeDevice = async (fetch: Fetch, link: Admin, deviceId: string): Promise<Reply<void>> => {
  const done = await call(fetch, link, 'POST', `/devices/${encodeURIComponent(deviceId)}/revoke`, IdReply);
  return done.ok ? ok(undefined) : done;
};

export interface Invitation {
  readonly userId: string;
  readonly role: Role;
  /** Shown once to the admin, who hands it over out of band; the server keeps only its hash. */
  readonly inviteCode: string;
}

const newInviteCode = (): string =>
  toBase64(randomBytes(24)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** Creates a user with the role and a one-time invite code. */
export const inviteUser = async (fetch: Fetch, link: Admin, role: Role): Promise<Reply<Invitation>> => {
  if (!ROLES.includes(role)) return err('bad-request');
  const request = InviteRequest.parse({ userId: newId(), role, inviteCode: newInviteCode() });
  const created = await call(fetch, link, 'POST', '/users', IdReply, request);
  return created.ok ? ok({ userId: created.value.id, role, inviteCode: request.inviteCode }) : created;
};
