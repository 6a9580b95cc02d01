// GET /server/certificate (admins): the server's TLS certificate as clients pin it — its SHA-256
// fingerprint, whether the administrator gave it or the server made it, and until when it is valid — so
// an admin's device can show it and put it in invites. Without TLS: { tls: false }.
import type { FastifyInstance } from 'fastify';
import { mayManageOrganisation } from '../../shared/sync';
import { authenticate } from '../auth';
import type { ServerContext } from '../context';
import { sendError, sendOk } from '../http';
import type { ServerCertificate } from '../tls';

export interface CertificateResponse {
  tls: boolean;
  fingerprint256: string | null;
  source: ServerCertificate['source'] | null;
  validTo: string | null;
}

export const registerCertificateRoute = (
  app: FastifyInstance,
  ctx: ServerContext,
  certificate: ServerCertificate | undefined,
) => {
  app.get('/server/certificate', async (request, reply) => {
    const caller = await authenticate(ctx.storage, ctx.now(), request, reply);
    if (!caller) return reply;
    if (!mayManageOrganisation(caller.role)) return sendError(reply, 403, 'forbidden');
    const answer: CertificateResponse = certificate
      ? {
          tls: true,
          fingerprint256: certificate.fingerprint256,
          source: certificate.source,
          validTo: certificate.validTo,
        }
      : { tls: false, fingerprint256: null, source: null, validTo: null };
    return sendOk(reply, answer);
  });
};
