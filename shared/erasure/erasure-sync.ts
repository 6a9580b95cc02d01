// Keeps this device in step with the server's erasure ledger; it runs as SyncClient's `catchUp`, before
// replication starts and after every event of the server's stream. It sends the erasures made here while
// offline (or before the vault was linked), reads the ledger from where it stopped, purges every erased
// subject it still holds, and confirms the purge so the certificate can list this device. Every step can
// run again: a purge of what is gone writes nothing, and the server takes a confirmation twice.
// Erasure sits above sync (crypto < store < audit < vault < sync < erasure): it talks to the server through
// sync's client, and sync knows nothing of erasure (its conflict resolution only counts what it discards).
import {
  ROUTES,
  serverClient,
  SyncRequestError,
  type AccountLink,
  type AnyRoute,
  type CallArgs,
  type CallInput,
  type ErasureConfirmRequest,
  type ErasureStatusResponse,
  type Fetch,
  type RouteValue,
  type ServerClient,
} from '../sync';
import type { Session } from '../vault';
import type { ErasureLedger } from './erasure';
import { dequeueErasure, ledgerCursor, queuedErasures, saveLedgerCursor } from './erasure-local';
import {
  ERASURE_CERTIFICATE_CONFIG,
  certificateIdFor,
  type CertificateDevice,
  type ErasureCertificate,
} from './erasure-model';
import { signErasureOrder, verifyErasureOrder } from './erasure-order';
import { purgeSubjects } from './erasure-purge';

/** The most subject ids one confirmation carries (protocol.ts). */
const CONFIRM_BATCH = 1000;

export interface ErasureSyncOptions {
  readonly session: Session;
  readonly fetch: Fetch;
  readonly link: Pick<AccountLink, 'serverUrl' | 'token' | 'deviceId' | 'userId' | 'role' | 'orgId'>;
  readonly now?: () => number;
}

export class ErasureSync implements ErasureLedger {
  private readonly server: ServerClient;
  private running: Promise<void> | undefined;

  constructor(private readonly options: ErasureSyncOptions) {
    // One retry at once: a kept-alive connection to a server that restarted fails the first request.
    // Every call here may be sent twice (server-routes.ts marks them so).
    this.server = serverClient(options.fetch, options.link, { retries: 1 });
  }

  get deviceId(): string {
    return this.options.link.deviceId;
  }

  get userId(): string {
    return this.options.link.userId;
  }

  /** SyncClient's catch-up hook: queued erasures out, the ledger in. Runs one at a time. */
  readonly catchUp = (): Promise<void> => {
    this.running ??= (async () => {
      try {
        // A queued erasure the server refuses must not keep this device from reading the ledger.
        const flushed = await this.flushQueue().then(
          () => null,
          (error: unknown) => error,
        );
        await this.pullLedger();
        if (flushed) throw flushed;
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  };

  /**
   * Sends the erasures this device made while offline or unlinked. Stops at the first that cannot
   * reach the server (the rest wait for the next catch-up); returns the subject ids recorded now.
   */
  async flushQueue(): Promise<ReadonlySet<string>> {
    const { session } = this.options;
    const recorded = new Set<string>();
    const signer = await session.deviceSigner();
    for (const entry of await queuedErasures(session)) {
      const order = signErasureOrder(
        session.cipher.sodium,
        session.orgKey,
        signer,
        this.options.link.orgId,
        entry,
      );
      await this.request(ROUTES.recordErasure, { body: order });
      await dequeueErasure(session, entry.subjectId);
      recorded.add(entry.subjectId);
      await this.updateCertificate(entry.subjectId, (c) => ({ ...c, ledger: 'recorded' }));
    }
    // This device purged them when it erased; say so at once rather than at the next ledger read.
    if (recorded.size) await this.confirm([...recorded]);
    return recorded;
  }

  /** Reads the ledger after this device's cursor, purges what it names, confirms, moves the cursor. */
  async pullLedger(): Promise<string[]> {
    const { session, link } = this.options;
    const purged: string[] = [];
    let after = await ledgerCursor(session, link.serverUrl);
    for (;;) {
      const page = await this.request(ROUTES.erasures, { query: { after } });
      if (!page.erasures.length || page.checkpoint <= after) break;
      // Only orders an admin device signed and sealed with the organisation key purge anything: an entry
      // the server made up or changed is passed over (and not confirmed).
      const { sodium } = session.cipher;
      const ids = page.erasures
        .filter((e) => verifyErasureOrder(sodium, session.orgKey, link.orgId, e))
        .map((e) => e.subjectId);
      await purgeSubjects(session, ids);
      await this.confirm(ids);
      purged.push(...ids);
      after = page.checkpoint;
      // The cursor moves only after the confirmation: a crash in between purges and confirms again.
      await saveLedgerCursor(session, { serverUrl: link.serverUrl, after });
    }
    return purged;
  }

  /** What the server knows of one erasure: the devices that confirmed and those still outstanding. */
  status(subjectId: string): Promise<ErasureStatusResponse> {
    return this.request(ROUTES.erasureStatus, { params: { subjectId } });
  }

  /** Reads the devices from the server into the certificate (admin's device), and returns it. */
  async refreshCertificate(subjectId: string): Promise<ErasureCertificate> {
    const status = await this.status(subjectId);
    const devices: CertificateDevice[] = [
      ...status.confirmed.map((d) => ({
        deviceId: d.deviceId,
        userId: d.userId,
        confirmedAt: d.confirmedAt,
      })),
      ...status.outstanding.map((d) => ({
        deviceId: d.deviceId,
        userId: d.userId,
        confirmedAt: null,
        lastSyncAt: d.lastSyncAt,
      })),
    ];
    const checkedAt = (this.options.now ?? Date.now)();
    const keys = await this.request(ROUTES.keys, {});
    const updated = await this.updateCertificate(subjectId, (c) => ({
      ...c,
      ledger: 'recorded',
      devices,
      checkedAt,
      // Only a rotation that began after the erasure re-wrapped pages that no longer held its key.
      rotationFinishedAt:
        keys.epochs.find((e) => e.createdAt >= c.erasedAt && e.finishedAt !== null)?.finishedAt ?? null,
    }));
    if (!updated) throw new SyncRequestError('not-found');
    return updated;
  }

  private async confirm(subjectIds: readonly string[]): Promise<void> {
    for (let start = 0; start < subjectIds.length; start += CONFIRM_BATCH) {
      const body: ErasureConfirmRequest = { subjectIds: subjectIds.slice(start, start + CONFIRM_BATCH) };
      await this.request(ROUTES.confirmErasures, { body });
    }
  }

  /** Changes the certificate filed on this device, if there is one (only the erasing admin's has it). */
  private async updateCertificate(
    subjectId: string,
    change: (certificate: ErasureCertificate) => ErasureCertificate,
  ): Promise<ErasureCertificate | null> {
    const certificates = this.options.session.compliance(ERASURE_CERTIFICATE_CONFIG);
    const id = certificateIdFor(subjectId);
    const current = await certificates.get(id).catch(() => null);
    if (!current) return null;
    return (await certificates.put(change(current.data), id)).data;
  }

  /** One call to the server; a failure is thrown as the code SyncClient's status reports. */
  private async request<R extends AnyRoute>(route: R, input: CallInput<R>): Promise<RouteValue<R>> {
    const reply = await this.server.call(route, ...([input] as CallArgs<R>));
    if (!reply.ok) throw new SyncRequestError(reply.error, reply.wipe === true);
    return reply.value;
  }
}
