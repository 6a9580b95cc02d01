// The one sync server origin the renderer may connect to besides app://kluis. The renderer names it when
// the user connects (IPC 'sync:allow-origin'); main checks it is a bare http(s) origin, reads the
// certificate it presents, asks the user in a native dialog, and only then keeps it with that certificate's
// fingerprint (the pin) in <userData>/sync-origin.json and adds it to connect-src of every page it serves
// from then on. A page already loaded keeps the policy it was served with, so the first time an origin is
// allowed the renderer reloads once. tls-pin.ts holds every later connection to the pin.
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy, parseFingerprint } from '../shared/platform';
import type { CertificateFingerprint, SyncOriginError } from '../shared/platform';
import { err, ok, type Result } from '../shared/platform';
import type { ReadCertificate } from './server-certificate';
import type { ConfirmSyncServer } from './sync-origin-dialog';
import { originHostname, type CertificatePin } from './tls-pin';

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
  /** The pinned certificate of the current origin; null for none or a plain-http origin. */
  pin(): CertificatePin | null;
  /**
   * Allows the origin from now on (replacing the previous one) once the user confirmed it; `reload` when
   * pages need a new policy. `fingerprint`: the certificate an invite names, which the server must present.
   */
  allow(origin: string, fingerprint?: string): Promise<Result<{ reload: boolean }, SyncOriginError>>;
}

/** What allowing needs from the outside: reading a server's certificate, and asking the user. */
export interface SyncOriginDeps {
  readonly readCertificate: ReadCertificate;
  readonly confirm: ConfirmSyncServer;
  /** Told after the pin changed (main drops connections made under the old one). */
  readonly onChange?: () => void;
}

interface Stored {
  readonly origin: string;
  readonly fingerprint: CertificateFingerprint | null;
}

const readStored = (file: string): Stored | null => {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { origin?: unknown; fingerprint?: unknown };
    const origin = parseSyncOrigin(stored.origin);
    if (!origin) return null;
    const fingerprint = parseFingerprint(stored.fingerprint);
    // An https origin kept without its pin (before pinning, or tampered with) is asked about again.
    if (origin.startsWith('https:') && !fingerprint) return null;
    return { origin, fingerprint: origin.startsWith('https:') ? fingerprint : null };
  } catch {
    return null; // none yet, or unreadable: only 'self' until the user connects again
  }
};

/** Reads the stored origin synchronously (a few bytes, once at start-up, before the first page). */
export const createSyncOrigins = (file: string, deps: SyncOriginDeps): SyncOrigins => {
  let stored = readStored(file);
  let policy = contentSecurityPolicy(stored ? [stored.origin] : []);
  // One question at a time: a second request waits for the first dialog's answer.
  let queue: Promise<unknown> = Promise.resolve();

  const decide = async (
    raw: string,
    rawFingerprint: string | undefined,
  ): Promise<Result<{ reload: boolean }, SyncOriginError>> => {
    const origin = parseSyncOrigin(raw);
    if (!origin) return err('invalid-origin');
    // An invite's fingerprint that reads as none names no certificate the server could present.
    const expected = rawFingerprint === undefined ? null : parseFingerprint(rawFingerprint);
    if (rawFingerprint !== undefined && !expected) return err('certificate-mismatch');
    if (stored?.origin === origin && (!expected || expected === stored.fingerprint)) {
      return ok({ reload: false });
    }
    let presented: CertificateFingerprint | null = null;
    if (origin.startsWith('https:')) {
      presented = await deps.readCertificate(origin);
      if (!presented) return err('unreachable');
    }
    if (expected && presented !== expected) return err('certificate-mismatch');
    const confirmed = await deps.confirm({
      origin,
      fingerprint: presented,
      fromInvite: expected !== null,
      replacing: stored && stored.origin !== origin ? stored.origin : null,
    });
    if (!confirmed) return err('refused');
    const next: Stored = { origin, fingerprint: presented };
    try {
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const temp = `${file}.tmp`;
      await writeFile(temp, JSON.stringify(next), { mode: 0o600 });
      await rename(temp, file);
    } catch {
      return err('failed');
    }
    const reload = stored?.origin !== origin;
    stored = next;
    policy = contentSecurityPolicy([origin]);
    deps.onChange?.();
    return ok({ reload });
  };

  return {
    csp: () => policy,
    current: () => stored?.origin ?? null,
    pin: () =>
      stored?.fingerprint
        ? { hostname: originHostname(stored.origin), fingerprint: stored.fingerprint }
        : null,
    allow(raw, fingerprint) {
      const answer = queue.then(() => decide(raw, fingerprint));
      queue = answer.catch(() => undefined);
      return answer;
    },
  };
};
