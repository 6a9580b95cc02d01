// The face of shared/consent: consent, subscriptions, privacy notices, the purpose gate and receipts. Import from this folder, never from a file in it.
export * from './types';
export * from './derive';
export * from './gate';
export * from './notices';
export * from './defaults';
export * from './ledgers';
export * from './subscriptions';
export { DECRYPT_CHUNK, factsFor, loadLedgers, loadPeople, yieldToUi, type LedgerIndex } from './facts';
export * from './run-gate';
export * from './receipts';
export * from './operations';
export {
  ConfirmationRefused,
  LinkServerError,
  type ConfirmationRefusal,
  type ConfirmationRequest,
  type ConfirmationSent,
  type LinkClicksRecorded,
  type LinkServer,
} from './links';
export type { CampaignLink, CampaignLinks, CampaignLinksRequest } from './campaign-links';
export type { CampaignColumn, CampaignExportInput, CampaignExportResult } from './campaign-export';
export {
  pendingSubscribers,
  type BulkConfirmationInput,
  type BulkConfirmationResult,
} from './campaign-confirmations';
export * from './register-export';
export * from './queries';
