// Entry point of `npm run server`: reads the environment, opens storage, migrates, listens, and purges
// tombstones older than the maximum offline period and links past their retention once an hour.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, DAY_MS } from './app';
import { verifyStoredAudit } from './audit';
import { HELP, readConfig } from './config';
import { lockDataDirWhenFree } from './data-lock';
import { DATABASE_FILE_NAME, isUnrestoredBackup } from './backup';
import { openErasureLedgerFile } from './erasure-ledger-file';
import { runMaintenance } from './maintenance';
import {
  chooseTransport,
  loadOrMakeCertificate,
  localNames,
  plainHttpNotice,
  readCertificate,
  type ServerCertificate,
} from './tls';
import { openPostgresLinks } from './storage/links-postgres';
import { openSqliteLinks } from './storage/links-sqlite';
import { openPostgresTerritories, openSqliteTerritories } from './storage/territories';
import { openPostgresStorage } from './storage/postgres';
import { openSqliteStorage } from './storage/sqlite';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(HELP);
  process.exit(0);
}

const config = readConfig(process.env, process.cwd());
if (!config.ok) {
  process.stderr.write(`${config.error}\n\n${HELP}`);
  process.exit(2);
}
const { port, host, dataDir, databaseUrl, maxOfflineDays, limits, trustProxy } = config.value;

// --backup, --restore, --reapply-erasures (maintenance.ts) run instead of the server.
const maintenance = await runMaintenance(process.argv.slice(2), config.value, process.cwd(), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
if (maintenance !== null) process.exit(maintenance);
const serving = !process.argv.includes('--verify-audit');
mkdirSync(dataDir, { recursive: true, mode: 0o700 });
// One server per data directory; --restore waits for it to stop (data-lock.ts).
const lock = serving && !databaseUrl ? await lockDataDirWhenFree(dataDir) : null;
if (lock && !lock.ok) {
  process.stderr.write(`Another Kluis server (process ${lock.heldBy}) is using ${dataDir}.\n`);
  process.exit(2);
}
if (lock?.ok) process.on('exit', () => lock.release());
// Opens organisation creation once one exists: given, or made now and printed below.
const setupCode = config.value.setupCode ?? randomBytes(12).toString('base64url');

// A backup copied into place by hand still holds the marker --restore drops: serving it would bring back
// everyone erased after the backup, since only --restore re-applies the erasure ledger.
const databaseFile = path.join(dataDir, DATABASE_FILE_NAME);
if (!databaseUrl && isUnrestoredBackup(databaseFile)) {
  process.stderr.write(
    `${databaseFile}: this database is a backup copied into place by hand: run --restore FILE instead, ` +
      'with the backup file (it re-applies the erasures made after the backup and keeps this file aside). ' +
      'Nothing was served.\n',
  );
  process.exit(2);
}
// The erasure ledger, created empty on first start so a restore can tell a lost ledger from no erasures.
let erasureLedger: ReturnType<typeof openErasureLedgerFile> | undefined;
if (serving) {
  try {
    erasureLedger = openErasureLedgerFile(config.value.erasureLedger);
  } catch (error) {
    process.stderr.write(
      `Cannot open the erasure ledger ${config.value.erasureLedger} (KLUIS_ERASURE_LEDGER): ${
        (error as NodeJS.ErrnoException).code ?? (error as Error).message
      }. Its folder must exist and be writable by the server.\n`,
    );
    process.exit(2);
  }
}

const storage = databaseUrl
  ? await openPostgresStorage({ connectionString: databaseUrl })
  : openSqliteStorage(databaseFile);
await storage.migrate();
// Confirmation and unsubscribe links: their own table in the same database (storage/links.ts).
const links = databaseUrl
  ? await openPostgresLinks({ connectionString: databaseUrl })
  : openSqliteLinks(databaseFile);
await links.migrate();
// Who holds which territory's key (routes/territories.ts): a table of its own, like the links.
const territories = databaseUrl
  ? await openPostgresTerritories({ connectionString: databaseUrl })
  : openSqliteTerritories(databaseFile);
await territories.migrate();

if (process.argv.includes('--verify-audit')) {
  const reports = await verifyStoredAudit(storage);
  let broken = false;
  for (const [orgId, report] of reports) {
    broken ||= !report.intact;
    process.stdout.write(
      `organisation ${orgId}: ${report.entries} entries from ${report.devices} devices — ${
        report.intact ? 'chain intact' : 'CHAIN BROKEN'
      }\n`,
    );
    for (const b of report.breaks) {
      process.stdout.write(
        `  device ${b.deviceId}, entry ${b.seq}${b.id ? ` (${b.id})` : ''}: ${b.problem}\n`,
      );
    }
  }
  if (!reports.size) process.stdout.write('no audit entries stored\n');
  await storage.close();
  process.exit(broken ? 1 : 0);
}

// Plain HTTP on loopback (or where ALLOW_PLAIN_HTTP allows it), TLS everywhere else (tls.ts).
const transport = chooseTransport(config.value);
let tls: ServerCertificate | undefined;
if (transport.kind === 'tls') {
  try {
    tls =
      transport.certificate === 'configured'
        ? readCertificate(config.value.tlsCert!, config.value.tlsKey!)
        : loadOrMakeCertificate(dataDir, localNames(host));
  } catch (error) {
    process.stderr.write(`Cannot use the TLS certificate: ${(error as Error).message}\n`);
    process.exit(2);
  }
}

// The bundle lives in dist/server/; the renderer build beside it in dist/renderer/.
const staticRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
const app = createApp({
  storage,
  maxOfflineMs: maxOfflineDays * DAY_MS,
  limits,
  setupCode,
  ...(trustProxy ? { trustProxy } : {}),
  ...(tls ? { tls } : {}),
  staticRoot: existsSync(path.join(staticRoot, 'index.html')) ? staticRoot : null,
  ...(erasureLedger ? { erasureLedger } : {}),
  links,
  territories,
  allowedOrigins: config.value.allowedOrigins,
});
if (!existsSync(path.join(staticRoot, 'index.html'))) {
  app.log.warn(
    'no built renderer in dist/renderer (`node server/build.mjs --renderer` builds it): serving the API only',
  );
}

// Hourly housekeeping: tombstones past the offline horizon, and links past their retention.
const purge = () =>
  Promise.all([
    app.purgeTombstones().then(
      (purged) => app.log.info({ purged }, 'tombstones purged'),
      (error: unknown) => app.log.error({ name: (error as Error).name }, 'tombstone purge failed'),
    ),
    app.purgeLinks().then(
      (purged) => app.log.info({ purged }, 'links purged'),
      (error: unknown) => app.log.error({ name: (error as Error).name }, 'link purge failed'),
    ),
  ]);
await purge();
const timer = setInterval(purge, 60 * 60 * 1000);

await app.listen({ port, host });
app.log.info({ storage: storage.kind, dataDir: databaseUrl ? undefined : dataDir }, 'kluis server ready');
process.stdout.write(
  tls
    ? `TLS certificate (${tls.source === 'generated' ? `made by this server, kept in ${path.join(dataDir, 'tls')}` : 'TLS_CERT'}), ` +
        `valid until ${tls.validTo}\nSHA-256 fingerprint: ${tls.fingerprint256}\n`
    : `${plainHttpNotice(host)}\n`,
);
process.stdout.write(
  (await storage.organisationCount()) === 0
    ? 'No organisation yet: the first device to connect creates it.\n' +
        `Setup code for any further organisation: ${setupCode}\n`
    : `Organisation creation is closed. Setup code for another organisation: ${setupCode}\n`,
);

const stop = async () => {
  clearInterval(timer);
  await app.close();
  await storage.close();
  await links.close();
  await territories.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
