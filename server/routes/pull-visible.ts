// A pull page as the caller is sent it (issue 19): the stored documents after the checkpoint, filtered to
// the caller's territories (visibleDocs), and whether more come. Clients take a page shorter than its
// limit without `more` for the last (first-sync.ts, and RxDB's pull), so a full page the filter thinned
// says `more`; and RxDB's pull stops at an empty page without moving its checkpoint, so a full page the
// filter emptied is not answered: the next is read instead, up to SCAN_PAGES pages in one pull.
import type { Collection, PullResponse } from '../../shared/sync';
import type { Caller } from '../auth';
import type { ServerContext } from '../context';
import { visibleDocs } from './territories';

/** The most stored pages one pull reads past pages the territory filter emptied. */
export const SCAN_PAGES = 50;

export interface VisiblePage {
  documents: PullResponse['documents'];
  /** The sequence of the last stored document read (sent or not), or the checkpoint asked from. */
  checkpoint: number;
  more: boolean;
}

export const pullVisible = async (
  ctx: Pick<ServerContext, 'storage' | 'territories'>,
  caller: Pick<Caller, 'role' | 'user'>,
  collection: Collection,
  page: { from: number; limit: number; maxBytes: number },
): Promise<VisiblePage> => {
  let checkpoint = page.from;
  for (let read = 1; ; read++) {
    const stored = await ctx.storage.pullPage(
      caller.user.orgId,
      collection,
      checkpoint,
      page.limit,
      page.maxBytes,
    );
    const documents = await visibleDocs(ctx.territories, caller, collection, stored.docs);
    checkpoint = stored.docs.at(-1)?.seq ?? checkpoint;
    const thinned = documents.length < stored.docs.length && stored.docs.length >= page.limit;
    const more = stored.truncated || thinned;
    if (documents.length || !more || read >= SCAN_PAGES) return { documents, checkpoint, more };
  }
};
