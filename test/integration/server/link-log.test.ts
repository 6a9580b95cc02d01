// No confirmation or unsubscribe token reaches the server's log (issue 17 review): the link routes are
// quieted, but a path that only looks like one — `/c/<token>/`, `/u/<token>/x`, with a query, in another
// case — is answered by the not-found handler at info level, and its request line named the path. The log
// is read as the real server writes it, at debug level, the most it ever says.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteLinks } from '../../../server/storage/links-sqlite';
import type { LinkStore } from '../../../server/storage/links';
import type { Storage } from '../../../server/storage/types';
import { newLinkToken, registerLinks, serverClient } from '../../../shared/sync';
import { ADAPTERS, type TestDatabase } from './adapters';
import { createOrganisation, startServer, type RunningServer } from './harness';

describe('the server log and link tokens', () => {
  let database: TestDatabase;
  let storage: Storage;
  let links: LinkStore;
  let server: RunningServer;

  beforeEach(async () => {
    database = await ADAPTERS.sqlite();
    storage = await database.open();
    await storage.migrate();
    links = openSqliteLinks(database.files!()[0]!);
    await links.migrate();
    server = await startServer(storage, { links });
  });
  afterEach(async () => {
    await server.close();
    await links.close();
    await storage.close();
    await database.destroy();
  });

  it('logs no token for /c/ and /u/ paths, whether a route answers them or not', async () => {
    const member = await createOrganisation(server.url);
    const [confirm, unsubscribe] = [newLinkToken(), newLinkToken()];
    const client = serverClient(fetch, { serverUrl: server.url, token: member.token });
    await registerLinks(client, [
      { token: confirm, kind: 'confirm' },
      { token: unsubscribe, kind: 'unsubscribe' },
    ]);
    const paths = (token: string, kind: 'c' | 'u') => [
      `/${kind}/${token}`,
      `/${kind}/${token}/`,
      `/${kind}/${token}/x`,
      `/${kind}/${token}?utm_source=newsletter`,
      `/${kind}/${token}/x?y=1`,
      `/${kind.toUpperCase()}/${token}`,
      `//${kind}/${token}`,
      `/${kind}//${token}`,
    ];
    const requests = [...paths(confirm, 'c'), ...paths(unsubscribe, 'u')];
    for (const path of requests)
      for (const method of ['GET', 'POST', 'HEAD'])
        await fetch(`${server.url}${path}`, { method, redirect: 'manual' });

    const log = server.logs.join('');
    // The log does hold the requests (so the check below reads real lines), only not their tokens.
    expect(log).toContain('"path":"/c/');
    expect(log).toContain('"path":"/u/');
    for (const token of [confirm, unsubscribe]) {
      expect(log).not.toContain(token);
      expect(log).not.toContain(token.slice(0, 16));
    }
  });
});
