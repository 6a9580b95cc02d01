// What a bulk update is: one operation over many people, its preview (who would change, who is skipped
// and why) and its report.
import type { z } from 'zod';
import type { ConsentEventType, Evidence, ProgressOptions } from '../consent';
import type { ConsentMethod, LawfulBasis } from '../purposes';

export type BulkOperation =
  | {
      readonly type: 'set-fields';
      readonly jobTitle?: string;
      readonly organisationId?: string | null;
      /** Reassigns the account owner (a member's user id). */
      readonly ownerId?: string;
      readonly tagsAdd?: readonly string[];
      readonly tagsRemove?: readonly string[];
    }
  | {
      readonly type: 'set-basis';
      readonly purposeId: string;
      readonly basis: LawfulBasis | null;
      readonly note?: string;
    }
  | {
      readonly type: 'consent';
      readonly purposeId: string;
      readonly event: ConsentEventType;
      readonly method: ConsentMethod;
      readonly noticeId?: string | null;
      readonly noticeVersion?: string;
      readonly evidence?: z.input<typeof Evidence>;
      readonly expiresAt?: number | null;
    }
  | { readonly type: 'subscribe'; readonly subscriptionTypeId: string }
  | { readonly type: 'unsubscribe'; readonly subscriptionTypeId: string };

export type BulkSkipReason = 'erased' | 'restricted' | 'unsubscribed' | 'no-change' | 'invalid';

export interface BulkPlan {
  readonly total: number;
  /** People the operation would change. */
  readonly change: string[];
  readonly skipped: { personId: string; reason: BulkSkipReason }[];
  readonly counts: Partial<Record<BulkSkipReason, number>>;
}

export interface BulkReport extends BulkPlan {
  readonly batchId: string;
  /** People actually changed (== change unless aborted). */
  readonly changed: string[];
  readonly aborted: boolean;
}

export interface BulkOptions extends ProgressOptions {
  readonly batchId?: string;
  /** People per chunk between yields to the event loop (default 500). */
  readonly chunkSize?: number;
}
