import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP, readConfig, SETTINGS } from '../../../server/config';
import { DEFAULT_LIMITS } from '../../../server/limits';

describe('server configuration', () => {
  it('defaults to 127.0.0.1:8787 with SQLite in ./kluis-data', () => {
    expect(readConfig({}, '/srv')).toEqual({
      ok: true,
      value: {
        port: 8787,
        host: '127.0.0.1',
        dataDir: path.resolve('/srv/kluis-data'),
        erasureLedger: path.resolve('/srv/kluis-data/erasure-ledger.jsonl'),
        databaseUrl: null,
        maxOfflineDays: 365,
        limits: DEFAULT_LIMITS,
        setupCode: null,
        trustProxy: null,
        tlsCert: null,
        tlsKey: null,
        tlsSelfSigned: false,
        allowPlainHttp: false,
        allowedOrigins: [],
      },
    });
  });

  it('reads the origins KLUIS_ALLOWED_ORIGINS lets call the server, and refuses anything else', () => {
    expect(
      readConfig({ KLUIS_ALLOWED_ORIGINS: 'https://crm.example.nl, http://10.0.0.5:8080' }, '/srv'),
    ).toMatchObject({
      ok: true,
      value: { allowedOrigins: ['https://crm.example.nl', 'http://10.0.0.5:8080'] },
    });
    for (const bad of ['*', 'https://a.nl/path', "https://a.nl 'self'"])
      expect(readConfig({ KLUIS_ALLOWED_ORIGINS: bad }, '/srv')).toMatchObject({ ok: false });
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

  it('keeps the erasure ledger in KLUIS_DATA_DIR unless KLUIS_ERASURE_LEDGER puts it elsewhere', () => {
    expect(readConfig({ KLUIS_DATA_DIR: '/var/kluis' }, '/srv')).toMatchObject({
      value: { erasureLedger: path.resolve('/var/kluis/erasure-ledger.jsonl') },
    });
    expect(
      readConfig({ KLUIS_DATA_DIR: '/var/kluis', KLUIS_ERASURE_LEDGER: 'ledger/erasures.jsonl' }, '/srv'),
    ).toMatchObject({
      value: { dataDir: '/var/kluis', erasureLedger: path.resolve('/srv/ledger/erasures.jsonl') },
    });
    expect(HELP).toContain('KLUIS_ERASURE_LEDGER');
    expect(HELP).toContain('--no-ledger');
  });

  it('reads each limit in its unit; a quota of 0 is none', () => {
    const config = readConfig(
      {
        KLUIS_REQUEST_TIMEOUT_MS: '5000',
        KLUIS_MAX_STREAMS: '10',
        KLUIS_LOCKOUT_MINUTES: '2',
        KLUIS_ORG_QUOTA_MB: '0',
        KLUIS_PULL_MAX_MB: '0.5',
        KLUIS_SETUP_CODE: 'a-long-setup-code',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      ok: true,
      value: {
        limits: {
          requestTimeoutMs: 5000,
          maxStreams: 10,
          lockoutMs: 120_000,
          orgQuotaBytes: Infinity,
          pullMaxBytes: 512 * 1024,
        },
        setupCode: 'a-long-setup-code',
      },
    });
    expect(readConfig({ KLUIS_MAX_STREAMS: '0' }, '/').ok).toBe(false);
    expect(readConfig({ KLUIS_MAX_STREAMS: '-1' }, '/').ok).toBe(false);
    expect(readConfig({ KLUIS_SETUP_CODE: 'short' }, '/').ok).toBe(false);
  });

  it('refuses a bad port or a database URL that is not PostgreSQL', () => {
    expect(readConfig({ PORT: 'x' }, '/').ok).toBe(false);
    expect(readConfig({ DATABASE_URL: 'mysql://db' }, '/').ok).toBe(false);
  });

  it('lists every variable in --help', () => {
    for (const name of ['PORT', 'HOST', 'KLUIS_DATA_DIR', 'DATABASE_URL']) expect(HELP).toContain(name);
  });
});

describe('the settings table', () => {
  it('lists every setting in --help with its default', () => {
    for (const setting of SETTINGS) {
      expect(HELP).toContain(setting.name);
      expect(HELP).toContain(`[default: ${setting.default}]`);
    }
  });

  it('has a row for every variable the configuration reads', () => {
    const source = readFileSync(path.join(import.meta.dirname, '../../../server/config.ts'), 'utf8');
    const read = new Set([...source.matchAll(/env\.([A-Z_]+)/g)].map((m) => m[1]));
    expect(read.size).toBeGreaterThan(0);
    expect([...read].filter((name) => !SETTINGS.some((s) => s.name === name))).toEqual([]);
  });
});
