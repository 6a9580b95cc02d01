// Unsubscribe links for a campaign list (issue 17): one /u/<token> per person, for the list the campaign
// uses or every list of its purpose, held in the person's synced link records (link-store.ts) and
// registered by hash with the organisation's server, with the RFC 2369 / RFC 8058 header values a mailing
// tool can send with it.
import { PURPOSE } from '../purposes';
import { NotFoundError } from '../store';
import { linkUrl, listUnsubscribeHeaders } from '../sync';
import type { Session } from '../vault';
import type { Done } from '../workspace';
import { holdLinks } from './link-store';
import { registerWith, type LinkServer } from './links';
import { SUBSCRIPTION_TYPE } from './types';

export interface CampaignLinksRequest {
  readonly purposeId: string;
  /** The campaign's list; absent or null: every list of the purpose. */
  readonly subscriptionTypeId?: string | null;
  /** The people the purpose gate let through (consent.campaignList's eligible ids). */
  readonly personIds: readonly string[];
  readonly server: LinkServer;
  readonly now?: number;
}

export interface CampaignLink {
  /** The page where the person unsubscribes: `<server>/u/<token>`. */
  readonly url: string;
  /** RFC 2369's List-Unsubscribe value, `<url>`; send with `List-Unsubscribe-Post`. */
  readonly listUnsubscribe: string;
}

export interface CampaignLinks {
  readonly links: ReadonlyMap<string, CampaignLink>;
  /** The same for every message: `List-Unsubscribe=One-Click` (RFC 8058). */
  readonly listUnsubscribePost: string;
}

export const campaignUnsubscribeLinks = async (
  session: Session,
  request: CampaignLinksRequest,
): Promise<Done<CampaignLinks>> => {
  const now = request.now ?? Date.now();
  const purpose = await session.settings(PURPOSE).get(request.purposeId);
  const listId = request.subscriptionTypeId ?? null;
  if (listId) {
    const list = await session.settings(SUBSCRIPTION_TYPE).get(listId);
    if (list.data.purposeId !== purpose.id) throw new NotFoundError(SUBSCRIPTION_TYPE.kind, listId);
  }
  const personIds = [...new Set(request.personIds)];
  const abouts = personIds.map(
    (personId) =>
      ({ kind: 'unsubscribe', personId, subscriptionTypeId: listId, purposeId: purpose.id }) as const,
  );
  // Every token is registered (again) before the file is made; new ones are shared once the server took them.
  const held = await holdLinks(session, abouts, now, registerWith(request.server));
  const tokens = new Map(personIds.map((personId, i) => [personId, held[i]!.token]));
  const { serverUrl } = request.server;
  const links = new Map(
    [...tokens].map(([personId, token]) => {
      const headers = listUnsubscribeHeaders(serverUrl, token);
      const link = {
        url: linkUrl(serverUrl, 'unsubscribe', token),
        listUnsubscribe: headers['List-Unsubscribe'],
      };
      return [personId, link] as const;
    }),
  );
  return {
    result: { links, listUnsubscribePost: 'List-Unsubscribe=One-Click' },
    audit: {
      action: 'create',
      kind: 'unsubscribe-link',
      recordIds: personIds,
      purposeId: purpose.id,
      details: { links: personIds.length, ...(listId ? { list: listId } : {}) },
    },
  };
};
