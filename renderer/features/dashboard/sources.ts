// Where each dashboard tile gets its figures. Injected (the page takes a `sources` prop) so a tile can be
// shown against a stand-in while its producer is unfinished; `dashboardSources` wires the real modules.
import type { Anchor, ChainReport } from '../../../shared/audit';
import { summariseBreaches, type BreachesSummary } from '../../../shared/breach';
import type { AccountLink } from '../../../shared/sync';
import { listDevices } from '../../../shared/sync';
import { summariseRetention, type RetentionSummary } from '../../../shared/retention';
import { deviceFreshness, type DeviceFreshness } from '../../../shared/dashboard';
import { loadConsentExpiry, loadLawfulBasisGaps, loadProcessorReviews } from '../../../shared/dashboard';
import type { ConsentExpiry, LawfulBasisGaps, ProcessorReviews } from '../../../shared/dashboard';
import { summariseRequests, type RequestsSummary } from '../../../shared/requests';
import type { Session } from '../../../shared/vault';
import { fetchFromWindow } from '../sync/stores/sync-store';

/** A tile that needs the server says why it has nothing: no server linked, or the server unreachable. */
export class TileUnavailable extends Error {
  override readonly name = 'TileUnavailable';
  constructor(readonly reason: 'not-linked' | 'offline') {
    super(`Dashboard tile unavailable: ${reason}`);
  }
}

export interface TileContext {
  readonly session: Session;
  /** The sync server link, or null for a vault kept on this device only. */
  readonly link: AccountLink | null;
  readonly now: number;
}

export interface AuditStatus {
  readonly report: ChainReport;
  /** Verified against the heads the server anchored (false: this device's copy only, e.g. offline). */
  readonly anchored: boolean;
}

export interface DashboardSources {
  readonly lawfulBasis: (ctx: TileContext) => Promise<LawfulBasisGaps>;
  readonly consentExpiry: (ctx: TileContext) => Promise<ConsentExpiry>;
  readonly requests: (ctx: TileContext) => Promise<RequestsSummary>;
  readonly breaches: (ctx: TileContext) => Promise<BreachesSummary>;
  readonly retention: (ctx: TileContext) => Promise<RetentionSummary>;
  readonly devices: (ctx: TileContext) => Promise<DeviceFreshness>;
  readonly audit: (ctx: TileContext) => Promise<AuditStatus>;
  readonly processors: (ctx: TileContext) => Promise<ProcessorReviews>;
}

const fetchAnchors = async (link: AccountLink): Promise<Anchor[] | null> => {
  try {
    const response = await fetchFromWindow(`${link.serverUrl.replace(/\/+$/, '')}/audit/anchors`, {
      headers: { authorization: `Bearer ${link.token}` },
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { ok: boolean; value?: Anchor[] };
    return body.ok && Array.isArray(body.value) ? body.value : null;
  } catch {
    return null;
  }
};

export const dashboardSources: DashboardSources = {
  lawfulBasis: ({ session, now }) => loadLawfulBasisGaps(session, now),
  consentExpiry: ({ session, now }) => loadConsentExpiry(session, now),
  requests: ({ session, now }) => summariseRequests(session, now),
  breaches: ({ session, now }) => summariseBreaches(session, now),
  retention: ({ session, now }) => summariseRetention(session, now),
  devices: async ({ link, now }) => {
    if (!link) throw new TileUnavailable('not-linked');
    const reply = await listDevices(fetchFromWindow, link);
    if (!reply.ok) {
      if (reply.error === 'offline') throw new TileUnavailable('offline');
      throw new Error(`Devices could not be listed: ${reply.error}`);
    }
    return deviceFreshness(reply.value, now);
  },
  audit: async ({ session, link }) => {
    // Offline, the chains are still checked on this device; only the comparison with the server waits.
    const anchors = link ? await fetchAnchors(link) : null;
    return { report: await session.audit.verify(anchors ?? []), anchored: anchors !== null };
  },
  processors: ({ session, now }) => loadProcessorReviews(session, now),
};
