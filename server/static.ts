// Serves the built browser host (dist/renderer) at / with the same Content-Security-Policy as Electron's
// app:// protocol; paths that could leave the root, or name hidden files, are not found.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { CONTENT_SECURITY_POLICY } from '../shared/platform';
import { MIME_TYPES, resolveInside, securityHeaders } from '../scripts/static-files.mjs';
import { sendError } from './http';

/** The same headers as the browser host's server, with the app's CSP. */
export const SECURITY_HEADERS = securityHeaders(CONTENT_SECURITY_POLICY);

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
