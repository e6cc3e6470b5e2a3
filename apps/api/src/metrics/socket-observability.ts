import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { GATEWAY_METADATA } from '@nestjs/websockets/constants';
import { errorMessage, type SocketErrorAck } from '@rubricon/contracts';
import type { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Namespace, Server, type Socket } from 'socket.io';
import { RequestContext } from '../common/request-context';
import { ShutdownService } from '../common/shutdown';
import { handshakeRefusal } from '../common/ws-ack.filter';
import { Metrics } from './metrics';

/** Events a namespace has no handler for are counted under this name: their names come from clients. */
export const UNKNOWN_EVENT = '(unknown)';

type AllowRequest = (req: IncomingMessage, fn: (err: string | null | undefined, success: boolean) => void) => void;

/**
 * The socket side of observability and shutdown, on every gateway's namespace without touching the
 * gateways:
 * - each event gets a request id (`<socket>-<n>`) in RequestContext, so its log lines carry it;
 * - acknowledged events are timed from arrival to acknowledgement, with the outcome the client saw
 *   (`ok` or the error code), and counted as under way for the graceful shutdown;
 * - from SIGTERM on, new connections are refused: at the engine.io handshake (an HTTP 403, which
 *   socket.io clients retry with backoff, reaching another instance through the proxy) and at the
 *   namespace (connect_error with code `shutting-down`, for a namespace opened on an existing
 *   connection); once the drain window is over, late events are refused with `shutting-down`
 *   rather than started while the instance tears down.
 *
 * Why a socket.io middleware and not a Nest interceptor: document updates and cursors bypass Nest's
 * pipeline (interviews.gateway.ts), and the acknowledgement is the one place that sees every answer.
 */
@Injectable()
export class SocketObservability implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly metrics: Metrics,
    private readonly shutdown: ShutdownService,
  ) {}

  /** Gateways have their servers by now; Nest lets clients in only after this hook. */
  onApplicationBootstrap(): void {
    const namespaces = this.gatewayNamespaces();
    for (const namespace of namespaces) this.instrument(namespace);
    for (const server of new Set(namespaces.map((n) => n.server))) this.refuseNewSessions(server);
    this.metrics.registerSockets(() => namespaces.map((n) => [n.name, n.sockets.size] as [string, number]));
  }

  private gatewayNamespaces(): Namespace[] {
    const found = new Set<Namespace>();
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype || !Reflect.getMetadata(GATEWAY_METADATA, metatype)) continue;
      for (const value of Object.values(instance as object)) {
        if (value instanceof Namespace) found.add(value);
        else if (value instanceof Server) found.add(value.of('/'));
      }
    }
    return [...found];
  }

  private instrument(namespace: Namespace): void {
    namespace.use((_socket, next) => (this.shutdown.shuttingDown ? next(handshakeRefusal('shutting-down')) : next()));
    namespace.on('connection', (socket: Socket) => {
      const connection = randomBytes(4).toString('hex');
      let sequence = 0;
      socket.use((packet, next) => {
        const name = String(packet[0]);
        const event = socket.listenerCount(name) > 0 ? name : UNKNOWN_EVENT;
        this.metrics.socketMessage(namespace.name, event);
        const last = packet.length > 1 ? packet[packet.length - 1] : undefined;
        const ack = typeof last === 'function' ? (last as (...args: unknown[]) => void) : undefined;
        if (this.shutdown.stopping && event !== UNKNOWN_EVENT) {
          // Not run: the client keeps the unacknowledged event and sends it again once reconnected.
          ack?.({ error: errorMessage('shutting-down'), code: 'shutting-down' } satisfies SocketErrorAck);
          return;
        }
        if (ack && event !== UNKNOWN_EVENT) {
          const started = process.hrtime.bigint();
          const done = this.shutdown.track('socket');
          packet[packet.length - 1] = (...answer: unknown[]) => {
            done();
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            this.metrics.socketEvent(namespace.name, event, outcomeOf(answer[0]), seconds);
            ack(...answer);
          };
        }
        // socket.io runs the handler on a later tick started from here, so it inherits this store.
        RequestContext.run({ ip: null, actor: null, requestId: `${connection}-${++sequence}` }, () => next());
      });
    });
  }

  private refuseNewSessions(server: Server): void {
    const opts = (server.engine as unknown as { opts: { allowRequest?: AllowRequest } }).opts;
    const previous = opts.allowRequest;
    opts.allowRequest = (req, fn) => {
      if (this.shutdown.shuttingDown) return fn('shutting-down', false);
      if (previous) return previous(req, fn);
      fn(null, true);
    };
  }
}

/** `ok`, or the code of a refusal (SocketErrorAck). */
function outcomeOf(answer: unknown): string {
  const code = (answer as { code?: unknown; error?: unknown } | null)?.code;
  return typeof code === 'string' && typeof (answer as { error?: unknown }).error === 'string' ? code : 'ok';
}
