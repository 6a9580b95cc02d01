// Configuration from the environment, and the text `npm run server -- --help` prints. Every setting is
// one row of SETTINGS, so the help lists each with its default by construction.
import path from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  maxOfflineDays: number;
}

export interface Setting {
  name: string;
  /** The default as the help shows it. */
  default: string;
  meaning: string;
}

export const SETTINGS: readonly Setting[] = [
  { name: 'PORT', default: '8787', meaning: 'port to listen on' },
  { name: 'HOST', default: '127.0.0.1', meaning: 'address to bind (0.0.0.0 for every interface)' },
  {
    name: 'KLUIS_DATA_DIR',
    default: './kluis-data',
    meaning: 'directory of the embedded SQLite database',
  },
  {
    name: 'DATABASE_URL',
    default: 'none',
    meaning: 'postgres://user@host:5432/db selects PostgreSQL instead of SQLite',
  },
  {
    name: 'KLUIS_MAX_OFFLINE_DAYS',
    default: '365',
    meaning: 'how long a device may stay offline; tombstones are kept this long',
  },
];

const wrap = (text: string, width: number, indent: string): string => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
};

const NAME_WIDTH = 30;

export const HELP = `Kluis sync server: stores encrypted envelopes it cannot decrypt, and serves the browser host.

Usage: npm run server [-- --help | --verify-audit]

  --verify-audit                check every organisation's audit-trail hash chains against the anchored
                                heads (no keys needed), print the result and exit (1 when a chain is broken)

\`npm run server\` builds the browser host first when dist/renderer is missing or older than its sources.

Environment (default in brackets):
${SETTINGS.map(
  (s) =>
    `  ${s.name.padEnd(NAME_WIDTH)}${wrap(`${s.meaning} [default: ${s.default}]`, 70, ' '.repeat(NAME_WIDTH + 2))}`,
).join('\n')}
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
