// Confirmation and unsubscribe links on the real server, on both storage adapters (issue 17): devices
// register tokens by their hash and pull the clicks; a GET only shows a plain page (EN or NL, no scripts),
// a POST records the first click once; RFC 8058's one-click POST works; another organisation reads none of
// the clicks; unknown tokens get the same "not valid" page and slow their sender down; and the server
// stores nothing but the token's hash, the kind, the organisation and two times.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { LINK_ROW_BYTES } from '../../../server/storage/links';
import {
  linkClickProof,
  linkTokenHash,
  linkUrl,
  listUnsubscribeHeaders,
  matchLinkClicks,
  newLinkToken,
  pullLinkClicks,
  registerLinks,
  serverClient,
  type LinkKind,
} from '../../../shared/sync';
import { ADAPTER_NAMES, POSTGRES_URL } from './adapters';
import { createOrganisation, startServer, type Member } from './harness';
import { useServerWithLinks } from './link-server';

const NOW = 1_800_000_000_000;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe.each(ADAPTER_NAMES)('confirmation and unsubscribe links: %s', (name) => {
  let clock = NOW;
  const linked = useServerWithLinks(name, () => ({
    now: () => clock,
    limits: { addressFreeFailures: 4, addressBackoffMs: 60_000 },
  }));
  let orgA: Member & { orgId: string };
  let orgB: Member & { orgId: string };

  beforeEach(async () => {
    clock = NOW;
    orgA = await createOrganisation(linked.server.url);
    orgB = await createOrganisation(linked.server.url);
  });

  const client = (member: Member) =>
    serverClient(fetch, { serverUrl: linked.server.url, token: member.token });
  const page = (kind: LinkKind, token: string, init: RequestInit = {}) =>
    fetch(linkUrl(linked.server.url, kind, token), init);
  const oneClick = (token: string) =>
    page('unsubscribe', token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
  const register = async (member: Member, ...entries: [string, LinkKind][]) => {
    const reply = await registerLinks(
      client(member),
      entries.map(([token, kind]) => ({ token, kind })),
    );
    // With the server's time, which dates the device's tokens (clicks are dated by the same clock).
    expect(reply).toEqual({ ok: true, value: { registered: entries.length, at: clock } });
  };
  const clicksOf = async (member: Member, after = 0) => {
    const reply = await pullLinkClicks(client(member), after);
    if (!reply.ok) throw new Error(`pull failed: ${reply.error}`);
    return reply.value;
  };

  it('shows the confirmation page in English and Dutch on GET, with no scripts, and records nothing', async () => {
    const token = newLinkToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await register(orgA, [token, 'confirm']);

    const english = await page('confirm', token, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(english.status).toBe(200);
    expect(english.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = english.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toMatch(/script-src|unsafe/);
    expect(english.headers.get('cache-control')).toBe('no-store');
    const html = await english.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Confirm your subscription');
    expect(html).toMatch(/<form method="post"><button type="submit">Confirm<\/button><\/form>/);
    expect(html).not.toMatch(/<script|<img|<link|https?:\/\//i);

    const dutch = await page('confirm', token, { headers: { 'accept-language': 'de-DE,nl;q=0.8,en;q=0.5' } });
    const dutchHtml = await dutch.text();
    expect(dutch.status).toBe(200);
    expect(dutchHtml).toContain('<html lang="nl">');
    expect(dutchHtml).toContain('Bevestig uw inschrijving');
    expect(dutchHtml).toContain('>Bevestigen</button>');
    // No language we speak asked for: English.
    expect(await (await page('confirm', token, { headers: { 'accept-language': 'fr' } })).text()).toContain(
      'lang="en"',
    );

    // Link scanners fetch every link: a GET is not a confirmation.
    expect(await clicksOf(orgA)).toEqual({ clicks: [], cursor: 0, more: false });
    expect((await linked.links.find(sha256(token)))?.clickedAt).toBeNull();
  });

  it('records a confirmation POST once, keeping the first click, and the device matches it to its token', async () => {
    const [token, other] = [newLinkToken(), newLinkToken()];
    await register(orgA, [token, 'confirm'], [other, 'confirm']);

    const first = await page('confirm', token, { method: 'POST', headers: { 'accept-language': 'nl' } });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('Dank u wel: uw bevestiging is ontvangen');
    clock += 60_000;
    const again = await page('confirm', token, { method: 'POST' });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('your confirmation has been received');
    // Once clicked, the page says so instead of asking again.
    expect(await (await page('confirm', token)).text()).toContain('your confirmation has been received');

    const pulled = await clicksOf(orgA);
    expect(pulled).toEqual({
      clicks: [
        {
          tokenHash: await linkTokenHash(token),
          kind: 'confirm',
          clickedAt: NOW,
          seq: 1,
          proof: await linkClickProof(token),
        },
      ],
      cursor: 1,
      more: false,
    });
    const mine = new Map([[await linkTokenHash(token), { token, subjectId: 'subject-1', listId: 'news' }]]);
    expect(matchLinkClicks(pulled.clicks, mine)).toEqual([
      { entry: { token, subjectId: 'subject-1', listId: 'news' }, kind: 'confirm', clickedAt: NOW },
    ]);
    // Nothing new after the cursor; a later click comes after it.
    expect((await clicksOf(orgA, pulled.cursor)).clicks).toEqual([]);
    await page('confirm', other, { method: 'POST' });
    expect((await clicksOf(orgA, pulled.cursor)).clicks.map((c) => c.seq)).toEqual([2]);
    // Registering again changes nothing, clicks included.
    await register(orgA, [token, 'confirm']);
    expect((await linked.links.find(sha256(token)))?.clickedAt).toBe(NOW);
  });

  it('unsubscribes with an RFC 8058 one-click POST, and from the page', async () => {
    const [oneClickToken, pageToken] = [newLinkToken(), newLinkToken()];
    await register(orgA, [oneClickToken, 'unsubscribe'], [pageToken, 'unsubscribe']);
    expect(listUnsubscribeHeaders(linked.server.url, oneClickToken)).toEqual({
      'List-Unsubscribe': `<${linked.server.url}/u/${oneClickToken}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });

    const answer = await oneClick(oneClickToken);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('You are unsubscribed');
    expect((await oneClick(oneClickToken)).status).toBe(200);

    // The page's button posts the same body (a multipart form, as some mail clients send, works too).
    const shown = await (
      await page('unsubscribe', pageToken, { headers: { 'accept-language': 'nl' } })
    ).text();
    expect(shown).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click">');
    expect(shown).toContain('>Uitschrijven</button>');
    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    clock += 1000;
    expect((await page('unsubscribe', pageToken, { method: 'POST', body: form })).status).toBe(200);

    const { clicks } = await clicksOf(orgA);
    expect(clicks).toEqual([
      {
        tokenHash: sha256(oneClickToken),
        kind: 'unsubscribe',
        clickedAt: NOW,
        seq: 1,
        proof: await linkClickProof(oneClickToken),
      },
      {
        tokenHash: sha256(pageToken),
        kind: 'unsubscribe',
        clickedAt: NOW + 1000,
        seq: 2,
        proof: await linkClickProof(pageToken),
      },
    ]);
  });

  it('numbers clicks that arrive at once without gaps or repeats, and pages them by the cursor', async () => {
    const tokens = Array.from({ length: 12 }, () => newLinkToken());
    await register(orgA, ...tokens.map((t): [string, LinkKind] => [t, 'unsubscribe']));
    const answers = await Promise.all(tokens.map((t) => oneClick(t)));
    expect(answers.map((a) => a.status)).toEqual(tokens.map(() => 200));

    const seen: number[] = [];
    let cursor = 0;
    for (;;) {
      const reply = await pullLinkClicks(client(orgA), cursor, 5);
      if (!reply.ok) throw new Error(reply.error);
      seen.push(...reply.value.clicks.map((c) => c.seq));
      cursor = reply.value.cursor;
      if (!reply.value.more) break;
    }
    expect(seen).toEqual(tokens.map((_, i) => i + 1));
    expect(cursor).toBe(12);
  });

  it('keeps each organisation’s links and clicks to itself', async () => {
    const [tokenA, tokenB] = [newLinkToken(), newLinkToken()];
    await register(orgA, [tokenA, 'unsubscribe']);
    await register(orgB, [tokenB, 'confirm']);
    await oneClick(tokenA);
    await page('confirm', tokenB, { method: 'POST' });

    expect((await clicksOf(orgA)).clicks.map((c) => c.tokenHash)).toEqual([sha256(tokenA)]);
    expect((await clicksOf(orgB)).clicks.map((c) => c.tokenHash)).toEqual([sha256(tokenB)]);
    // Each organisation counts its own sequence.
    expect((await clicksOf(orgB)).clicks[0]?.seq).toBe(1);
    // Another organisation's token cannot be taken over, nor turned into the other kind.
    expect(await registerLinks(client(orgB), [{ token: tokenA, kind: 'unsubscribe' }])).toMatchObject({
      ok: false,
      error: 'foreign-id',
    });
    expect(await registerLinks(client(orgA), [{ token: tokenA, kind: 'confirm' }])).toMatchObject({
      ok: false,
      error: 'foreign-id',
    });
    // A refused request stores none of its links.
    const fresh = newLinkToken();
    await registerLinks(client(orgB), [
      { token: fresh, kind: 'confirm' },
      { token: tokenA, kind: 'unsubscribe' },
    ]);
    expect(await linked.links.find(sha256(fresh))).toBeUndefined();
    // Without a device token: nothing.
    const anonymous = serverClient(fetch, { serverUrl: linked.server.url });
    expect(await pullLinkClicks(anonymous, 0)).toMatchObject({ ok: false, error: 'unauthenticated' });
    expect(await registerLinks(anonymous, [{ token: fresh, kind: 'confirm' }])).toMatchObject({
      ok: false,
      error: 'unauthenticated',
    });
  });

  it('counts registered links in the organisation’s storage quota: one member cannot fill the disk with them', async () => {
    // Room for 150 links' rows; the organisations own no documents yet.
    const limited = await startServer(linked.storage, {
      now: () => clock,
      links: linked.links,
      limits: { orgQuotaBytes: 150 * LINK_ROW_BYTES },
    });
    try {
      const batch = (n: number) =>
        Array.from({ length: n }, (): { token: string; kind: LinkKind } => ({
          token: newLinkToken(),
          kind: 'confirm',
        }));
      const as = (member: Member) => serverClient(fetch, { serverUrl: limited.url, token: member.token });
      expect(await registerLinks(as(orgA), batch(100))).toEqual({
        ok: true,
        value: { registered: 100, at: clock },
      });
      const refused = batch(100);
      expect(await registerLinks(as(orgA), refused)).toMatchObject({ ok: false, error: 'quota-exceeded' });
      expect(await linked.links.find(sha256(refused[0]!.token))).toBeUndefined();
      // Per organisation: another one still registers.
      expect(await registerLinks(as(orgB), batch(100))).toEqual({
        ok: true,
        value: { registered: 100, at: clock },
      });
    } finally {
      await limited.close();
    }
  });

  it('answers an unknown, malformed or wrong-kind token with the same plain page, and slows its sender', async () => {
    const confirmToken = newLinkToken();
    await register(orgA, [confirmToken, 'confirm']);
    const invalid = async (response: Response) => {
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      return response.text();
    };
    const unknown = await invalid(await page('confirm', newLinkToken()));
    expect(unknown).toContain('This link is not valid');
    expect(
      await invalid(await page('unsubscribe', 'short', { headers: { 'accept-language': 'nl' } })),
    ).toContain('Deze link is niet geldig');
    // A confirmation token at the unsubscribe address is not valid there, and a POST records nothing.
    expect(await invalid(await oneClick(confirmToken))).toBe(unknown);
    expect(await clicksOf(orgA)).toMatchObject({ clicks: [] });

    // Four free failures, then the address waits, even for a valid link.
    await invalid(await page('confirm', newLinkToken(), { method: 'POST' }));
    const waiting = await page('confirm', confirmToken);
    expect(waiting.status).toBe(429);
    expect(Number(waiting.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await waiting.text()).toContain('Too many attempts');
    clock += 15 * 60 * 1000; // failures are forgotten after the lockout period
    expect((await page('confirm', confirmToken)).status).toBe(200);
  });

  it('adds the click proof to a link table made before it, keeping its links', async () => {
    const token = newLinkToken();
    await register(orgA, [token, 'confirm']);
    // The table as servers before click proofs made it.
    const drop = 'ALTER TABLE link_tokens DROP COLUMN click_proof';
    if (name === 'sqlite') {
      const db = new Database(linked.database.files!()[0]!);
      db.exec(drop);
      db.close();
    } else {
      const pgClient = new pg.Client({ connectionString: POSTGRES_URL });
      await pgClient.connect();
      await pgClient.query(`SET search_path TO ${linked.database.schema}`);
      await pgClient.query(drop);
      await pgClient.end();
    }
    await linked.links.migrate();
    await linked.links.migrate();
    expect((await page('confirm', token, { method: 'POST' })).status).toBe(200);
    expect((await clicksOf(orgA)).clicks).toEqual([
      expect.objectContaining({ tokenHash: sha256(token), proof: await linkClickProof(token) }),
    ]);
  });

  it('stores only the token’s hash, the kind, the organisation, two times and the click’s proof, and logs no token', async () => {
    const [confirm, unsubscribe] = [newLinkToken(), newLinkToken()];
    await register(orgA, [confirm, 'confirm'], [unsubscribe, 'unsubscribe']);
    clock += 5000;
    await oneClick(unsubscribe);

    let rows: Record<string, unknown>[];
    if (name === 'sqlite') {
      const db = new Database(linked.database.files!()[0]!, { readonly: true });
      rows = db.prepare('SELECT * FROM link_tokens ORDER BY kind').all() as Record<string, unknown>[];
      db.close();
    } else {
      const pgClient = new pg.Client({ connectionString: POSTGRES_URL });
      await pgClient.connect();
      rows = (await pgClient.query(`SELECT * FROM ${linked.database.schema}.link_tokens ORDER BY kind`)).rows;
      await pgClient.end();
    }
    const normalised = rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : String(v)])),
    );
    expect(normalised).toEqual([
      {
        token_hash: sha256(confirm),
        kind: 'confirm',
        org_id: orgA.orgId,
        created_at: String(NOW),
        clicked_at: null,
        click_seq: null,
        click_proof: null,
      },
      {
        token_hash: sha256(unsubscribe),
        kind: 'unsubscribe',
        org_id: orgA.orgId,
        created_at: String(NOW),
        clicked_at: String(NOW + 5000),
        click_seq: '1',
        // A second hash of the token, which the token's hash alone does not give.
        click_proof: sha256(`kluis-link-click\n${unsubscribe}`),
      },
    ]);
    // Neither the tokens nor their paths reach the server's log.
    const log = linked.server.logs.join('');
    for (const token of [confirm, unsubscribe]) expect(log).not.toContain(token);
  });
});
