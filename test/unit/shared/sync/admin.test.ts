import { describe, expect, it } from 'vitest';
import { inviteUser, listDevices, revokeDevice } from '../../../../shared/sync/admin';
import { toBase64 } from '../../../../shared/crypto/bytes';
import { loadSodium } from '../../../../shared/crypto/sodium';
import type { PendingInvites } from '../../../../shared/sync/admin';
import { deriveInviteSecrets } from '../../../../shared/sync/invite';
import { InviteRequest } from '../../../../shared/sync';

const memoryInvites = (): PendingInvites => {
  const map: Record<string, string> = {};
  return {
    list: async () => ({ ...map }),
    add: async (userId, key) => {
      map[userId] = key;
    },
    remove: async (userId) => {
      delete map[userId];
    },
  };
};

const link = { serverUrl: 'https://sync.example/', token: 'secret-token' };

const answering = (body: unknown, calls: { url: string; init: RequestInit | undefined }[] = []) =>
  (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;

describe('admin calls', () => {
  it('lists devices with the bearer token and checks the answer', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const device = { id: 'd1', userId: 'u1', createdAt: 1, lastSyncAt: null, expiresAt: 9, revokedAt: null };
    const listed = await listDevices(answering({ ok: true, value: [device] }, calls), link);
    expect(listed).toEqual({ ok: true, value: [device] });
    expect(calls[0]!.url).toBe('https://sync.example/devices');
    expect(calls[0]!.init?.method).toBe('GET');
    expect((calls[0]!.init?.headers as Record<string, string>).authorization).toBe('Bearer secret-token');

    const odd = await listDevices(answering({ ok: true, value: [{ id: 3 }] }), link);
    expect(odd).toMatchObject({ ok: false, error: 'bad-response' });
  });

  it('revokes by POST and passes the server error on', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    expect((await revokeDevice(answering({ ok: true, value: { id: 'd1' } }, calls), link, 'd1')).ok).toBe(
      true,
    );
    expect(calls[0]!.url).toBe('https://sync.example/devices/d1/revoke');
    expect(calls[0]!.init?.method).toBe('POST');
    const refused = await revokeDevice(answering({ ok: false, error: 'forbidden' }), link, 'd1');
    expect(refused).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('invites with a fresh code, sends only its join secret and keeps the invite key here', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const fake = (async (input: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(input), init });
      const sent = JSON.parse(String(init?.body)) as { userId: string };
      return new Response(JSON.stringify({ ok: true, value: { id: sent.userId } }));
    }) as typeof fetch;
    const pending = memoryInvites();
    const invited = await inviteUser(fake, link, 'sales', pending);
    if (!invited.ok) throw new Error(invited.error);
    const sent = InviteRequest.parse(JSON.parse(String(calls[0]!.init?.body)));
    const secrets = deriveInviteSecrets(await loadSodium(), invited.value.inviteCode);
    expect(sent).toEqual({ userId: invited.value.userId, role: 'sales', inviteCode: secrets.joinSecret });
    expect(String(calls[0]!.init?.body)).not.toContain(invited.value.inviteCode);
    expect(invited.value.inviteCode).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await pending.list()).toEqual({ [invited.value.userId]: toBase64(secrets.macKey) });
    const again = await inviteUser(fake, link, 'sales', pending);
    expect(again.ok && again.value.inviteCode).not.toBe(invited.value.inviteCode);
  });

  it('forgets the invite key when the server refuses the invitation', async () => {
    const pending = memoryInvites();
    const refused = await inviteUser(answering({ ok: false, error: 'forbidden' }), link, 'sales', pending);
    expect(refused).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await pending.list()).toEqual({});
  });

  it('says offline when the server cannot be reached', async () => {
    const down = (() => Promise.reject(new TypeError('failed'))) as typeof fetch;
    expect(await listDevices(down, link)).toMatchObject({ ok: false, error: 'offline' });
  });
});
