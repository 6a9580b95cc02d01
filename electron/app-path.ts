// Maps an app://kluis/... URL to a file under the renderer build, refusing anything that could reach
// outside it. Pure (node:path only), so every traversal trick is unit-tested without Electron.
import path from 'node:path';
import { err, ok } from '../shared/platform';
import type { Result } from '../shared/platform';
import { APP_HOST, APP_SCHEME } from './app-url';

export type AppPathError = 'foreign-host' | 'forbidden';

// Scheme, authority (everything up to the first / ? #), then the raw path. We read the raw string rather
// than `new URL(...).pathname`, which would quietly resolve `..` and hide the attempt.
const URL_PARTS = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/i;

// Encoded separators, encoded NUL and backslashes never appear in a Vite build; they only appear in attacks.
const FORBIDDEN_RAW = /%2f|%5c|%00|\\/i;

const isSafeSegment = (segment: string): boolean =>
  segment !== '.' &&
  segment !== '..' &&
  !segment.includes('\0') &&
  !segment.includes('/') &&
  !segment.includes('\\') &&
  // `C:` drive letters and NTFS alternate data streams (`file:stream`).
  !segment.includes(':') &&
  // A second layer of encoding (%252e) is never decoded twice here, but has no business in a file name.
  !segment.includes('%');

/**
 * Resolves `url` to an absolute path inside `root`. `app://kluis/` and `app://kluis` mean index.html.
 * Returns 'foreign-host' for any other scheme or host, 'forbidden' for any path that is not a plain
 * relative path of safe segments or that resolves outside `root`.
 */
export const resolveAppPath = (root: string, url: string): Result<string, AppPathError> => {
  const parts = URL_PARTS.exec(url);
  if (!parts || parts[1]?.toLowerCase() !== APP_SCHEME || parts[2]?.toLowerCase() !== APP_HOST) {
    return err('foreign-host');
  }
  const rawPath = parts[3] || '/';
  if (FORBIDDEN_RAW.test(rawPath) || !rawPath.startsWith('/')) return err('forbidden');

  const rawSegments = rawPath.slice(1).split('/');
  // `app://kluis/assets/` asks for the folder's index; empty segments elsewhere (`//etc`) are refused.
  if (rawSegments[rawSegments.length - 1] === '') rawSegments[rawSegments.length - 1] = 'index.html';

  const segments: string[] = [];
  for (const raw of rawSegments) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return err('forbidden');
    }
    if (decoded === '' || !isSafeSegment(decoded)) return err('forbidden');
    segments.push(decoded);
  }

  const base = path.resolve(root);
  const resolved = path.resolve(base, ...segments);
  if (!resolved.startsWith(base + path.sep)) return err('forbidden');
  return ok(resolved);
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** With nosniff, an unknown type is inert: the page cannot run it as a script or style. */
export const contentTypeFor = (filePath: string): string =>
  CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
