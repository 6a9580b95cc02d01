// A new passphrase and its confirmation, with the checks every form that sets one must make before
// submitting: long enough, hard enough to guess, and typed the same twice (it cannot be recovered if mistyped).
import { useState } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/vault';
import { estimateStrength, MIN_STRENGTH } from '../passphrase-strength';
import { usePassphraseStrength } from './usePassphraseStrength';

export const useNewPassphrase = () => {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const score = usePassphraseStrength(passphrase);
  const length = [...passphrase].length;
  const tooShort = length < MIN_PASSPHRASE_LENGTH;
  const mismatch = confirmation !== passphrase;
  return {
    passphrase,
    setPassphrase,
    confirmation,
    setConfirmation,
    // Counted in code points, as the vault counts them, so an emoji is one character.
    length,
    tooShort,
    /** Guessable by the estimate so far; a submit waits for the estimate if it has not come yet. */
    tooWeak: !tooShort && score !== null && score < MIN_STRENGTH,
    mismatch,
    /** Every check before a submit, the strength one included even when its estimate is still loading. */
    acceptable: async () => !tooShort && !mismatch && (await estimateStrength(passphrase)) >= MIN_STRENGTH,
    clear: () => {
      setPassphrase('');
      setConfirmation('');
    },
  };
};

export type NewPassphrase = ReturnType<typeof useNewPassphrase>;
