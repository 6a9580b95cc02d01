// The one sync server origin the renderer may connect to besides app://kluis. The renderer names it when
// the user connects (IPC 'sync:allow-origin'); main checks it is a bare http(s) origin, keeps it in
// <userData>/sync-origin.json and adds it to connect-src of every page it serves from then on. A page
// already loaded keeps the policy it was served with, so the first time an origin is allowed the renderer
// reloads once.
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy } from '../shared/platform';
import type { SyncOriginError } from '../shared/platform';
import { err, ok, type Result } from '../shared/platform';

const MAX_ORIGIN_LENGTH = 300;

/** The origin itself when `text` is exactly an http(s) origin (a trailing slash allowed), else null. */
export const parseSyncOrigin = (text: unknown): string | null => {
  if (typeof text !== 'string' || text.length > MAX_ORIGIN_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    (url.pathname !== '/' && url.pathname !== '')
  ) {
    return null;
  }
  // CSP source expressions cannot hold spaces, quotes or semicolons; a parsed origin has none.
  if (!/^https?:\/\/[A-Za-z0-9.[\]:-]+$/.test(url.origin)) return null;
  const typed = text.replace(/\/$/, '').toLowerCase();
  return typed === url.origin.toLowerCase() ? url.origin : null;
};

export interface SyncOrigins {
  /** The Content-Security-Policy for the next response. */
  csp(): string;
  current(): string | null;
  /** Allows the origin from now on (replacing the previous one); `reload` when pages need a new policy. */
  allow(origin: string): Promise<Result<{ reload: boolean }, SyncOriginError>>;
}

/** Reads the stored origin synchronously (a few bytes, once at start-up, before the first page). */
export const createSyncOrigins = (file: string): SyncOrigins => {
  let origin: string | null = null;
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { origin?: unknown };
    origin = parseSyncOrigin(stored.origin);
  } catch {
    origin = null; // none yet, or unreadable: only 'self' until the user connects again
  }
  let policy = contentSecurityPolicy(origin ? [origin] : []);
  return {
    csp: () => policy,
    current: () => origin,
    async allow(raw) {
      const parsed = parseSyncOrigin(raw);
      if (!parsed) return err('invalid-origin');
      if (parsed === origin) return ok({ reload: false });
      try {
        await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
        const temp = `${file}.tmp`;
        await writeFile(temp, JSON.stringify({ origin: parsed }), { mode: 0o600 });
        await rename(temp, file);
      } catch {
        return err('failed');
      }
      origin = parsed;
      policy = contentSecurityPolicy([parsed]);
      return ok({ reload: true });
    },
  };
};
