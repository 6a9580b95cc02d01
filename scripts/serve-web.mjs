// The browser host: a small static server for the built renderer (dist/renderer), bound to 127.0.0.1,
// sending the same Content-Security-Policy as Electron's app:// protocol, except that the page may also
// connect to sync servers: any on this machine (`npm run server`), and those KLUIS_SYNC_SERVER names.
// No dependencies beyond Node.
//   KLUIS_SYNC_SERVER=https://sync.example.nl node scripts/serve-web.mjs [--port 0] [--root dist/renderer]
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MIME_TYPES, resolveInside, securityHeaders } from './static-files.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CSP_SOURCE = path.join(repoRoot, 'shared', 'platform', 'csp.ts');

/** Used only when shared/platform/csp.ts is not beside this script (a unit test checks they are equal). */
export const FALLBACK_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A string literal in single, double or back quotes (without interpolation); the text is group 1, 2 or 3. */
const STRING = /"([^"\\]*)"|'([^'\\]*)'|`([^`\\$]*)`/;

/**
 * Reads CONTENT_SECURITY_POLICY out of the TypeScript source, which a .mjs file cannot import: either a
 * template/string literal, or an array of string literals joined with '; '.
 */
export const readContentSecurityPolicy = (source = CSP_SOURCE) => {
  if (!existsSync(source)) return FALLBACK_CONTENT_SECURITY_POLICY;
  const text = readFileSync(source, 'utf8');
  const declaration = /CONTENT_SECURITY_POLICY\s*=\s*([\s\S]*?);\s*$/m.exec(text)?.[1];
  if (!declaration) throw new Error(`No CONTENT_SECURITY_POLICY in ${source}`);
  const literal = new RegExp(`^\\s*(?:${STRING.source})\\s*$`).exec(declaration);
  if (literal) return literal[1] ?? literal[2] ?? literal[3];
  const array = /^\s*\[([\s\S]*)\]\s*\.join\(\s*(['"])([^'"]*)\2\s*\)\s*$/.exec(declaration);
  if (!array) throw new Error(`CONTENT_SECURITY_POLICY in ${source} has a shape this script cannot read`);
  const parts = [...array[1].matchAll(new RegExp(STRING.source, 'g'))].map((m) => m[1] ?? m[2] ?? m[3]);
  return parts.join(array[3]);
};

/** Sync servers on this machine, over http or https on any port: what `npm run server` listens on. */
export const LOOPBACK_SYNC_SOURCES = [
  'http://127.0.0.1:*',
  'http://localhost:*',
  'https://127.0.0.1:*',
  'https://localhost:*',
];

/**
 * The sync server origins in `text` (comma-separated, e.g. KLUIS_SYNC_SERVER); throws for anything that
 * is not a bare http(s) origin, as it goes into the policy verbatim.
 */
export const parseSyncServers = (text = '') =>
  text
    .split(',')
    .map((entry) => entry.trim().replace(/\/$/, ''))
    .filter(Boolean)
    .map((entry) => {
      let origin = '';
      try {
        origin = new URL(entry).origin;
      } catch {
        // reported below
      }
      if (origin.toLowerCase() !== entry.toLowerCase() || !/^https?:\/\/[A-Za-z0-9.[\]:-]+$/.test(origin))
        throw new Error(`KLUIS_SYNC_SERVER: ${entry} is not a server address like https://sync.example.nl`);
      return origin;
    });

/**
 * The browser host's policy: the app's, with connect-src widened to the loopback sync servers and the
 * named ones. Not `https:` as a whole: a page that could reach any server could hand decrypted records
 * to any of them, should a script ever be injected.
 */
export const browserHostPolicy = (csp, syncServers = []) =>
  csp.replace(
    "connect-src 'self'",
    ["connect-src 'self'", ...LOOPBACK_SYNC_SOURCES, ...syncServers].join(' '),
  );

export const startWebServer = async ({
  port = 0,
  root = path.join(repoRoot, 'dist', 'renderer'),
  host = '127.0.0.1',
  syncServers = parseSyncServers(process.env.KLUIS_SYNC_SERVER),
} = {}) => {
  const realRoot = await realpath(path.resolve(root));
  const headers = securityHeaders(browserHostPolicy(readContentSecurityPolicy(), syncServers));

  const send = (res, status, message) => {
    res.writeHead(status, {
      ...headers,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(message);
  };

  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'Method not allowed');
    }
    const urlPath = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
    const candidate = resolveInside(realRoot, urlPath);
    if (!candidate) return send(res, 404, 'Not found');
    try {
      // Follow symlinks, then check again: a link must not lead out of the root either.
      const file = await realpath(candidate);
      if (!file.startsWith(realRoot + path.sep)) return send(res, 404, 'Not found');
      const info = await stat(file);
      if (!info.isFile()) return send(res, 404, 'Not found');
      const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      const hashed = file.startsWith(path.join(realRoot, 'assets') + path.sep);
      res.writeHead(200, {
        ...headers,
        'Content-Type': type,
        'Content-Length': info.size,
        'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch {
      send(res, 404, 'Not found');
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host}:${actualPort}`;
  return {
    url,
    port: actualPort,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((error) => (error ? reject(error) : resolve(undefined)));
      }),
  };
};

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const argument = (name) => {
    const index = process.argv.indexOf(name);
    return index >= 0 ? process.argv[index + 1] : undefined;
  };
  const port = Number(argument('--port') ?? process.env.PORT ?? 5178);
  const root = argument('--root') ?? path.join(repoRoot, 'dist', 'renderer');
  if (!existsSync(path.join(root, 'index.html'))) {
    console.error(`No built renderer in ${root}; run \`npx vite build\` first.`);
    process.exit(1);
  }
  const server = await startWebServer({ port, root });
  console.log(`Kluis (browser host) on ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
