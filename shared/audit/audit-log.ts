// The audit trail (GDPR Art. 5(2) accountability): who did what to whose data, from which device, when,
// and for which purpose or request — never field contents. Entries are written by core operations
// (shared/workspace/operation.ts: the entries an operation returns, or its auditStep), not by features.
// Entries are encrypted, hash-chained per device and replicate like other data (see issue 7).

export const AUDIT_ACTIONS = [
  'view',
  'create',
  'update',
  'delete',
  'export',
  'import',
  'bulk-update',
  'erasure',
  'sign-in',
  'role-change',
  'consent',
  /** A new page-key epoch (sync/rotation.ts); details: reason, epoch id. */
  'key-rotation',
  /**
   * Territories (shared/territories): a territory's key or subjects moved; or, kind
   * 'territory-refused', a pull held documents of a territory this device does not hold, which it dropped.
   */
  'territory',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  readonly action: AuditAction;
  /** What was touched: record kinds ('person', 'deal', 'campaign-list'...). */
  readonly kind: string;
  /** Random record ids (never personal data); for a bulk operation, every id it touched. */
  readonly recordIds: readonly string[];
  /** The purposes register entry the action served, where there is one. */
  readonly purposeId?: string;
  /** The rights request (issue 6) the action answered, where there is one. */
  readonly requestId?: string;
  /** One id shared by every entry of one bulk operation or import. */
  readonly batchId?: string;
  /** Counts and codes only, e.g. {excluded: 3, reason: 'withdrawn'}; never names or contents. */
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

export interface AuditLog {
  /** Appends one entry; resolves once it is stored. */
  record(event: AuditEvent): Promise<void>;
}
