// zxcvbn estimates how guessable a passphrase is (score 0-4). Its dictionaries are large, so they load on
// first use, in their own chunk, and never delay the unlock screen.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

/**
 * The lowest score a new passphrase may have: "strong". The passphrase is the only thing between a stolen
 * laptop and its customers (the key is derived from it), so "password12", which meets the length rule,
 * is refused rather than merely labelled weak.
 */
export const MIN_STRENGTH: StrengthScore = 3;

let loading: Promise<ZxcvbnFactory> | undefined;

const loadEstimator = (): Promise<ZxcvbnFactory> =>
  (loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary },
        graphs: common.adjacencyGraphs,
      }),
  ));

export const estimateStrength = async (passphrase: string): Promise<StrengthScore> => {
  const estimator = await loadEstimator();
  // zxcvbn's cost grows with length; past 100 characters the score is 4 anyway.
  return estimator.check(passphrase.slice(0, 100)).score as StrengthScore;
};
