// A pull page as the caller is sent it (issue 19), and on a first sync how many documents it will receive.
// A caller who holds some of the organisation's territories (heldTerritories) is read a page of only the
// documents of no territory or of those it holds, selected in SQL (storage/held-pages.ts), and moves to the
// checkpoint storage answers: past every document of other territories once fewer than `limit` came, so a
// device in sync does not pull again. What SQL returns still passes the same filter here (defence in
// depth: a wrong tag column never sends another territory's document). Everyone else (admins, members of
// an organisation without territories, collections of no subject) is read the stored pages as before.
// A first sync's settings pull that asks for `arrivals=held` is read the same way: the move notes of first
// arrivals carry their territory's tag (shared/territories/tags.ts), so those into other territories are
// left out; every other setting has none and comes.
// Clients take a page shorter than its limit without `more` for the last (first-sync.ts, RxDB's pull).
import type { Collection, PullResponse } from '../../shared/sync';
import type { Caller } from '../auth';
import type { ServerContext } from '../context';
import { heldTerritories, visibleAmong } from './territories';

export interface VisiblePage {
  documents: PullResponse['documents'];
  /** Where the caller continues: the last stored document read, or past all when the page was the last. */
  checkpoint: number;
  more: boolean;
  /** With `count`: how many documents the caller will receive after the checkpoint asked from. */
  remaining?: number;
}

export const pullVisible = async (
  ctx: Pick<ServerContext, 'storage' | 'territories'>,
  caller: Pick<Caller, 'role' | 'user'>,
  collection: Collection,
  page: { from: number; limit: number; maxBytes: number; count?: boolean; arrivals?: 'held' },
): Promise<VisiblePage> => {
  const orgId = caller.user.orgId;
  const held = await heldTerritories(ctx.territories, caller, collection, page.arrivals);
  if (held === null) {
    const stored = await ctx.storage.pullPage(orgId, collection, page.from, page.limit, page.maxBytes);
    return {
      documents: visibleAmong(collection, null, stored.docs),
      checkpoint: stored.docs.at(-1)?.seq ?? page.from,
      more: stored.truncated,
      ...(page.count ? { remaining: await ctx.storage.countAfter(orgId, collection, page.from) } : {}),
    };
  }
  const tags = [...held];
  const stored = await ctx.storage.pullHeldPage(
    orgId,
    collection,
    page.from,
    page.limit,
    page.maxBytes,
    tags,
  );
  return {
    documents: visibleAmong(collection, held, stored.docs),
    checkpoint: stored.checkpoint,
    more: stored.truncated || stored.docs.length >= page.limit,
    ...(page.count
      ? { remaining: await ctx.storage.countHeldAfter(orgId, collection, page.from, tags) }
      : {}),
  };
};
