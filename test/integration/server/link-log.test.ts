// No confirmation or unsubscribe token reaches the server's log (issue 17 review): the link routes are
// quieted, but a path that only looks like one — `/c/<token>/`, `/u/<token>/x`, with a query, in another
// case — is answered by the not-found handler at info level, and its request line named the path. The log
// is read as the real server writes it, at debug level, the most it ever says.
import { beforeEach, describe, expect, it } from 'vitest';
import { newLinkToken, registerLinks, serverClient } from '../../../shared/sync';
import { createOrganisation } from './harness';
import { useServerWithLinks } from './link-server';

describe('the server log and link tokens', () => {
  const linked = useServerWithLinks('sqlite');

  beforeEach(async () => {});

  it('logs no token for /c/ and /u/ paths, whether a route answers them or not', async () => {
    const member = await createOrganisation(linked.server.url);
    const [confirm, unsubscribe] = [newLinkToken(), newLinkToken()];
    const client = serverClient(fetch, { serverUrl: linked.server.url, token: member.token });
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
        await fetch(`${linked.server.url}${path}`, { method, redirect: 'manual' });

    const log = linked.server.logs.join('');
    // The log does hold the requests (so the check below reads real lines), only not their tokens.
    expect(log).toContain('"path":"/c/');
    expect(log).toContain('"path":"/u/');
    for (const token of [confirm, unsubscribe]) {
      expect(log).not.toContain(token);
      expect(log).not.toContain(token.slice(0, 16));
    }
  });
});
