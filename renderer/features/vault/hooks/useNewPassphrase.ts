// A new passphrase and its confirmation, with the two checks every form that sets one must make before
// submitting: long enough, and typed the same twice (it cannot be recovered if mistyped).
import { useState } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/vault';

export const useNewPassphrase = () => {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  return {
    passphrase,
    setPassphrase,
    confirmation,
    setConfirmation,
    // Counted in code points, as the vault counts them, so an emoji is one character.
    length: [...passphrase].length,
    tooShort: [...passphrase].length < MIN_PASSPHRASE_LENGTH,
    mismatch: confirmation !== passphrase,
    clear: () => {
      setPassphrase('');
      setConfirmation('');
    },
  };
};

export type NewPassphrase = ReturnType<typeof useNewPassphrase>;
