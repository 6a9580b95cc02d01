// zxcvbn estimates how guessable a passphrase is (score 0-4). Its dictionaries are large, so they load on
// first use, in their own chunk, and never delay the unlock screen.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

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
