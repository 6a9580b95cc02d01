// Serves the built browser host (dist/renderer) at / with the same Content-Security-Policy as Electron's
// app:// protocol; paths that could leave the root, or name hidden files, are not found.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { CONTENT_SECURITY_POLICY } from '../shared/platform/csp';
import { sendError } from './http';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

/** The file a URL path names inside root, or null for anything that could leave it. */
export const resolveInside = (root: string, urlPath: string): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((s) => s.startsWith('.'))) return null;
  const file = path.resolve(root, ...(segments.length ? segments : ['index.html']));
  return file.startsWith(root + path.sep) ? file : null;
};

export const registerStatic = (app: FastifyInstance, root: string) => {
  app.get('/*', async (request, reply) => {
    const urlPath = request.url.split(/[?#]/)[0] ?? '/';
    try {
      const realRoot = await realpath(root);
      const candidate = resolveInside(realRoot, urlPath);
      if (!candidate) return sendError(reply, 404, 'not-found');
      const file = await realpath(candidate);
      if (!file.startsWith(realRoot + path.sep) || !(await stat(file)).isFile())
        return sendError(reply, 404, 'not-found');
      const hashed = file.startsWith(path.join(realRoot, 'assets') + path.sep);
      return reply
        .headers(SECURITY_HEADERS)
        .header('Content-Type', MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream')
        .header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
        .send(createReadStream(file));
    } catch {
      return sendError(reply, 404, 'not-found');
    }
  });
};
