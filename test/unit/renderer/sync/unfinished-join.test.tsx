// A join left before the admin's device handed over the key (issue 20): the next start offers to finish it
// by signing in with the passphrase — the sign-in screen says a join was under way, in English and Dutch,
// with the server and user id filled in — and says nothing when no join was left.
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SignInScreen } from '../../../../renderer/features/sync/components/SignInScreen';
import {
  forgetUnfinishedJoin,
  rememberUnfinishedJoin,
  unfinishedJoin,
} from '../../../../renderer/features/sync/stores/unfinished-join';
import { i18next } from '../../../../renderer/app/i18n';

const SERVER = 'https://kluis.office.example:8443';
const USER = 'u-7f3a9c2e';

afterEach(async () => {
  forgetUnfinishedJoin();
  await i18next.changeLanguage('en');
});

describe('an unfinished join', () => {
  it('is offered on the sign-in screen, with the server and user id filled in', () => {
    rememberUnfinishedJoin({ serverUrl: SERVER, userId: USER });
    render(<SignInScreen onBack={() => undefined} />);
    expect(screen.getByText(/You started joining as u-7f3a9c2e/)).toBeTruthy();
    expect((screen.getByLabelText('Server address') as HTMLInputElement).value).toBe(SERVER);
    expect((screen.getByLabelText('User id') as HTMLInputElement).value).toBe(USER);
  });

  it('is worded in Dutch', async () => {
    await i18next.changeLanguage('nl');
    rememberUnfinishedJoin({ serverUrl: SERVER, userId: USER });
    render(<SignInScreen onBack={() => undefined} />);
    expect(screen.getByText(/Je bent begonnen met lid worden als u-7f3a9c2e/)).toBeTruthy();
  });

  it('is not mentioned when none was left, and is forgotten once finished', () => {
    rememberUnfinishedJoin({ serverUrl: SERVER, userId: USER });
    forgetUnfinishedJoin();
    expect(unfinishedJoin()).toBeNull();
    render(<SignInScreen onBack={() => undefined} />);
    expect(screen.queryByText(/You started joining/)).toBeNull();
    expect((screen.getByLabelText('User id') as HTMLInputElement).value).toBe('');
  });
});
