// A new passphrase must be hard to guess, not only long: "password12" meets the length rule and is refused,
// with the reason under the field; a passphrase of uncommon words is accepted. The estimate is zxcvbn's,
// loaded on first use, so a submit that comes before it has loaded waits for it rather than letting through.
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NewPassphraseFields } from '../../../../renderer/features/vault/components/NewPassphraseFields';
import { useNewPassphrase } from '../../../../renderer/features/vault/hooks/useNewPassphrase';

const choose = (passphrase: string) => {
  const hook = renderHook(() => useNewPassphrase());
  act(() => {
    hook.result.current.setPassphrase(passphrase);
    hook.result.current.setConfirmation(passphrase);
  });
  return hook;
};

describe('choosing a new passphrase', () => {
  it('refuses a long but guessable passphrase, even before the estimate has loaded', async () => {
    const { result } = choose('password12');
    expect(result.current.tooShort).toBe(false);
    expect(await result.current.acceptable()).toBe(false);
    await waitFor(() => expect(result.current.tooWeak).toBe(true));
  });

  it('accepts uncommon words', async () => {
    const { result } = choose('zes ganzen op het ijs');
    expect(await result.current.acceptable()).toBe(true);
    await waitFor(() => expect(result.current.tooWeak).toBe(false));
  });

  it('still refuses a strong passphrase typed differently the second time', async () => {
    const { result } = choose('zes ganzen op het ijs');
    act(() => result.current.setConfirmation('zes ganzen op het ys'));
    expect(await result.current.acceptable()).toBe(false);
  });

  it('says why under the field once the user has tried to submit', async () => {
    const { result } = choose('password12');
    await waitFor(() => expect(result.current.tooWeak).toBe(true));
    render(
      <NewPassphraseFields
        state={result.current}
        label="Passphrase"
        confirmationLabel="Repeat passphrase"
        submitted
        busy={false}
        strengthId="strength"
        policyHint
      />,
    );
    expect(await screen.findByText(/Too easy to guess/)).toBeTruthy();
  });
});
