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
