// A link token reaches the server's log in no spelling of the request target (helper-66's review of
// issue 17): link-log.test.ts sends paths through fetch, which always writes the origin form (`/c/…`).
// A client or proxy may also send the absolute form (`GET http://host/c/<token> HTTP/1.1`, RFC 9112
// 3.2.2, which a server must accept), and Node then hands the server the whole URL as the path: the log
// line named it, token and all. Written on a raw socket, as such a client sends it.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { newLinkToken, registerLinks, serverClient } from '../../../shared/sync';
import { createOrganisation } from './harness';
import { useServerWithLinks } from './link-server';

/** Sends one request as written and answers the status line once the server closes the connection. */
const raw = (url: string, request: string) =>
  new Promise<string>((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });

describe('the server log and link tokens, request targets as written', () => {
  const linked = useServerWithLinks('sqlite');

  it('logs no token when the link comes in absolute form', async () => {
    const member = await createOrganisation(linked.server.url);
    const [confirm, unsubscribe] = [newLinkToken(), newLinkToken()];
    const client = serverClient(fetch, { serverUrl: linked.server.url, token: member.token });
    await registerLinks(client, [
      { token: confirm, kind: 'confirm' },
      { token: unsubscribe, kind: 'unsubscribe' },
    ]);
    const { host } = new URL(linked.server.url);
    const targets = (token: string, kind: 'c' | 'u') => [
      `http://${host}/${kind}/${token}`,
      `http://${host}/${kind}/${token}/`,
      `HTTP://${host.toUpperCase()}/${kind.toUpperCase()}/${token}?x=1`,
      `https://kluis.example/${kind}/${token}`,
    ];
    const statuses: string[] = [];
    for (const target of [...targets(confirm, 'c'), ...targets(unsubscribe, 'u')])
      for (const method of ['GET', 'POST'])
        statuses.push(
          await raw(
            linked.server.url,
            `${method} ${target} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
          ),
        );
    // The server did answer each (so the log below holds their lines), and logged none with its token.
    expect(statuses.every((line) => line.startsWith('HTTP/1.1 '))).toBe(true);
    const log = linked.server.logs.join('');
    expect(log).toContain('"path":');
    for (const token of [confirm, unsubscribe]) {
      expect(log).not.toContain(token);
      expect(log).not.toContain(token.slice(0, 16));
    }
  });
});
