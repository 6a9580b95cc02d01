// The strength score of a passphrase as it is typed; null while empty or still loading.
import { useEffect, useState } from 'react';
import { estimateStrength, type StrengthScore } from '../passphrase-strength';

export const usePassphraseStrength = (passphrase: string): StrengthScore | null => {
  const [result, setResult] = useState<{ passphrase: string; score: StrengthScore } | null>(null);
  useEffect(() => {
    if (!passphrase) return;
    let current = true;
    void estimateStrength(passphrase).then((score) => current && setResult({ passphrase, score }));
    return () => {
      current = false;
    };
  }, [passphrase]);
  // A stale score for an earlier passphrase is still the best hint until the new one arrives.
  return passphrase && result ? result.score : null;
};
