// The words for what can go wrong when connecting to or signing in on a sync server.
import type { AccountError } from '../../../../shared/sync/account';

const KEYS = {
  offline: 'sync.account.error.offline',
  'wrong-passphrase': 'sync.account.error.wrong-passphrase',
  'wrong-credentials': 'sync.account.error.wrong-credentials',
  'not-found': 'sync.account.error.not-found',
  'org-exists': 'sync.account.error.org-exists',
  'user-exists': 'sync.account.error.user-exists',
  'awaiting-org-key': 'sync.account.error.awaiting-org-key',
  'too-many-attempts': 'sync.account.error.too-many-attempts',
  'bad-response': 'sync.account.error.bad-response',
  'wrong-invite': 'sync.account.error.wrong-invite',
  'grant-not-verified': 'sync.account.error.grant-not-verified',
} as const satisfies Partial<Record<AccountError, string>>;

export type AccountErrorKey = (typeof KEYS)[keyof typeof KEYS] | 'sync.account.error.other';

export const accountErrorKey = (error: AccountError): AccountErrorKey =>
  (KEYS as Partial<Record<AccountError, AccountErrorKey>>)[error] ?? 'sync.account.error.other';
