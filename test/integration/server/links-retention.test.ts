// Link routes after review (issue 16 follow-up), on both storage adapters: the person's pages read at most
// a few KiB of any body, JSON included; a member still awaiting the organisation key can neither register
// links nor read clicks; and the hourly housekeeping deletes links past their retention — unclicked 400
// days after they were last sent out, clicked once a device may no longer be offline — while the click
// sequence devices pull by carries on.
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../server/app';
import {
  linkUrl,
  newLinkToken,
  pullLinkClicks,
  registerLinks,
  serverClient,
  type LinkKind,
} from '../../../shared/sync';
import { ADAPTER_NAMES } from './adapters';
import { addMember, call, createOrganisation, type Member } from './harness';
import { useServerWithLinks } from './link-server';

const NOW = 1_800_000_000_000;
const MAX_OFFLINE_DAYS = 365;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe.each(ADAPTER_NAMES)('link routes after review: %s', (name) => {
  let clock = NOW;
  const linked = useServerWithLinks(name, () => ({
    now: () => clock,
    maxOfflineMs: MAX_OFFLINE_DAYS * DAY_MS,
    // Tokens outlive the years the clock is moved on.
    tokenLifetimeMs: 10_000 * DAY_MS,
  }));
  let admin: Member & { orgId: string };

  beforeEach(async () => {
    clock = NOW;
    admin = await createOrganisation(linked.server.url);
  });

  const client = (member: Member) =>
    serverClient(fetch, { serverUrl: linked.server.url, token: member.token });
  const register = async (member: Member, ...entries: [string, LinkKind][]) =>
    registerLinks(
      client(member),
      entries.map(([token, kind]) => ({ token, kind })),
    );
  const click = (kind: LinkKind, token: string, init: RequestInit = {}) =>
    fetch(linkUrl(linked.server.url, kind, token), { method: 'POST', ...init });

  it('reads at most 4 KiB of a body at /c/ and /u/, JSON included', async () => {
    const [confirm, unsubscribe] = [newLinkToken(), newLinkToken()];
    await register(admin, [confirm, 'confirm'], [unsubscribe, 'unsubscribe']);
    const json = (bytes: number) => ({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(bytes) }),
    });
    for (const [kind, token] of [
      ['confirm', confirm],
      ['unsubscribe', unsubscribe],
    ] as const) {
      const large = await click(kind, token, json(64 * 1024));
      expect(large.status).toBe(413);
      expect(await large.json()).toEqual({ ok: false, error: 'too-large' });
      expect((await linked.links.find(sha256(token)))?.clickedAt).toBeNull();
      const form = await click(kind, token, {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'x='.padEnd(8 * 1024, 'x'),
      });
      expect(form.status).toBe(413);
      // A small body, JSON or a form, is the person's click as before.
      expect((await click(kind, token, json(100))).status).toBe(200);
    }
    expect((await linked.links.find(sha256(confirm)))?.clickedAt).toBe(NOW);
    expect((await linked.links.find(sha256(unsubscribe)))?.clickedAt).toBe(NOW);
  });

  it('refuses link registration and clicks to a member still awaiting the organisation key', async () => {
    const waiting = await addMember(linked.server.url, admin, 'sales', false);
    const token = newLinkToken();
    expect(await register(waiting, [token, 'unsubscribe'])).toEqual({ ok: false, error: 'awaiting-org-key' });
    expect(await linked.links.find(sha256(token))).toBeUndefined();
    await register(admin, [token, 'unsubscribe']);
    await click('unsubscribe', token);
    expect(await pullLinkClicks(client(waiting), 0)).toEqual({ ok: false, error: 'awaiting-org-key' });

    // Once an admin sealed the key to them, the same member may.
    await call(linked.server.url, 'PUT', `/users/${waiting.userId}/sealed-org-key`, {
      token: admin.token,
      body: { sealedOrgKey: Buffer.alloc(80, 1).toString('base64') },
    });
    expect(await pullLinkClicks(client(waiting), 0)).toMatchObject({ ok: true, value: { cursor: 1 } });
    expect(await register(waiting, [newLinkToken(), 'confirm'])).toMatchObject({
      ok: true,
      value: { registered: 1 },
    });
  });

  it('purges unclicked links 400 days after they were last sent out and clicked ones after the offline horizon', async () => {
    const [resent, forgotten, clickedEarly, clickedLate] = [1, 2, 3, 4].map(() => newLinkToken()) as [
      string,
      string,
      string,
      string,
    ];
    await register(admin, [resent, 'unsubscribe'], [forgotten, 'confirm'], [clickedEarly, 'unsubscribe']);
    await click('unsubscribe', clickedEarly);
    clock += 100 * DAY_MS;
    // A device registers a link again each time it sends it out: that moves its retention on.
    await register(admin, [resent, 'unsubscribe'], [clickedLate, 'confirm']);
    await click('confirm', clickedLate);

    // Clicked: kept MAX_OFFLINE_DAYS after the click, so a device that was offline still pulls it.
    clock = NOW + (MAX_OFFLINE_DAYS - 1) * DAY_MS;
    expect(await linked.server.app.purgeLinks()).toBe(0);
    clock = NOW + (MAX_OFFLINE_DAYS + 1) * DAY_MS;
    expect(await linked.server.app.purgeLinks()).toBe(1);
    expect(await linked.links.find(sha256(clickedEarly))).toBeUndefined();

    // Not clicked: kept 400 days after it was last registered.
    clock = NOW + 399 * DAY_MS;
    expect(await linked.server.app.purgeLinks()).toBe(0);
    clock = NOW + 401 * DAY_MS;
    expect(await linked.server.app.purgeLinks()).toBe(1);
    expect(await linked.links.find(sha256(forgotten))).toBeUndefined();
    // Its page now says "not valid", as for any unknown link.
    expect((await fetch(linkUrl(linked.server.url, 'confirm', forgotten))).status).toBe(404);
    expect(await linked.links.find(sha256(resent))).toBeDefined();

    // The organisation's latest click stays, however old, so the sequence carries on from it.
    clock = NOW + (100 + MAX_OFFLINE_DAYS + 1) * DAY_MS;
    expect(await linked.server.app.purgeLinks()).toBe(0);
    expect(await linked.links.find(sha256(clickedLate))).toMatchObject({ clickSeq: 2 });

    await click('unsubscribe', resent);
    expect(await pullLinkClicks(client(admin), 2)).toMatchObject({
      ok: true,
      value: { clicks: [{ tokenHash: sha256(resent), seq: 3 }], cursor: 3 },
    });
  });
});
