// Configuration from the environment, and the text `npm run server -- --help` prints.
import path from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  maxOfflineDays: number;
}

export const HELP = `Kluis sync server: stores encrypted envelopes it cannot decrypt, and serves the browser host.

Usage: npm run server [-- --help | --verify-audit]

  --verify-audit           check every organisation's audit-trail hash chains against the anchored heads
                           (no keys needed), print the result and exit (1 when a chain is broken)

Environment:
  PORT                     port to listen on (default 8787)
  HOST                     address to bind (default 127.0.0.1; 0.0.0.0 for every interface)
  KLUIS_DATA_DIR           directory of the embedded SQLite database (default ./kluis-data)
  DATABASE_URL             postgres://user@host:5432/db selects PostgreSQL instead of SQLite
  KLUIS_MAX_OFFLINE_DAYS   how long a device may stay offline; tombstones are kept this long (default 365)
`;

export type ConfigResult = { ok: true; value: ServerConfig } | { ok: false; error: string };

export const readConfig = (env: NodeJS.ProcessEnv, cwd: string): ConfigResult => {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return { ok: false, error: 'PORT must be 0-65535' };
  const maxOfflineDays = Number(env.KLUIS_MAX_OFFLINE_DAYS ?? 365);
  if (!Number.isFinite(maxOfflineDays) || maxOfflineDays <= 0) {
    return { ok: false, error: 'KLUIS_MAX_OFFLINE_DAYS must be a positive number' };
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    return { ok: false, error: 'DATABASE_URL must start with postgres://' };
  }
  return {
    ok: true,
    value: {
      port,
      host: env.HOST?.trim() || '127.0.0.1',
      dataDir: path.resolve(cwd, env.KLUIS_DATA_DIR?.trim() || 'kluis-data'),
      databaseUrl,
      maxOfflineDays,
    },
  };
};
