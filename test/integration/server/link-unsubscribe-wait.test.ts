// An unsubscribe is never refused because someone else at the same address sent invalid links (helper-66's
// review of issue 17). Invalid tokens make their source address wait, as failed sign-ins do, and the wait
// held a valid link too. A mail provider's one-click unsubscribes (RFC 8058) come from its few addresses,
// and anyone can make those addresses post invalid links: send yourself a mail whose List-Unsubscribe points
// at this server with a made-up token and press the provider's Unsubscribe a few times. Every subscriber of
// that provider who then unsubscribed was answered 429, and the provider does not try again: their
// unsubscribe was lost while their mail program said it was done. Played here by direct HTTP to the real
// server, from one address, as that provider.
import { describe, expect, it } from 'vitest';
import { linkUrl, newLinkToken, pullLinkClicks, registerLinks, serverClient } from '../../../shared/sync';
import { ADAPTER_NAMES } from './adapters';
import { createOrganisation } from './harness';
import { useServerWithLinks } from './link-server';

describe.each(ADAPTER_NAMES)('an unsubscribe from an address that sent invalid links: %s', (name) => {
  const linked = useServerWithLinks(name, () => ({
    limits: { addressFreeFailures: 4, addressBackoffMs: 60_000 },
  }));

  const oneClick = (token: string) =>
    fetch(linkUrl(linked.server.url, 'unsubscribe', token), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });

  it('is recorded, while a confirmation and an invalid link from there still wait', async () => {
    const member = await createOrganisation(linked.server.url);
    const client = serverClient(fetch, { serverUrl: linked.server.url, token: member.token });
    const [unsubscribe, confirm] = [newLinkToken(), newLinkToken()];
    await registerLinks(client, [
      { token: unsubscribe, kind: 'unsubscribe' },
      { token: confirm, kind: 'confirm' },
    ]);
    // The provider's address posts made-up tokens until it waits.
    for (let i = 0; i < 4; i++) expect((await oneClick(newLinkToken())).status).toBe(404);
    expect((await oneClick(newLinkToken())).status).toBe(429);

    // A real subscriber's one-click from the same address is recorded.
    const answer = await oneClick(unsubscribe);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('You are unsubscribed');
    const pulled = await pullLinkClicks(client, 0);
    expect(pulled.ok && pulled.value.clicks.map((c) => c.kind)).toEqual(['unsubscribe']);

    // The wait still holds for everything else from that address: a page view, a confirmation, a guess.
    expect((await fetch(linkUrl(linked.server.url, 'unsubscribe', unsubscribe))).status).toBe(429);
    const confirming = await fetch(linkUrl(linked.server.url, 'confirm', confirm), { method: 'POST' });
    expect(confirming.status).toBe(429);
    expect((await oneClick(newLinkToken())).status).toBe(429);
  });
});
