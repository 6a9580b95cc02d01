// What a user does that the audit trail itself accounts for: opening the vault. Every unlock is an entry,
// so the trail shows who worked on this device and when. And the trail itself, read live.
import { defineOperation } from '../workspace';
import { defineQuery } from '../workspace';
import type { AuditEntry } from '../audit';

/** Recorded once per unlock, by the host that opened the vault. */
export const signIn = defineOperation('audit.sign-in', async () => ({
  result: undefined,
  audit: { action: 'sign-in', kind: 'session', recordIds: [] },
}));

export interface AuditTrailPage {
  /** The newest entries, newest first, at most the limit asked for. */
  readonly entries: readonly AuditEntry[];
  /** How many entries this device holds in all. */
  readonly total: number;
}

/** The audit trail as this device holds it (its own entries and those synced from others), newest first. */
export const auditTrail = defineQuery(
  'audit.trail',
  [{ collection: 'audit' }],
  async (workspace, limit: number): Promise<AuditTrailPage> => {
    const { entries } = await workspace.audit.entries();
    return { entries: entries.slice(0, limit), total: entries.length };
  },
);
