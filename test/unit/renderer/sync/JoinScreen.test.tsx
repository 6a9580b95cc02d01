// Joining with an invite in the desktop app: the invite's certificate fingerprint goes to main, which
// pins it (the desktop face stood in, as the preload exposes it); an old invite without one still joins
// and the screen says it carries none; what main refuses is worded in English and Dutch.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JoinScreen } from '../../../../renderer/features/sync/components/JoinScreen';
import { useVaultStore } from '../../../../renderer/features/vault/stores/vault-store';
import { i18next } from '../../../../renderer/app/i18n';
import { DESKTOP_API_GLOBAL, err, type SyncOriginError } from '../../../../shared/platform';
import { formatInvite } from '../../../../shared/sync';
import { memoryDatabase, testVault } from '../../../helpers/store';

const CODE = 'Qm9vbXMgYW5kIGRvb21zIGFuZCBsb29t';
const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (i + 160).toString(16).toUpperCase()).join(':');
const SERVER = 'https://kluis.office.example:8443';

/** What the page asked main, and what main answers (the user's or the pin's refusal). */
let asked: unknown[][] = [];
let answer: SyncOriginError = 'refused';
const globals = globalThis as unknown as Record<string, unknown>;

beforeEach(async () => {
  asked = [];
  globals[DESKTOP_API_GLOBAL] = {
    allowSyncServer: async (...args: unknown[]) => {
      asked.push(args);
      return err(answer);
    },
  };
  useVaultStore.setState({ vault: await testVault(await memoryDatabase()) });
});
afterEach(async () => {
  delete globals[DESKTOP_API_GLOBAL];
  await useVaultStore.getState().vault?.db.remove();
  useVaultStore.setState({ vault: null });
  await i18next.changeLanguage('en');
});

const fillIn = (invite: string) => {
  fireEvent.change(screen.getByLabelText('Server address'), { target: { value: SERVER } });
  fireEvent.change(screen.getByLabelText('User id'), { target: { value: 'user-1' } });
  fireEvent.change(screen.getByLabelText('Invite code'), { target: { value: invite } });
  fireEvent.change(screen.getByLabelText('Passphrase', { exact: true }), {
    target: { value: 'a long enough passphrase for this' },
  });
  fireEvent.change(screen.getByLabelText('Repeat passphrase'), {
    target: { value: 'a long enough passphrase for this' },
  });
};

describe('joining with an invite that names the server certificate', () => {
  it('hands the fingerprint to the desktop to pin, and words a certificate the server does not present', async () => {
    answer = 'certificate-mismatch';
    render(<JoinScreen onBack={() => undefined} />);
    fillIn(formatInvite(CODE, FINGERPRINT));
    expect(screen.queryByText(/carries no certificate fingerprint/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/presents another certificate/);
    expect(asked).toEqual([['https://kluis.office.example:8443', FINGERPRINT]]);
  });

  it('says an old invite carries no fingerprint, still asks the desktop, and words the user’s refusal in Dutch', async () => {
    answer = 'refused';
    await i18next.changeLanguage('nl');
    render(<JoinScreen onBack={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Uitnodigingscode'), { target: { value: CODE } });
    expect(screen.getByText(/bevat geen vingerafdruk/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Serveradres'), { target: { value: SERVER } });
    fireEvent.change(screen.getByLabelText('Gebruikers-id'), { target: { value: 'user-1' } });
    for (const label of ['Wachtwoordzin', 'Herhaal wachtwoordzin']) {
      fireEvent.change(screen.getByLabelText(label, { exact: true }), {
        target: { value: 'a long enough passphrase for this' },
      });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Lid worden' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Je hebt deze server niet bevestigd');
    await waitFor(() => expect(asked).toEqual([['https://kluis.office.example:8443']]));
  });

  it('refuses an invite whose fingerprint was cut short, asking nothing', async () => {
    render(<JoinScreen onBack={() => undefined} />);
    fillIn(formatInvite(CODE, FINGERPRINT).slice(0, -4));
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/invite code is not correct/);
    expect(asked).toEqual([]);
  });
});
