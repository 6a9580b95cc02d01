// A small TCP proxy on loopback between clients and one or more servers, for the load bench and the fault
// loops: round-robin over several server instances (one address for two servers), dropping a response
// once the server began to send it (the request was handled, its answer never arrives), cutting open
// connections and refusing new ones for a while (a flapping link). Every decision comes from the caller's
// seeded random numbers, so a failing run can be repeated.
import net from 'node:net';

export interface ProxyOptions {
  /** The servers' ports; each new connection goes to the next (round-robin). */
  targets: () => readonly number[];
  /**
   * Asked when a server starts answering a request, with the request's first line (`POST /sync/... HTTP/1.1`):
   * true drops the answer and cuts the connection.
   */
  dropResponse?: (requestLine: string) => boolean;
}

export interface FaultProxy {
  readonly url: string;
  /** Cuts each open connection for which `pick()` is true; answers how many were cut. */
  cut(pick?: () => boolean): number;
  /** While down, new connections are cut at once (the link is gone). */
  setDown(down: boolean): void;
  readonly stats: { connections: number; dropped: number; cut: number; refused: number };
  close(): Promise<void>;
}

export const startProxy = async (options: ProxyOptions): Promise<FaultProxy> => {
  const open = new Set<{ client: net.Socket; upstream: net.Socket }>();
  const stats = { connections: 0, dropped: 0, cut: 0, refused: 0 };
  let down = false;
  let next = 0;
  const server = net.createServer((client) => {
    const targets = options.targets();
    if (down || targets.length === 0) {
      stats.refused += 1;
      client.destroy();
      return;
    }
    stats.connections += 1;
    const upstream = net.connect({ host: '127.0.0.1', port: targets[next++ % targets.length]! });
    const pair = { client, upstream };
    open.add(pair);
    const end = () => {
      open.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    // A request sent and no answer begun yet: the next bytes from the server start its answer.
    let asked = false;
    let requestLine = '';
    client.on('data', (chunk: Buffer) => {
      if (!asked) requestLine = chunk.subarray(0, 200).toString('latin1').split('\r\n')[0]!;
      asked = true;
      if (!upstream.write(chunk)) client.pause();
    });
    upstream.on('drain', () => client.resume());
    upstream.on('data', (chunk) => {
      if (asked && options.dropResponse?.(requestLine)) {
        stats.dropped += 1;
        return end();
      }
      asked = false;
      if (!client.write(chunk)) upstream.pause();
    });
    client.on('drain', () => upstream.resume());
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    cut(pick = () => true) {
      let count = 0;
      for (const pair of [...open]) {
        if (!pick()) continue;
        count += 1;
        pair.client.destroy();
        pair.upstream.destroy();
        open.delete(pair);
      }
      stats.cut += count;
      return count;
    },
    setDown(value) {
      down = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const pair of open) {
          pair.client.destroy();
          pair.upstream.destroy();
        }
        open.clear();
        server.close(() => resolve());
      }),
  };
};
