import {
  Inject,
  Injectable,
  Logger,
  type INestApplication,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { APP_CONFIG, type AppConfig } from '../config';

/** The longest the requests and socket events already under way get to finish once the drain window is over. */
export const SETTLE_TIMEOUT_MS = 10_000;

export type ShutdownPhase = 'running' | 'draining' | 'stopping';

/**
 * Graceful shutdown, in the order a proxy in front of several instances needs:
 *
 * 1. `draining` (SIGTERM): /api/health/ready answers 503 and new socket connections are refused, so
 *    the proxy and reconnecting clients go to another instance; requests still arriving are served,
 *    for SHUTDOWN_DRAIN_MS, the time the proxy takes to notice.
 * 2. `stopping`: the HTTP listener closes (new connections are refused), responses on open keep-alive
 *    connections say `Connection: close`, socket events arriving now are refused with
 *    `shutting-down` (never half-run: the client keeps and resends them), and the HTTP requests and
 *    acknowledged socket events under way (answer saves) are waited for, up to SETTLE_TIMEOUT_MS.
 * 3. Nest's own hooks (`app.close()`): the interview rooms write their buffered edits, the mail
 *    worker settles its message, sockets close, the sandbox pool and finally the database close.
 *
 * Why the first two steps are here and not in a Nest hook alone: Nest runs every module's
 * `onModuleDestroy` before it closes the HTTP server, in an order this module does not choose, so
 * the signal handler (`listenForSignals`) drains before it calls `app.close()`. `onModuleDestroy`
 * drains too, for an `app.close()` that did not come from a signal (tests), with whatever window
 * the config gives.
 */
@Injectable()
export class ShutdownService implements OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private current: ShutdownPhase = 'running';
  private drained?: Promise<void>;
  private readonly inFlight = { http: 0, socket: 0 };
  private idle?: () => void;
  private signalHandlers: Array<[NodeJS.Signals, () => void]> = [];
  readonly drainMs: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.drainMs = config.shutdownDrainMs;
  }

  get phase(): ShutdownPhase {
    return this.current;
  }

  /** From SIGTERM on: readiness fails and new sockets are refused. */
  get shuttingDown(): boolean {
    return this.current !== 'running';
  }

  /** After the drain window: late socket events are refused and connections are not kept alive. */
  get stopping(): boolean {
    return this.current === 'stopping';
  }

  /** Counts an HTTP request or acknowledged socket event as under way; call the result once it is answered. */
  track(kind: 'http' | 'socket'): () => void {
    this.inFlight[kind]++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.inFlight[kind]--;
      if (this.inFlight.http + this.inFlight.socket === 0) this.idle?.();
    };
  }

  /** What is still under way (for the log and tests). */
  pending(): { http: number; socket: number } {
    return { ...this.inFlight };
  }

  /** Steps 1 and 2 above; idempotent, resolves when the instance is quiet (or SETTLE_TIMEOUT_MS has passed). */
  drain(): Promise<void> {
    this.drained ??= this.runDrain();
    return this.drained;
  }

  private async runDrain(): Promise<void> {
    this.current = 'draining';
    if (this.drainMs > 0) {
      this.logger.log(`Shutting down: unready, still serving for ${this.drainMs} ms while the proxy moves away`);
      await sleep(this.drainMs);
    }
    this.current = 'stopping';
    const server = this.httpServer();
    // No new connections; the listening socket closes now, the open ones as they fall idle.
    if (server?.listening) server.close();
    const settled = await this.settle(server);
    if (!settled) {
      const { http, socket } = this.inFlight;
      this.logger.warn(
        `Shutting down with ${http} request(s) and ${socket} socket event(s) still under way after ${SETTLE_TIMEOUT_MS} ms`,
      );
    }
  }

  /** Waits for the requests and events under way, closing keep-alive connections as they fall idle. */
  private async settle(server: Server | undefined): Promise<boolean> {
    const quiet = () => this.inFlight.http + this.inFlight.socket === 0;
    if (quiet()) {
      server?.closeIdleConnections?.();
      return true;
    }
    const sweep = setInterval(() => server?.closeIdleConnections?.(), 100);
    try {
      return await Promise.race([
        new Promise<boolean>((resolve) => {
          this.idle = () => resolve(true);
          if (quiet()) resolve(true);
        }),
        sleep(SETTLE_TIMEOUT_MS, false, { ref: false }),
      ]);
    } finally {
      clearInterval(sweep);
      this.idle = undefined;
      server?.closeIdleConnections?.();
    }
  }

  private httpServer(): Server | undefined {
    try {
      return this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * SIGTERM (docker stop, Kubernetes, systemd) and SIGINT (Ctrl-C): drain, close the app, exit 0; a
   * failure on the way exits 1. A second SIGINT exits at once, for a person who does not want to wait.
   * Replaces Nest's enableShutdownHooks, which runs the hooks before the drain and exits by re-raising the signal.
   */
  listenForSignals(app: INestApplication): void {
    let closing: Promise<void> | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) {
        if (signal === 'SIGINT') process.exit(130);
        return;
      }
      this.logger.log(`${signal} received`);
      closing = this.drain()
        .then(() => app.close())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            this.logger.error(`Shutdown failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
            process.exit(1);
          },
        );
    };
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const handler = () => onSignal(signal);
      process.on(signal, handler);
      this.signalHandlers.push([signal, handler]);
    }
  }

  /** `app.close()` without a signal (tests) drains too, before the other modules' hooks tear anything down. */
  onModuleDestroy(): Promise<void> {
    return this.drain();
  }

  onApplicationShutdown(): void {
    for (const [signal, handler] of this.signalHandlers.splice(0)) process.removeListener(signal, handler);
  }
}
