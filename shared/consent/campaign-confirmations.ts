// Confirmations for a whole double opt-in list (issue 17): every subscription still pending gets its
// message, each made exactly as the one-person dialog makes it (sendConfirmation: the purpose gate, the
// tokens held here and registered by hash, the message composed) and audited per person. Through the
// desktop's SMTP server each message is audited as soon as it left; as .eml files they are zipped and
// audited once the zip is saved. Who was left out, and why, comes back for the screen (ids only).
import { strToU8, zipSync } from 'fflate';
import { renderEml, type MessageLanguage } from '../messages';
import type { MailMessage } from '../platform';
import type { AuditEvent } from '../audit';
import type { Session } from '../vault';
import type { AuditStep, Deliver, Done } from '../workspace';
import { deliverFile } from '../workspace';
import { subscriptionStatus } from './derive';
import { loadLedgers, yieldToUi } from './facts';
import { ConfirmationRefused, sendConfirmation, type ConfirmationRefusal, type LinkServer } from './links';
import { SUBSCRIPTION_TYPE } from './types';

export type BulkConfirmationInput = {
  readonly subscriptionTypeId: string;
  readonly language: MessageLanguage;
  readonly server: LinkServer;
  readonly onProgress?: (progress: { done: number; total: number; sent: number }) => void;
  readonly signal?: AbortSignal;
  readonly now?: number;
} & (
  | { readonly via: 'smtp'; readonly send: (message: MailMessage) => Promise<unknown> }
  | { readonly via: 'eml'; readonly deliver: Deliver; readonly fileName: string }
);

export interface BulkConfirmationResult {
  /** The people whose message left (SMTP) or is in the saved zip (.eml). */
  readonly sent: readonly string[];
  /** Pending people who got no message, and why. */
  readonly skipped: readonly { readonly personId: string; readonly reason: ConfirmationRefusal }[];
  /** The zip's name (.eml only); null when nothing was written or it went by SMTP. */
  readonly savedAs: string | null;
}

/** The people whose subscription to the list is pending at `now` (not confirmed, not unsubscribed). */
export const pendingSubscribers = async (
  session: Session,
  subscriptionTypeId: string,
  now: number,
  signal?: AbortSignal,
): Promise<string[]> => {
  const { subscriptions } = await loadLedgers(session, signal);
  return [...subscriptions]
    .filter(([, entries]) => subscriptionStatus(entries, subscriptionTypeId, now).state === 'pending')
    .map(([personId]) => personId);
};

export const sendConfirmations = async (
  session: Session,
  input: BulkConfirmationInput,
  step: AuditStep,
): Promise<Done<BulkConfirmationResult>> => {
  const now = input.now ?? Date.now();
  const { signal } = input;
  await session.settings(SUBSCRIPTION_TYPE).get(input.subscriptionTypeId);
  const pending = await pendingSubscribers(session, input.subscriptionTypeId, now, signal);
  const sent: string[] = [];
  const skipped: { personId: string; reason: ConfirmationRefusal }[] = [];
  const files: Record<string, Uint8Array> = {};
  const audits: AuditEvent[] = [];
  input.onProgress?.({ done: 0, total: pending.length, sent: 0 });
  for (const [index, personId] of pending.entries()) {
    signal?.throwIfAborted();
    const send =
      input.via === 'smtp'
        ? input.send
        : async (message: MailMessage) => {
            const name = `confirmation-${String(index + 1).padStart(5, '0')}.eml`;
            files[name] = strToU8(renderEml(message, { date: now }));
          };
    try {
      const done = await sendConfirmation(session, {
        personId,
        subscriptionTypeId: input.subscriptionTypeId,
        language: input.language,
        server: input.server,
        via: input.via,
        send,
        now,
      });
      // A message that left by SMTP is accounted for at once, so a later failure cannot lose its entry.
      for (const entry of [done.audit].flat())
        if (input.via === 'smtp') await step(entry);
        else audits.push(entry);
      sent.push(personId);
    } catch (error) {
      if (!(error instanceof ConfirmationRefused)) throw error;
      // Nobody to send from stops the whole run: every message would be refused the same way.
      if (error.reason === 'no-sender') throw error;
      skipped.push({ personId, reason: error.reason });
    }
    input.onProgress?.({ done: index + 1, total: pending.length, sent: sent.length });
    if (index % 50 === 49) await yieldToUi();
  }
  if (input.via === 'smtp' || !sent.length) return { result: { sent, skipped, savedAs: null }, audit: [] };
  const savedAs = await deliverFile(input.deliver, input.fileName, 'zip', zipSync(files));
  return { result: { sent, skipped, savedAs }, audit: audits };
};
