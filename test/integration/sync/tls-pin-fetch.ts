// A fetch for Node clients (tests, benches) that talks only to the server presenting the pinned
// certificate: the TLS handshake is finished and the peer certificate's SHA-256 compared with the pin
// before the socket is handed to HTTP, so no byte of a request (no token, no verifier) reaches another
// server. A self-signed certificate is accepted exactly when it is the pinned one.
// Node's checkServerIdentity is not enough: it is skipped when the chain does not verify (a self-signed
// certificate), so the check here runs on every handshake.
import type { ClientRequestArgs } from 'node:http';
import { Agent, request, type AgentOptions } from 'node:https';
import type { Duplex } from 'node:stream';
import { Readable } from 'node:stream';
import { connect, type ConnectionOptions } from 'node:tls';
import { parseFingerprint } from '../../../shared/platform';
import { CertificateMismatchError, type Fetch } from '../../../shared/sync';

class PinnedAgent extends Agent {
  constructor(
    private readonly pin: string,
    options: AgentOptions,
  ) {
    super(options);
  }

  override createConnection(
    options: ClientRequestArgs,
    created?: (error: Error | null, socket: Duplex) => void,
  ): undefined {
    const socket = connect({ ...(options as ConnectionOptions), rejectUnauthorized: false });
    socket.once('secureConnect', () => {
      const presented = parseFingerprint(socket.getPeerX509Certificate()?.fingerprint256);
      if (presented === null || presented !== this.pin) {
        const refused = new CertificateMismatchError(String(options.host));
        socket.destroy(refused);
        created?.(refused, socket);
        return;
      }
      created?.(null, socket);
    });
    socket.once('error', (error) => created?.(error, socket));
    // Handed over through `created` once checked (Node's agent waits for it when this returns nothing).
    return undefined;
  }
}

export interface PinnedFetch extends Fetch {
  /** Closes the kept-alive connections. */
  close(): void;
}

/** A fetch to servers presenting the certificate with this SHA-256 fingerprint (any form parseFingerprint reads). */
export const pinnedFetch = (fingerprint: string): PinnedFetch => {
  const pin = parseFingerprint(fingerprint);
  if (!pin) throw new Error('pinnedFetch: the fingerprint is not a SHA-256 fingerprint');
  const agent = new PinnedAgent(pin, { keepAlive: true });
  const fetchPinned = (input: Parameters<Fetch>[0], init: Parameters<Fetch>[1] = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const req = request(
        url,
        {
          method: init.method ?? 'GET',
          headers: Object.fromEntries(new Headers(init.headers)),
          agent,
          ...(init.signal ? { signal: init.signal } : {}),
        },
        (res) => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          const empty = res.statusCode === 204 || res.statusCode === 304;
          resolve(
            new Response(empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), {
              status: res.statusCode ?? 0,
              headers,
            }),
          );
        },
      );
      // As the platform's fetch does: a TypeError whose cause says why (the client reads the cause).
      req.on('error', (error) => reject(new TypeError('fetch failed', { cause: error })));
      req.end(typeof init.body === 'string' ? init.body : undefined);
    });
  return Object.assign(fetchPinned, { close: () => agent.destroy() }) as PinnedFetch;
};
