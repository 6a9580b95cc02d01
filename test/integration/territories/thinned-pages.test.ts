// A sales device's pull when its territory's documents sit among many of another territory's (issue 19,
// bench territory-share): the server selects, in SQL, the documents of no territory and of the caller's
// territories, so pages are full while more come and the last moves the checkpoint past everything else
// (clients take a page shorter than its limit without `more` for the last: first-sync.ts, RxDB's pull).
// Through the real pull route with a small limit, pulling as a client does: the sales device receives
// every person of its territory in about as many pulls as its own documents fill, none of another's, and
// its first sync's count says what it will receive, not the organisation's total.
import { describe, expect, it } from 'vitest';
import { applyTerritoryRules } from '../../../shared/territories';
import { address, facts, NORTH, SOUTH, twoTerritories } from './organisation';
import { useTerritoryServer } from './setup';

/** Stored pages of the pulls below: SOUTH fills several before NORTH's new people. */
const LIMIT = 3;
const MORE_SOUTH = 3 * LIMIT;
const MORE_NORTH = LIMIT + 1;

interface Page {
  documents: { id: string; subjectId?: string }[];
  checkpoint: number;
  more?: true;
  remaining?: number;
}

/** Pulls as a client does, from 0: page after page while a page is full or says `more`. */
const pullAll = async (url: string, token: string, collection: string, count = false) => {
  const pages: Page[] = [];
  let checkpoint = 0;
  for (;;) {
    const asked = `checkpoint=${checkpoint}&limit=${LIMIT}${count && !pages.length ? '&count=1' : ''}`;
    const response = await fetch(`${url}/sync/${collection}/pull?${asked}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const page = ((await response.json()) as { value: Page }).value;
    pages.push(page);
    checkpoint = page.checkpoint;
    if (!page.more && page.documents.length < LIMIT) return pages;
  }
};

/** The pull requests of this collection the server logged (method and path only). */
const pullsLogged = (logs: readonly string[], collection: string) =>
  logs.filter(
    (line) => line.includes('"msg":"incoming request"') && line.includes(`/sync/${collection}/pull`),
  ).length;

describe.each(['sqlite', 'postgres'] as const)('pull pages the territory filter thinned: %s', (adapter) => {
  const fixture = useTerritoryServer(adapter);

  it("a sales device pulls every person of its territory behind full pages of another's", async () => {
    const { admin, salesA, ids } = await twoTerritories(fixture.current);
    const { url } = fixture.current.server;
    // More of the south first, then more of the north, each moved into its territory in that order.
    const created = { south: [] as string[], north: [ids.north] };
    for (let i = 0; i < MORE_SOUTH; i++)
      created.south.push(
        (await admin.session.people.create({ ...SOUTH, address: address(`5${600 + i} AA`) })).id,
      );
    const all = await facts(admin.session);
    await applyTerritoryRules(admin, all);
    for (let i = 0; i < MORE_NORTH; i++)
      created.north.push(
        (await admin.session.people.create({ ...NORTH, address: address(`1${100 + i} AB`) })).id,
      );
    await applyTerritoryRules(admin, await facts(admin.session));
    await admin.sync();

    const pages = await pullAll(url, salesA.link.token, 'records');
    const received = new Set(pages.flatMap((p) => p.documents.map((d) => d.subjectId ?? d.id)));
    // Every north person (and the organisation-wide one); none of the south.
    for (const id of [...created.north, ids.elsewhere]) expect(received).toContain(id);
    for (const id of [ids.south, ...created.south]) expect(received).not.toContain(id);
    // Every page that said `more` came full, none empty; the pulls are about what the device holds.
    expect(pages.filter((p) => p.more && p.documents.length < LIMIT)).toEqual([]);
    const documents = pages.reduce((n, p) => n + p.documents.length, 0);
    expect(pages.length).toBeLessThanOrEqual(Math.floor(documents / LIMIT) + 1);
  }, 120_000);

  it("a sales device's first sync takes a few pulls, and its count says its own total", async () => {
    const { admin, salesA, ids } = await twoTerritories(fixture.current);
    const { url, logs } = fixture.current.server;
    // Many of another territory's people, after this device's own.
    for (let i = 0; i < 4 * MORE_SOUTH; i++)
      await admin.session.people.create({ ...SOUTH, address: address(`5${700 + i} AA`) });
    await applyTerritoryRules(admin, await facts(admin.session));
    await admin.sync();
    const stored = (await pullAll(url, admin.link.token, 'records', true))[0]!.remaining!;

    for (const collection of ['records', 'items', 'keys']) {
      const before = pullsLogged(logs, collection);
      const pages = await pullAll(url, salesA.link.token, collection, true);
      const documents = pages.flatMap((p) => p.documents);
      // "n of N" counts what this device receives.
      expect(pages[0]!.remaining).toBe(documents.length);
      // A handful of pulls, as the server saw them: its own documents' pages and one more at most.
      expect(pullsLogged(logs, collection) - before).toBe(pages.length);
      expect(pages.length).toBeLessThanOrEqual(Math.floor(documents.length / LIMIT) + 1);
      // In sync: the next pull from the last checkpoint brings nothing and stays there.
      const last = pages.at(-1)!.checkpoint;
      const again = await fetch(`${url}/sync/${collection}/pull?checkpoint=${last}&limit=${LIMIT}`, {
        headers: { authorization: `Bearer ${salesA.link.token}` },
      });
      expect(((await again.json()) as { value: Page }).value).toEqual({ documents: [], checkpoint: last });
    }
    // Its records: the north person and the organisation-wide one, against every stored record.
    const records = (await pullAll(url, salesA.link.token, 'records')).flatMap((p) => p.documents);
    expect(new Set(records.map((d) => d.subjectId))).toEqual(new Set([ids.north, ids.elsewhere]));
    expect(stored).toBeGreaterThan(4 * MORE_SOUTH);
  }, 120_000);
});
