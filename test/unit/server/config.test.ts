import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP, readConfig } from '../../../server/config';

describe('server configuration', () => {
  it('defaults to 127.0.0.1:8787 with SQLite in ./kluis-data', () => {
    expect(readConfig({}, '/srv')).toEqual({
      ok: true,
      value: {
        port: 8787,
        host: '127.0.0.1',
        dataDir: path.resolve('/srv/kluis-data'),
        databaseUrl: null,
        maxOfflineDays: 365,
      },
    });
  });

  it('reads PORT, HOST, KLUIS_DATA_DIR and DATABASE_URL', () => {
    const config = readConfig(
      { PORT: '9000', HOST: '0.0.0.0', KLUIS_DATA_DIR: '/var/kluis', DATABASE_URL: 'postgres://u@db/kluis' },
      '/srv',
    );
    expect(config).toMatchObject({
      ok: true,
      value: { port: 9000, host: '0.0.0.0', dataDir: '/var/kluis', databaseUrl: 'postgres://u@db/kluis' },
    });
  });

  it('refuses a bad port or a database URL that is not PostgreSQL', () => {
    expect(readConfig({ PORT: 'x' }, '/').ok).toBe(false);
    expect(readConfig({ DATABASE_URL: 'mysql://db' }, '/').ok).toBe(false);
  });

  it('lists every variable in --help', () => {
    for (const name of ['PORT', 'HOST', 'KLUIS_DATA_DIR', 'DATABASE_URL']) expect(HELP).toContain(name);
  });
});
