// The server's limits, as a user reads them: a back-off says how long to wait (from Retry-After), and a
// timeout, full streams, a full quota, a required setup code and another certificate each get their own
// words in English and Dutch, on the account screens and in the sync status, never "something failed".
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '../../../../renderer/app/i18n';
import { accountProblem } from '../../../../renderer/features/sync/components/account-errors';
import { ProblemAlert } from '../../../../renderer/features/sync/components/ProblemAlert';
import { useSyncStatusText } from '../../../../renderer/features/sync/hooks/useSyncStatusText';
import type { ConnectFailure } from '../../../../renderer/features/sync/stores/server-address';
import type { SyncErrorCode } from '../../../../shared/sync';

afterEach(async () => {
  await i18next.changeLanguage('en');
});

const shown = (failure: ConnectFailure) => {
  const { unmount } = render(<ProblemAlert problem={accountProblem(failure)} />);
  const text = screen.getByRole('alert').textContent ?? '';
  unmount();
  return text;
};

function Status({ error }: { readonly error: SyncErrorCode }) {
  const text = useSyncStatusText({
    online: true,
    syncing: false,
    pending: 0,
    lastSyncedAt: null,
    error,
    wipe: false,
    firstSync: null,
  });
  return <p>{text}</p>;
}
const statusText = (error: SyncErrorCode) => {
  const { container, unmount } = render(<Status error={error} />);
  const text = container.textContent ?? '';
  unmount();
  return text;
};

const LIMIT_CODES = [
  'request-timeout',
  'too-many-streams',
  'quota-exceeded',
  'storage-full',
  'setup-code-required',
  'certificate-mismatch',
] as const;

describe('the server’s limits in words', () => {
  it('says how long to wait after a back-off, in seconds or minutes, in English and Dutch', async () => {
    expect(shown({ error: 'too-many-attempts', retryAfterSeconds: 30 })).toBe(
      'Too many attempts. Try again in 30 seconds.',
    );
    expect(shown({ error: 'too-many-attempts', retryAfterSeconds: 1 })).toBe(
      'Too many attempts. Try again in 1 second.',
    );
    expect(shown({ error: 'too-many-attempts', retryAfterSeconds: 900 })).toBe(
      'Too many attempts. Try again in 15 minutes.',
    );
    expect(shown({ error: 'too-many-attempts' })).toBe('Too many attempts. Wait a while and try again.');
    await i18next.changeLanguage('nl');
    expect(shown({ error: 'too-many-attempts', retryAfterSeconds: 30 })).toBe(
      'Te veel pogingen. Probeer het over 30 seconden opnieuw.',
    );
    expect(shown({ error: 'too-many-attempts', retryAfterSeconds: 60 * 15 })).toBe(
      'Te veel pogingen. Probeer het over 15 minuten opnieuw.',
    );
  });

  it.each(['en', 'nl'])(
    'words every limit on the account screens in %s, each differently',
    async (language) => {
      await i18next.changeLanguage(language);
      const other = shown({ error: 'internal' });
      const texts = LIMIT_CODES.map((error) => shown({ error }));
      for (const text of texts) expect(text).not.toBe(other);
      expect(new Set(texts).size).toBe(texts.length);
    },
  );

  it.each(['en', 'nl'])('words the limits a running sync meets in its status in %s', async (language) => {
    await i18next.changeLanguage(language);
    const other = statusText('internal-error-nobody-words' as SyncErrorCode);
    const texts = (
      [
        'request-timeout',
        'too-many-streams',
        'quota-exceeded',
        'storage-full',
        'certificate-mismatch',
      ] as const
    ).map(statusText);
    for (const text of texts) expect(text).not.toBe(other);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
