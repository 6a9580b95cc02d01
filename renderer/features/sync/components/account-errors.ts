// The words for what can go wrong when connecting to or signing in on a sync server.
import type { ConnectError } from '../stores/server-address';

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
  'kdf-too-weak': 'sync.account.error.kdf-too-weak',
  'kdf-unsupported': 'sync.account.error.kdf-unsupported',
  'org-key-not-authenticated': 'sync.account.error.org-key-not-authenticated',
  'passphrase-changed': 'sync.account.error.passphrase-changed',
  'last-admin': 'sync.account.error.last-admin',
  'account-suspended': 'sync.account.error.account-suspended',
  'epoch-stale': 'sync.account.error.epoch-stale',
  'member-key-changed': 'sync.account.error.member-key-changed',
  'server-address': 'sync.account.error.server-address',
  reloading: 'sync.account.error.reloading',
} as const satisfies Partial<Record<ConnectError, string>>;

export type AccountErrorKey = (typeof KEYS)[keyof typeof KEYS] | 'sync.account.error.other';

export const accountErrorKey = (error: ConnectError): AccountErrorKey =>
  (KEYS as Partial<Record<ConnectError, AccountErrorKey>>)[error] ?? 'sync.account.error.other';
