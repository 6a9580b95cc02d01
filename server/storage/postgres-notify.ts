// Every committed write is announced with NOTIFY; one connection per instance LISTENs, so an instance
// tells its own live clients about writes made through any instance sharing the database. Transactions
// (`transactions`) run on a checked-out client that a lost connection does not bring the process down with.
import pg from 'pg';
import type { CarriedWrite, WriteNotice } from './types';

/**
 * LISTENs on `channel` and hands each notice to `announce`. If the connection drops, it reconnects with
 * back-off and announces that notices may have been missed (orgId null), so live clients are told to pull.
 */
export const listenForWrites = async (
  config: pg.ClientConfig,
  channel: string,
  announce: (notice: WriteNotice, carried?: CarriedWrite) => void,
): Promise<{ close(): Promise<void> }> => {
  // One connection LISTENs for every instance's writes. If it drops, it reconnects with back-off and
  // announces that notices may have been missed, so live clients are told to pull.
  let listener: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const listen = async (): Promise<void> => {
    const client = new pg.Client(config);
    client.on('error', () => undefined);
    client.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return;
      const { notice, carried } = readNotice(message.payload);
      announce(notice, carried);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    client.on('end', () => {
      if (!closed) relisten(250);
    });
    listener = client;
  };
  const relisten = (delay: number) => {
    retry = setTimeout(() => {
      listen().then(
        () => announce({ orgId: null, sequence: 0 }),
        () => relisten(Math.min(delay * 2, 10_000)),
      );
    }, delay);
    retry.unref();
  };
  await listen();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await listener?.end().catch(() => undefined);
    },
  };
};

/** NOTIFY refuses payloads of 8,000 bytes or more: a larger carried push is announced by its sequence. */
const MAX_PAYLOAD_BYTES = 7900;

/**
 * The NOTIFY payload of a write: `orgId:sequence`, or, when the push's documents travel with it
 * (CarriedWrite), JSON `{ o, s, c }`. Every instance sharing a database runs the same version.
 */
export const writeNotice = (orgId: string, sequence: number, carried: CarriedWrite | undefined): string => {
  const plain = `${orgId}:${sequence}`;
  if (!carried) return plain;
  const json = JSON.stringify({ o: orgId, s: sequence, c: carried });
  return Buffer.byteLength(json) <= MAX_PAYLOAD_BYTES ? json : plain;
};

const readNotice = (payload: string): { notice: WriteNotice; carried?: CarriedWrite } => {
  if (payload.startsWith('{')) {
    const { o, s, c } = JSON.parse(payload) as { o: string; s: number; c?: CarriedWrite };
    return { notice: { orgId: o, sequence: s }, carried: c };
  }
  const separator = payload.lastIndexOf(':');
  return {
    notice: { orgId: payload.slice(0, separator), sequence: Number(payload.slice(separator + 1)) },
  };
};

/** Runs `work` in one transaction on a client of its own, rolled back if it throws. */
export const transactions =
  (pool: pg.Pool) =>
  async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    // The pool listens for errors of idle clients only: a connection lost while checked out (PostgreSQL
    // restarted under load) would otherwise end the process. The query fails, the request answers 500.
    const lost = () => undefined;
    client.on('error', lost);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.removeListener('error', lost);
      client.release();
    }
  };
