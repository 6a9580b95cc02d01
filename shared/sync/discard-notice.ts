// How many stale changes to erased people sync's conflict resolution refused (merge.ts), for the notice
// "n changes to an erased person were discarded": kept on this device only.
import { changeLocalDoc, readLocalDoc, type LocalVault } from '../vault';

export interface DiscardNotice {
  readonly count: number;
  /** Recent discarded changes (document id and time), so a retried resolution is counted once. */
  readonly seen: readonly string[];
}

const NOTICE_ID = 'erasure-discarded';
const SEEN_KEPT = 200;
const NO_NOTICE: DiscardNotice = { count: 0, seen: [] };

export const discardNotice = (vault: LocalVault): Promise<DiscardNotice> =>
  readLocalDoc(vault, NOTICE_ID, NO_NOTICE);

/** Counts one stale change to an erased subject that sync refused; `key` identifies it (id and time). */
export const countDiscarded = (vault: LocalVault, key: string): Promise<DiscardNotice> =>
  changeLocalDoc(vault, NOTICE_ID, NO_NOTICE, (notice) =>
    notice.seen.includes(key)
      ? notice
      : { count: notice.count + 1, seen: [...notice.seen, key].slice(-SEEN_KEPT) },
  );

/** The user has read the notice. */
export const clearDiscardNotice = (vault: LocalVault): Promise<DiscardNotice> =>
  changeLocalDoc(vault, NOTICE_ID, NO_NOTICE, (notice) => ({ count: 0, seen: notice.seen }));

/** The notice document's id, for a UI that follows the vault collection's changes. */
export const DISCARD_NOTICE_ID = NOTICE_ID;
