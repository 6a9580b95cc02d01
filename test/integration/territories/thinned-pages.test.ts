// A sales device's pull when its territory's documents sit after full pages of another territory's
// (issue 19, bench territory-share): the server filters each stored page to the caller's territories, and
// clients take a page shorter than its limit without `more` for the last (first-sync.ts; RxDB's pull also
// stops at an empty page without moving its checkpoint). Through the real pull route with a small limit,
// pulling as a client does, the sales device receives every person of its territory, and no page that
// says `more` is empty.
import { describe, expect, it } from 'vitest';
import { applyTerritoryRules } from '../../../shared/territories';
import { address, facts, NORTH, SOUTH, twoTerritories } from './organisation';
import { useTerritoryServer } from './setup';

/** Stored pages of the pull below: SOUTH fills more than two before NORTH's new people. */
const LIMIT = 3;
const MORE_SOUTH = 3 * LIMIT;
const MORE_NORTH = LIMIT + 1;

interface Page {
  documents: { id: string; subjectId?: string }[];
  checkpoint: number;
  more?: true;
}

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

    // As a client pulls: page after page while a page is full or says `more`.
    const pages: Page[] = [];
    let checkpoint = 0;
    for (;;) {
      const response = await fetch(`${url}/sync/records/pull?checkpoint=${checkpoint}&limit=${LIMIT}`, {
        headers: { authorization: `Bearer ${salesA.link.token}` },
      });
      expect(response.status).toBe(200);
      const page = ((await response.json()) as { value: Page }).value;
      pages.push(page);
      checkpoint = page.checkpoint;
      if (!page.more && page.documents.length < LIMIT) break;
    }
    const received = new Set(pages.flatMap((p) => p.documents.map((d) => d.subjectId ?? d.id)));
    // Every north person (and the organisation-wide one); none of the south.
    for (const id of [...created.north, ids.elsewhere]) expect(received).toContain(id);
    for (const id of [ids.south, ...created.south]) expect(received).not.toContain(id);
    // Some page was thinned and said so, and none that said `more` came empty.
    expect(pages.some((p) => p.more && p.documents.length < LIMIT)).toBe(true);
    expect(pages.filter((p) => p.more && p.documents.length === 0)).toEqual([]);
  }, 120_000);
});
