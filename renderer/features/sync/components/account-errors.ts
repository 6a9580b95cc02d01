// The words for what can go wrong when connecting to or signing in on a sync server.
import type { ConnectError, ConnectFailure } from '../stores/server-address';

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
  'certificate-mismatch': 'sync.account.error.certificate-mismatch',
  'server-refused': 'sync.account.error.server-refused',
  'server-unreachable': 'sync.account.error.server-unreachable',
  'server-not-saved': 'sync.account.error.server-not-saved',
  'page-policy': 'sync.account.error.page-policy',
  'not-kluis-server': 'sync.account.error.not-kluis-server',
  'setup-code-required': 'sync.account.error.setup-code-required',
  'request-timeout': 'sync.account.error.request-timeout',
  'too-many-streams': 'sync.account.error.too-many-streams',
  'quota-exceeded': 'sync.account.error.quota-exceeded',
  'storage-full': 'sync.account.error.storage-full',
} as const satisfies Partial<Record<ConnectError, string>>;

export type AccountErrorKey =
  | (typeof KEYS)[keyof typeof KEYS]
  | 'sync.account.error.other'
  | 'sync.account.error.wait-seconds'
  | 'sync.account.error.wait-minutes';

export const accountErrorKey = (error: ConnectError): AccountErrorKey =>
  (KEYS as Partial<Record<ConnectError, AccountErrorKey>>)[error] ?? 'sync.account.error.other';

/** What a screen shows for a failure: the text's key and, for a back-off, how long to wait. */
export interface AccountProblem {
  readonly key: AccountErrorKey;
  /** Seconds or minutes, as the key says. */
  readonly count?: number;
}

/** A back-off the server timed (429 with Retry-After) is worded with its wait, in minutes past 90 s. */
export const accountProblem = (failure: ConnectFailure): AccountProblem => {
  const wait = failure.retryAfterSeconds;
  if (failure.error !== 'too-many-attempts' || wait === undefined)
    return { key: accountErrorKey(failure.error) };
  return wait <= 90
    ? { key: 'sync.account.error.wait-seconds', count: Math.max(1, Math.ceil(wait)) }
    : { key: 'sync.account.error.wait-minutes', count: Math.ceil(wait / 60) };
};
