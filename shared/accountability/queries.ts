// The audit trail's integrity, live: every device's hash chain checked on this device and, when the vault
// is linked and the server answers, against the heads the server anchored (a rewritten history shows).
import type { ChainReport } from '../audit';
import type { AccountLink } from '../sync';
import { fetchAuditAnchors, type Fetch } from '../sync';
import type { Workspace } from '../workspace';
import { defineQuery } from '../workspace';

/** The server to compare with, or null for a vault kept on this device only. */
export type AnchorServer = Pick<AccountLink, 'serverUrl' | 'token'> | null;

export interface AuditStatus {
  readonly report: ChainReport;
  /** Verified against the heads the server anchored (false: this device's copy only, e.g. offline). */
  readonly anchored: boolean;
}

/** Verifies the chains; offline they are still checked here, only the comparison with the server waits. */
export const verifyAuditTrail = async (
  workspace: Workspace,
  fetch: Fetch,
  server: AnchorServer,
): Promise<AuditStatus> => {
  const anchors = server ? await fetchAuditAnchors(fetch, server) : null;
  const value = anchors?.ok ? anchors.value : null;
  return { report: await workspace.audit.verify(value ?? []), anchored: value !== null };
};

/** `verifyAuditTrail` as a live query: checked again whenever an audit entry is written or synced. */
export const auditStatus = (fetch: Fetch) =>
  defineQuery('audit.status', [{ collection: 'audit' }], (workspace, server: AnchorServer) =>
    verifyAuditTrail(workspace, fetch, server),
  );
