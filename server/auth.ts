// Device tokens and the checks every authenticated route runs: random bearer tokens (256 bits) of which
// only a SHA-256 hash is stored, expiring and renewable; revoked devices are told to wipe.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../shared/sync';
import { sendError } from './http';
import type { DeviceRow, Storage, UserRow } from './storage/types';

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Compares two hex hashes in constant time. */
export const sameHash = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));

export const newToken = (): string => randomBytes(32).toString('base64url');
export const newDeviceId = (): string => randomBytes(16).toString('base64url');

export interface Caller {
  device: DeviceRow;
  user: UserRow;
  role: Role;
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{43})$/;

/** The authenticated caller, or undefined after an error was sent. */
export const authenticate = async (
  storage: Storage,
  now: number,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Caller | undefined> => {
  const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
  if (!token) return void sendError(reply, 401, 'unauthenticated');
  const device = await storage.findDeviceByTokenHash(sha256(token));
  if (!device) return void sendError(reply, 401, 'unauthenticated');
  if (device.revokedAt !== null) return void sendError(reply, 401, 'device-revoked', { wipe: true });
  if (device.expiresAt <= now) return void sendError(reply, 401, 'token-expired');
  const user = await storage.getUser(device.userId);
  if (!user || user.orgId !== device.orgId) return void sendError(reply, 401, 'unauthenticated');
  // A removed member's devices are revoked too; this also covers a device that raced the removal.
  if (user.status === 'removed') return void sendError(reply, 401, 'device-revoked', { wipe: true });
  if (user.status === 'suspended') return void sendError(reply, 403, 'account-suspended');
  return { device, user, role: user.role };
};
