// The let-go of a moved subject does not wait (issue 19), on both storage adapters: an admin moves a
// north customer to the south, and the north sales device — its sync running live, as the app's, on the
// page or across the sync worker's channel — receives the key page that lost the customer and the admin's
// move note in either order. A link that holds back one of them (its pulls wait, its stream events carry
// nothing) shows the device then waiting for the other; once that arrives, the device lets go of the
// customer's records, items and key entry without a restart and without any further change on the
// server, stored as pulled: nothing is pushed, the server's copies stay, and the let-go is audited.
import { describe, expect, it } from 'vitest';
import { conflictHandlersFor, type Fetch } from '../../../shared/sync';
import { departuresWaiting, moveNotes, moveToTerritory } from '../../../shared/territories';
import { territorySync } from '../../../renderer/features/sync/stores/territory-sync';
import { channelSyncClient } from '../../helpers/sync-channel';
import { syncClient } from '../../../bench/client-server';
import { rewriteEvents } from '../sync/lying-server';
import { names, twoTerritories } from './organisation';
import { foundIn, NOTE, serverTraces, useTerritoryServer } from './setup';

type HeldBack = 'settings' | 'keys';

/**
 * The device's link to the server: while holding, pulls of `collection` wait before they reach the
 * server, and its stream events are passed on as bare checkpoints (they carry nothing). Records the
 * requests sent.
 */
const holdingBack = (collection: HeldBack) => {
  const sent: string[] = [];
  let gate: Promise<void> | null = null;
  let open = () => {};
  const bare = (frame: string): string => {
    const data = /^data: (.*)$/m.exec(frame)?.[1];
    if (!gate || !data) return frame;
    const event = JSON.parse(data) as { checkpoint: number; collection?: string; documents?: unknown };
    if (event.collection !== collection || event.documents === undefined) return frame;
    return `event: checkpoint\ndata: ${JSON.stringify({ checkpoint: event.checkpoint })}\n\n`;
  };
  const proxy: Fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    sent.push(`${(init?.method ?? 'GET').toUpperCase()} ${url.pathname}`);
    if (url.pathname === `/sync/${collection}/pull`) await gate;
    const response = await fetch(input, init);
    return url.pathname === '/sync/stream' ? rewriteEvents(response, bare) : response;
  };
  return {
    fetch: proxy,
    sent,
    hold: () => void (gate = new Promise((resolve) => (open = resolve))),
    release: () => {
      gate = null;
      open();
    },
  };
};

const WAIT = { timeout: 30_000, interval: 100 };

describe.each(['sqlite', 'postgres'] as const)('the let-go of a moved subject: %s', (adapter) => {
  const fixture = useTerritoryServer(adapter);

  it.each([
    ['the key page before the move note', 'page', 'settings'],
    ['the key page before the move note', 'worker', 'settings'],
    ['the move note before the key page', 'page', 'keys'],
    ['the move note before the key page', 'worker', 'keys'],
  ] as const)('%s (sync on the %s): let go at once, nothing pushed', async (_, runsOn, heldBack) => {
    const { admin, salesA, ids, south, traces } = await twoTerritories(fixture.current);
    const a = await salesA.open();
    const link = holdingBack(heldBack);
    // As the app's sync store wires it (renderer/features/sync/stores/sync-store.ts).
    const sync = await territorySync(a.session, a.link, link.fetch);
    const options = {
      identifier: `${a.link.serverUrl}|${a.link.deviceId}${sync.identifierSuffix}`,
      conflictHandlers: await conflictHandlersFor(a.session),
      writer: { userId: a.link.userId, deviceId: a.link.deviceId },
      catchUp: () => sync.catchUp(),
    };
    const client =
      runsOn === 'page'
        ? syncClient(a.db, a.link, true, { ...options, fetch: sync.fetch })
        : channelSyncClient(a.db, a.link, true, { ...options, fetch: link.fetch, guard: sync.guard });
    const unwatch = sync.watchLetGo(() => client.reSync());
    try {
      await client.start();
      await client.awaitInSync();
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
      const notesBefore = (await moveNotes(a.session)).length;

      link.hold();
      const pushesBefore = link.sent.filter((call) => call.startsWith('POST')).length;
      expect(await moveToTerritory(admin.session, [ids.north], south.data)).toMatchObject({ moved: 1 });
      await admin.sync();
      const moved = await serverTraces(fixture.current.storage, admin.link.orgId, ids.north);

      if (heldBack === 'settings')
        // The key page came without the customer's entry: the departure waits for the admin's word.
        await expect.poll(() => departuresWaiting(a.session), WAIT).toBe(true);
      // The move note came; the key page is held back, so nothing is known to be leaving yet.
      else await expect.poll(async () => (await moveNotes(a.session)).length, WAIT).toBe(notesBefore + 1);
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);

      // The other half arrives; nothing else changes on the server.
      link.release();
      await expect.poll(() => names(a.session), WAIT).toEqual(['Wessel']);
      await expect
        .poll(async () => (await a.session.items(NOTE).listForSubject(ids.north)).records, WAIT)
        .toEqual([]);
      // Neither the ciphertext it held nor the re-sealed one is left: its key entry went too.
      await expect.poll(() => foundIn(a.db, [...traces.north.payloads, ...moved.payloads]), WAIT).toEqual([]);
      await expect.poll(() => departuresWaiting(a.session), WAIT).toBe(false);
      const letGo = (await a.session.audit.entries()).entries.filter((e) => e.kind === 'territory-let-go');
      expect(letGo.map((e) => (e.details as { collection: string }).collection)).toEqual(
        expect.arrayContaining(['records', 'items']),
      );
      expect(JSON.stringify(letGo)).not.toContain(ids.north);

      // Stored as pulled: no record, item or key page was pushed, and the server keeps the customer.
      const pushes = link.sent.filter((call) => call.startsWith('POST')).slice(pushesBefore);
      expect(pushes.filter((call) => /\/sync\/(records|items|keys)\/push$/.test(call))).toEqual([]);
      expect(await serverTraces(fixture.current.storage, admin.link.orgId, ids.north)).toEqual(moved);
      await admin.sync();
      expect(await names(admin.session)).toEqual(['Annelies', 'Bram', 'Wessel']);
    } finally {
      unwatch();
      await client.stop();
      await a.close();
    }
  });
});
