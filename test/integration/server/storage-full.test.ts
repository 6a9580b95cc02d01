// A full disk is named, not "internal": SQLite's SQLITE_FULL, the file system's ENOSPC and PostgreSQL's
// disk_full (53100) answer 507 storage-full (test/integration/faults/sqlite-full.test.ts fills a real
// volume); any other storage failure stays 500 internal.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import type { Storage } from '../../../server/storage/types';
import { useTestDatabase } from './adapters';

const database = useTestDatabase('sqlite');

/** The real storage, but reading a user fails with `code`, as a driver's error carries it. */
const failingWith = (storage: Storage, code: string): Storage =>
  new Proxy(storage, {
    get: (target, name, receiver) =>
      name === 'getUser'
        ? async () => {
            throw Object.assign(new Error('write failed'), { code });
          }
        : Reflect.get(target, name, receiver),
  });

describe('a full disk', () => {
  it.each(['SQLITE_FULL', 'ENOSPC', '53100'])('answers %s as 507 storage-full', async (code) => {
    const app = createApp({ storage: failingWith(await database.open(), code), log: false });
    const reply = await app.inject({ method: 'POST', url: '/auth/prelogin', payload: { userId: 'u1' } });
    expect(reply.statusCode).toBe(507);
    expect(reply.json()).toEqual({ ok: false, error: 'storage-full' });
    await app.close();
  });

  it('leaves other storage failures 500 internal', async () => {
    const app = createApp({ storage: failingWith(await database.open(), 'SQLITE_CORRUPT'), log: false });
    const reply = await app.inject({ method: 'POST', url: '/auth/prelogin', payload: { userId: 'u1' } });
    expect(reply.statusCode).toBe(500);
    expect(reply.json()).toEqual({ ok: false, error: 'internal' });
    await app.close();
  });
});
