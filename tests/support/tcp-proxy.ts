import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A tiny TCP forwarder on loopback, for fault tests. Two uses:
 *
 * - In front of the API instances: clients keep one fixed URL (as they would behind nginx) while
 *   instances die and come back on new ports. New connections go round-robin over the upstreams,
 *   or all to one chosen with `pin`; a connection whose upstream refuses is tried on the next one,
 *   as a reverse proxy's passive health check would.
 * - Between the API and MariaDB: `cut()` is "the database stopped" (open connections die, new ones
 *   are reset) and `restore()` brings it back. The MariaDB server is shared with every other suite
 *   running at the same time (and with other people's work on this machine): stopping it for real
 *   would fail them all, so only this suite's own path to it is cut.
 */
export interface TcpProxy {
  /** The port clients connect to (fixed for the proxy's life). */
  readonly port: number;
  /** Where new connections go; replace an entry when an instance comes back on another port. */
  upstreams: number[];
  /** Sends every new connection to this upstream port only (null: round-robin again). */
  pin: (port: number | null) => void;
  /** Destroys every open connection and resets new ones until `restore()`. */
  cut: () => void;
  /**
   * Open connections stay open but nothing passes either way, and new ones are accepted but never
   * answered: a database host that vanished from the network (a hang, not a refusal) until `restore()`.
   */
  stall: () => void;
  restore: () => void;
  /** Destroys the open connections to one upstream (new ones may still go there). */
  dropConnectionsTo: (port: number) => void;
  /** Open client connections, per upstream port. */
  openConnections: () => Map<number, number>;
  close: () => Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket | null;
  port: number | null;
}

export async function startTcpProxy(upstreams: number[]): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let state: 'open' | 'cut' | 'stalled' = 'open';
  let pinned: number | null = null;
  let next = 0;
  // Connections accepted while stalled: held (unanswered) until restore() hands them on, or cut() kills them.
  const held: Pair[] = [];

  const candidates = (): number[] => {
    if (pinned !== null) return [pinned];
    const list = proxy.upstreams;
    if (list.length === 0) return [];
    const start = next++ % list.length;
    return [...list.slice(start), ...list.slice(0, start)];
  };

  const destroy = (pair: Pair) => {
    pairs.delete(pair);
    pair.client.destroy();
    pair.upstream?.destroy();
  };

  const connect = (pair: Pair, ports: number[]) => {
    const [port, ...rest] = ports;
    if (port === undefined || state === 'cut') return destroy(pair);
    const upstream = createConnection({ host: '127.0.0.1', port });
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      if (state === 'cut' || pair.client.destroyed) return destroy(pair);
      pair.upstream = upstream;
      pair.port = port;
      upstream.setNoDelay(true);
      pair.client.pipe(upstream);
      upstream.pipe(pair.client);
      if (state === 'stalled') pause(pair);
    });
    upstream.on('error', () => {
      // Refused before connecting: this upstream is down, try the next one.
      if (!connected) return connect(pair, rest);
      destroy(pair);
    });
    upstream.on('close', () => connected && destroy(pair));
  };

  const pause = (pair: Pair) => {
    pair.client.unpipe();
    pair.upstream?.unpipe();
    pair.client.pause();
    pair.upstream?.pause();
  };
  const resume = (pair: Pair) => {
    if (!pair.upstream) return;
    pair.client.pipe(pair.upstream);
    pair.upstream.pipe(pair.client);
  };

  const server: Server = createServer({ noDelay: true, pauseOnConnect: true }, (client) => {
    const pair: Pair = { client, upstream: null, port: null };
    client.on('error', () => destroy(pair));
    client.on('close', () => destroy(pair));
    if (state === 'cut') {
      // A reset, as from a port nobody listens on: the driver fails at once instead of waiting.
      client.resetAndDestroy();
      return;
    }
    pairs.add(pair);
    if (state === 'stalled') {
      held.push(pair);
      return;
    }
    connect(pair, candidates());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });

  const proxy: TcpProxy = {
    port: (server.address() as { port: number }).port,
    upstreams: [...upstreams],
    pin: (port) => {
      pinned = port;
    },
    cut: () => {
      state = 'cut';
      held.splice(0);
      for (const pair of [...pairs]) {
        pair.client.resetAndDestroy();
        destroy(pair);
      }
    },
    stall: () => {
      state = 'stalled';
      for (const pair of pairs) pause(pair);
    },
    restore: () => {
      const was = state;
      state = 'open';
      if (was === 'stalled') {
        for (const pair of pairs) resume(pair);
        for (const pair of held.splice(0)) connect(pair, candidates());
      }
    },
    dropConnectionsTo: (port) => {
      for (const pair of [...pairs]) if (pair.port === port) destroy(pair);
    },
    openConnections: () => {
      const counts = new Map<number, number>();
      for (const pair of pairs) if (pair.port !== null) counts.set(pair.port, (counts.get(pair.port) ?? 0) + 1);
      return counts;
    },
    close: async () => {
      for (const pair of [...pairs]) destroy(pair);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
