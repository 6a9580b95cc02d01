// Runs the real server over HTTP on port 0 and talks to it as a client would: fetch, JSON, bearer tokens,
// and Server-Sent Events read from a streaming response. Payloads are really encrypted (EnvelopeCipher).
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { Writable } from 'node:stream';
import { createApp, type AppOptions } from '../../../server/app';
import type { Storage } from '../../../server/storage/types';
import { EnvelopeCipher } from '../../../shared/crypto/envelope';
import { loadSodium } from '../../../shared/crypto/sodium';
import { sha256Hex } from '../../../server/audit';
import { auditSignedText, entryHash } from '../../../shared/audit/chain';
import type { AuditWire, RecordWire, Role, StreamEvent } from '../../../shared/sync/protocol';
import type { SignInResponse } from '../../../shared/sync';

export interface RunningServer {
  url: string;
  app: ReturnType<typeof createApp>;
  /** Every JSON log line the server wrote. */
  logs: string[];
  close(): Promise<void>;
}

export const startServer = async (
  storage: Storage,
  options: Omit<AppOptions, 'storage' | 'log'> = {},
): Promise<RunningServer> => {
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const app = createApp({ storage, log: { level: 'debug', stream }, ...options });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, app, logs, close: () => app.close() };
};

export interface Reply<T = unknown> {
  status: number;
  body: { ok: true; value: T } | { ok: false; error: string; wipe?: boolean };
}

export const call = async <T = unknown>(
  url: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> => {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  return { status: response.status, body: (await response.json()) as Reply<T>['body'] };
};

/** The value of a successful reply; fails the test with the error code otherwise. */
export const value = <T>(reply: Reply<T>): T => {
  if (!reply.body.ok) throw new Error(`Expected success, got ${reply.status} ${reply.body.error}`);
  return reply.body.value;
};

export const b64 = (bytes = 32) => randomBytes(bytes).toString('base64');
export const newId = () => randomBytes(12).toString('base64url');

export const userKeys = () => ({ kdf: b64(24), publicKey: b64(32), encryptedSecretKey: b64(72) });

/** A device's Ed25519 signing key as the client registers it: the raw public key in base64. */
export interface DeviceKey {
  publicKey: string;
  privateKey: KeyObject;
}
export const deviceKey = (): DeviceKey => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64'),
    privateKey,
  };
};
/** The device's signature (base64) over the text, as libsodium's crypto_sign_detached makes it. */
export const signAs = (key: DeviceKey, text: string): string =>
  sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64');

/** Entry `seq` of `deviceId`'s audit chain after `prevHash`, hashed as clients do and signed by `key`. */
export const auditEntry = (
  key: DeviceKey,
  deviceId: string,
  seq: number,
  prevHash: string,
  id = `${deviceId}e${seq}`,
): AuditWire => {
  const body = {
    id,
    deviceId,
    seq,
    at: 1_764_000_000_000 + seq,
    keyId: 'org',
    payload: `k1sealed${seq}`,
    prevHash,
  };
  const hash = entryHash(sha256Hex, body);
  return { ...body, hash, signer: key.publicKey, sig: signAs(key, auditSignedText(hash)), _deleted: false };
};

/**
 * An erasure order signed by the device (shared/erasure/erasure-order.ts). The proof is a MAC under the
 * organisation key, which only devices check; the server cannot, so any value of the right form does here.
 */
export const erasureOrder = (signing: DeviceKey, orgId: string, subjectId: string, requestId: string) => ({
  subjectId,
  requestId,
  signer: signing.publicKey,
  sig: signAs(signing, `kluis-erasure-v1|${orgId}|${subjectId}|${requestId}`),
  proof: b64(32),
});

export interface Member {
  userId: string;
  authVerifier: string;
  token: string;
  deviceId: string;
  /** The device's signing key, registered when it signed in. */
  signing: DeviceKey;
}

/** What a client sends to POST /orgs: a new organisation and its first admin, with fresh ids and keys. */
export const organisationBody = (signingKey = deviceKey().publicKey) => ({
  orgId: newId(),
  userId: newId(),
  authVerifier: b64(),
  keys: userKeys(),
  sealedOrgKey: b64(80),
  signingKey,
});

/**
 * Creates an organisation with its first admin, signed in on one device; with `pageKeyId`, as a client
 * with page keys does (the server records it as key epoch 0).
 */
export const createOrganisation = async (
  url: string,
  options: { pageKeyId?: string } = {},
): Promise<Member & { orgId: string }> => {
  const signing = deviceKey();
  const { orgId, userId, authVerifier, ...rest } = organisationBody(signing.publicKey);
  const session = value(
    await call<SignInResponse>(url, 'POST', '/orgs', {
      body: { orgId, userId, authVerifier, ...rest, ...options },
    }),
  );
  return { orgId, userId, authVerifier, token: session.token, deviceId: session.deviceId, signing };
};

/** An admin invites a user, the user joins with their own keys, the admin seals the org key to them. */
export const addMember = async (url: string, admin: Member, role: Role, seal = true): Promise<Member> => {
  const userId = newId();
  const inviteCode = randomBytes(24).toString('base64url');
  value(await call(url, 'POST', '/users', { token: admin.token, body: { userId, role, inviteCode } }));
  const authVerifier = b64();
  const signing = deviceKey();
  const session = value(
    await call<SignInResponse>(url, 'POST', '/auth/join', {
      body: { userId, inviteCode, authVerifier, keys: userKeys(), signingKey: signing.publicKey },
    }),
  );
  if (seal) {
    value(
      await call(url, 'PUT', `/users/${userId}/sealed-org-key`, {
        token: admin.token,
        body: { sealedOrgKey: b64(80) },
      }),
    );
  }
  return { userId, authVerifier, token: session.token, deviceId: session.deviceId, signing };
};

let cipher: EnvelopeCipher | undefined;

/** A person record whose payload is sealed with a real data key, as the client stores it. */
export const personRecord = async (
  person: object,
  id = newId(),
  updatedAt = 1_764_000_000_000,
): Promise<RecordWire> => {
  cipher ??= new EnvelopeCipher(await loadSodium());
  const keyId = `page-${newId()}`;
  const key = new Uint8Array(randomBytes(32));
  return {
    id,
    kind: 'person',
    subjectId: newId(),
    keyId,
    v: 1,
    payload: cipher.sealJson(person, key, { collection: 'records', id, keyId }),
    updatedAt,
    _deleted: false,
  };
};

/** A checkpoint, or the error a stream ends with when its device is refused. */
export type StreamMessage = StreamEvent | { refused: unknown };

export interface EventStream {
  next(): Promise<StreamMessage>;
  close(): void;
}

/** Reads `checkpoint` and `refused` events from GET /sync/stream. */
export const openStream = async (url: string, token: string): Promise<EventStream> => {
  const controller = new AbortController();
  const response = await fetch(`${url}/sync/stream`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`stream refused: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const queued: StreamMessage[] = [];
  let buffer = '';
  return {
    async next() {
      while (queued.length === 0) {
        const { value: chunk, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const [, type, data] = /^event: (checkpoint|refused)\ndata: (.*)$/m.exec(event) ?? [];
          if (type === 'checkpoint' && data) queued.push(JSON.parse(data) as StreamEvent);
          if (type === 'refused' && data) queued.push({ refused: JSON.parse(data) as unknown });
        }
      }
      return queued.shift() as StreamMessage;
    },
    close: () => controller.abort(),
  };
};
