// Configuration from the environment, and the text `npm run server -- --help` prints. Every setting is
// one row of SETTINGS, so the help lists each with its default by construction.
import path from 'node:path';
import { DEFAULT_LIMITS, type Limits } from './limits';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** The erasure ledger file the server appends to and a restore reads (erasure-ledger-file.ts). */
  erasureLedger: string;
  databaseUrl: string | null;
  maxOfflineDays: number;
  limits: Limits;
  /** The code that opens organisation creation once one exists; null: a random one made at start. */
  setupCode: string | null;
  /** Fastify's trustProxy: which proxies' X-Forwarded-For names the source address; null for none. */
  trustProxy: string | null;
  /** PEM files of the administrator's certificate and key; null for none. */
  tlsCert: string | null;
  tlsKey: string | null;
  /** Make (once) and use a certificate kept in the data directory, also on a loopback address. */
  tlsSelfSigned: boolean;
  /** Plain HTTP on an address other machines reach (behind a proxy that speaks TLS for it). */
  allowPlainHttp: boolean;
  /** Origins of pages besides the desktop app and loopback that may call the server (cors.ts). */
  allowedOrigins: string[];
}

const MIB = 1024 * 1024;

/** The numeric limits: environment variable, the Limits field, the unit it is given in. */
const LIMIT_SETTINGS: readonly { name: string; field: keyof Limits; unit: number; meaning: string }[] = [
  {
    name: 'KLUIS_REQUEST_TIMEOUT_MS',
    field: 'requestTimeoutMs',
    unit: 1,
    meaning: 'time to receive a whole request, body included; a slower one is answered 408 and closed',
  },
  {
    name: 'KLUIS_HEADERS_TIMEOUT_MS',
    field: 'headersTimeoutMs',
    unit: 1,
    meaning: "time to receive a request's headers (408 and closed)",
  },
  {
    name: 'KLUIS_KEEP_ALIVE_TIMEOUT_MS',
    field: 'keepAliveTimeoutMs',
    unit: 1,
    meaning: 'how long an idle kept-alive connection stays open',
  },
  {
    name: 'KLUIS_MAX_STREAMS_PER_DEVICE',
    field: 'maxStreamsPerDevice',
    unit: 1,
    meaning: 'open event streams per device; more are answered 503 too-many-streams',
  },
  {
    name: 'KLUIS_MAX_STREAMS',
    field: 'maxStreams',
    unit: 1,
    meaning: 'open event streams per server process (each holds a file descriptor); then 503',
  },
  {
    name: 'KLUIS_ADDRESS_FREE_FAILURES',
    field: 'addressFreeFailures',
    unit: 1,
    meaning:
      'failed prelogins, sign-ins, joins and organisation creations per source address before each further one waits (429 too-many-attempts)',
  },
  {
    name: 'KLUIS_ADDRESS_BACKOFF_MS',
    field: 'addressBackoffMs',
    unit: 1,
    meaning: 'the first such wait; it doubles with each further failure',
  },
  {
    name: 'KLUIS_ADDRESS_BACKOFF_MAX_MS',
    field: 'addressBackoffMaxMs',
    unit: 1,
    meaning: 'the longest such wait',
  },
  {
    name: 'KLUIS_LOCKOUT_FAILURES',
    field: 'lockoutFailures',
    unit: 1,
    meaning:
      'wrong passphrases for one user from one source address before that user is locked out from that address',
  },
  {
    name: 'KLUIS_LOCKOUT_MINUTES',
    field: 'lockoutMs',
    unit: 60_000,
    meaning: 'how long such a lockout lasts; failures are forgotten after it',
  },
  {
    name: 'KLUIS_ORG_QUOTA_MB',
    field: 'orgQuotaBytes',
    unit: MIB,
    meaning:
      'stored data per organisation (documents, and 256 bytes per registered link); a push or link registration past it is answered 507 quota-exceeded (0: no quota)',
  },
  {
    name: 'KLUIS_PULL_MAX_MB',
    field: 'pullMaxBytes',
    unit: MIB,
    meaning: 'documents in one pull answer, besides the count limit (at least one document)',
  },
];

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
    meaning:
      'directory of the embedded SQLite database (and of the erasure ledger, unless KLUIS_ERASURE_LEDGER)',
  },
  {
    name: 'KLUIS_ERASURE_LEDGER',
    default: 'KLUIS_DATA_DIR/erasure-ledger.jsonl',
    meaning:
      'the erasure ledger file: the copy of every erasure order that --restore and --reapply-erasures re-apply; put it on another disk than the database (its folder must exist)',
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
  ...LIMIT_SETTINGS.map((l) => ({
    name: l.name,
    default: String(DEFAULT_LIMITS[l.field] / l.unit),
    meaning: l.meaning,
  })),
  {
    name: 'KLUIS_SETUP_CODE',
    default: 'random, printed at start',
    meaning:
      'once an organisation exists, POST /orgs needs this code in the X-Kluis-Setup-Code header (403 setup-code-required)',
  },
  {
    name: 'TLS_CERT',
    default: 'none',
    meaning: 'PEM file of the TLS certificate (chain) to serve; with TLS_KEY',
  },
  { name: 'TLS_KEY', default: 'none', meaning: 'PEM file of its private key' },
  {
    name: 'TLS_SELF_SIGNED',
    default: '0',
    meaning:
      '1: serve TLS with a certificate made on first start and kept in KLUIS_DATA_DIR/tls, also on a loopback HOST (any other HOST gets one anyway unless TLS_CERT or ALLOW_PLAIN_HTTP is set)',
  },
  {
    name: 'ALLOW_PLAIN_HTTP',
    default: '0',
    meaning:
      '1: plain HTTP on a HOST other machines reach, e.g. behind a reverse proxy that speaks TLS; without it plain HTTP is served on loopback only',
  },
  {
    name: 'KLUIS_TRUST_PROXY',
    default: 'none',
    meaning:
      'addresses of reverse proxies whose X-Forwarded-For names the source address (e.g. 127.0.0.1); the limits count per source address',
  },
  {
    name: 'KLUIS_ALLOWED_ORIGINS',
    default: 'none',
    meaning:
      'comma-separated origins (https://crm.example.nl) of browser pages besides the desktop app and loopback that may call the server; a page the server serves itself needs none',
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

Usage: npm run server [-- --help | --verify-audit | --backup FILE
                          | --restore FILE [--ledger FILE | --no-ledger]
                          | --reapply-erasures [--ledger FILE | --no-ledger]]

  --verify-audit                check every organisation's audit-trail hash chains against the anchored
                                heads (no keys needed), print the result and exit (1 when a chain is broken)
  --backup FILE                 write a consistent copy of the embedded SQLite database to FILE, also while
                                a server runs (temporary file, then renamed); with DATABASE_URL it says to
                                use pg_dump instead
  --restore FILE                replace the embedded database by the backup FILE (refused while a server
                                uses KLUIS_DATA_DIR), then re-apply the erasure orders made after it from
                                the erasure ledger (KLUIS_ERASURE_LEDGER); refused when there is none
  --reapply-erasures            re-apply the erasure ledger to the database as it is, e.g. after pg_restore
                                (stop every server instance first); refused when there is no ledger
  --ledger FILE                 with --restore or --reapply-erasures: read this ledger file instead of
                                KLUIS_ERASURE_LEDGER (repeat for several instances' files)
  --no-ledger                   with --restore or --reapply-erasures: go on without any ledger file;
                                people erased after the backup may come back

\`npm run server\` builds the browser host first when dist/renderer is missing or older than its sources.

Environment (default in brackets):
${SETTINGS.map(
  (s) =>
    `  ${s.name.padEnd(NAME_WIDTH)}${wrap(`${s.meaning} ${`[default: ${s.default}]`.replaceAll(' ', '\u00a0')}`, 70, ' '.repeat(NAME_WIDTH + 2)).replaceAll('\u00a0', ' ')}`,
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
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const l of LIMIT_SETTINGS) {
    const text = env[l.name]?.trim();
    if (!text) continue;
    const number = Number(text);
    const zeroMeansNone = l.field === 'orgQuotaBytes';
    if (!Number.isFinite(number) || number < 0 || (number === 0 && !zeroMeansNone))
      return { ok: false, error: `${l.name} must be a positive number` };
    limits[l.field] = number === 0 ? Infinity : Math.round(number * l.unit);
  }
  const tlsCert = env.TLS_CERT?.trim() || null;
  const tlsKey = env.TLS_KEY?.trim() || null;
  if ((tlsCert === null) !== (tlsKey === null))
    return { ok: false, error: 'TLS_CERT and TLS_KEY go together: set both or neither' };
  const flag = (name: string, text: string | undefined): boolean | string => {
    const value = text?.trim() || '0';
    if (value !== '0' && value !== '1') return `${name} must be 0 or 1`;
    return value === '1';
  };
  const tlsSelfSigned = flag('TLS_SELF_SIGNED', env.TLS_SELF_SIGNED);
  const allowPlainHttp = flag('ALLOW_PLAIN_HTTP', env.ALLOW_PLAIN_HTTP);
  if (typeof tlsSelfSigned === 'string') return { ok: false, error: tlsSelfSigned };
  if (typeof allowPlainHttp === 'string') return { ok: false, error: allowPlainHttp };
  const setupCode = env.KLUIS_SETUP_CODE?.trim() || null;
  if (setupCode !== null && setupCode.length < 12)
    return { ok: false, error: 'KLUIS_SETUP_CODE must be at least 12 characters' };
  const dataDir = path.resolve(cwd, env.KLUIS_DATA_DIR?.trim() || 'kluis-data');
  const erasureLedger = env.KLUIS_ERASURE_LEDGER?.trim();
  const allowedOrigins = (env.KLUIS_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const notOrigin = allowedOrigins.find((o) => !/^https?:\/\/[A-Za-z0-9.[\]:-]+$/.test(o));
  if (notOrigin !== undefined)
    return {
      ok: false,
      error: `KLUIS_ALLOWED_ORIGINS: ${notOrigin} is not an origin like https://crm.example.nl`,
    };
  return {
    ok: true,
    value: {
      port,
      host: env.HOST?.trim() || '127.0.0.1',
      dataDir,
      erasureLedger: erasureLedger
        ? path.resolve(cwd, erasureLedger)
        : path.join(dataDir, 'erasure-ledger.jsonl'),
      databaseUrl,
      maxOfflineDays,
      limits,
      setupCode,
      trustProxy: env.KLUIS_TRUST_PROXY?.trim() || null,
      tlsCert: tlsCert && path.resolve(cwd, tlsCert),
      tlsKey: tlsKey && path.resolve(cwd, tlsKey),
      tlsSelfSigned,
      allowPlainHttp,
      allowedOrigins,
    },
  };
};
