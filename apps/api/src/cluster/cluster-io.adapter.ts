import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Server, ServerOptions } from 'socket.io';
import type { RedisConnections } from './redis-connections';

/** How long a dropped socket's rooms and missed packets are kept for it to resume on any instance. */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

/**
 * socket.io across API instances. The Redis Streams adapter carries broadcasts through a stream:
 * after a Redis blip each instance reads on from where it stopped, so nothing is lost; and it keeps
 * connection-state-recovery sessions in Redis, so a client that reconnects to another instance
 * gets the packets it missed. Recovery re-runs the handshake middleware (`skipMiddlewares: false`):
 * a revoked link or signed-out user does not come back through it. Clients still resync their own
 * state on every connection (attempt state, Yjs state vectors), recovered or not.
 */
export class ClusterIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly redis: RedisConnections,
  ) {
    super(app);
  }

  createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
    } as ServerOptions) as Server;
    const client = this.redis.open('socket.io', { maxRetriesPerRequest: null });
    server.adapter(
      createAdapter(client, {
        streamName: this.redis.key('socket.io'),
        channelPrefix: this.redis.key('socket.io'),
        sessionKeyPrefix: `${this.redis.key('socket.io', 'session')}:`,
      }),
    );
    return server;
  }
}
