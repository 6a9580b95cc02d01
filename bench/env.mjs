// What every benchmark reads from the environment: its size, and the passphrase of the vaults it makes.
// Plain JavaScript, so the browser bench runner (run.mjs) and the Node benches (bundled .ts) share it.

/** A positive whole number from the environment, or `fallback`. */
export const intEnv = (name, fallback) => {
  const value = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** How many people (BENCH_PEOPLE), how many runs (BENCH_RUNS) and the people generator's seed (BENCH_SEED). */
export const benchSize = () => ({
  people: intEnv('BENCH_PEOPLE', 100_000),
  runs: intEnv('BENCH_RUNS', 3),
  seed: intEnv('BENCH_SEED', 20261129),
});

export const PASSPHRASE = 'correct horse battery staple';

/**
 * What a results file is stamped with: the commit measured, whether the measured code (shared/ and
 * renderer/) had uncommitted changes (and which files), and the load average of the shared machine.
 */
export const treeState = async (root) => {
  const { execFileSync } = await import('node:child_process');
  const os = await import('node:os');
  const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  try {
    const dirty = git('status', '--porcelain', '--', 'shared', 'renderer').split('\n').filter(Boolean);
    return {
      commit: git('rev-parse', '--short', 'HEAD'),
      sharedClean: !dirty.some((line) => line.slice(3).startsWith('shared/')),
      rendererClean: !dirty.some((line) => line.slice(3).startsWith('renderer/')),
      dirty,
      loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    };
  } catch {
    return { commit: 'unknown', loadAverage: os.loadavg() };
  }
};

/** One line for the console: commit, clean or not, load average. */
export const treeStateText = ({ commit, sharedClean, rendererClean, loadAverage }) =>
  `commit ${commit}, shared/ ${sharedClean ? 'clean' : 'MODIFIED'}, renderer/ ${rendererClean ? 'clean' : 'MODIFIED'}, ` +
  `load average ${loadAverage.map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min)`;
