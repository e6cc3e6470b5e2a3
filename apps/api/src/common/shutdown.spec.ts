import type { HttpAdapterHost } from '@nestjs/core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../config';
import { ShutdownService } from './shutdown';

function service(drainMs: number, server?: Server): ShutdownService {
  const host = { httpAdapter: server ? { getHttpServer: () => server } : undefined } as unknown as HttpAdapterHost;
  return new ShutdownService({ shutdownDrainMs: drainMs } as AppConfig, host);
}

describe(ShutdownService.name, () => {
  it('turns unready at once, keeps serving through the drain window, then stops and waits for work under way', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const shutdown = service(200, server);
    const save = shutdown.track('socket');
    expect(shutdown.phase).toBe('running');

    let drained = false;
    const started = Date.now();
    const draining = shutdown.drain().then(() => (drained = true));
    expect(shutdown.shuttingDown).toBe(true);
    expect(shutdown.stopping).toBe(false);
    // Still listening during the window: the proxy may send a last request.
    const { port } = server.address() as AddressInfo;
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');

    await new Promise((r) => setTimeout(r, 300));
    expect(shutdown.stopping).toBe(true);
    expect(server.listening).toBe(false);
    expect(drained).toBe(false); // the save is still under way
    expect(shutdown.pending()).toEqual({ http: 0, socket: 1 });
    save();
    save(); // a second call does not count twice
    await draining;
    expect(drained).toBe(true);
    expect(shutdown.pending()).toEqual({ http: 0, socket: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(shutdown.drain()).toBe(shutdown.drain()); // idempotent
  });

  it('drains at once without a window (SHUTDOWN_DRAIN_MS=0, as in tests)', async () => {
    const shutdown = service(0);
    expect(shutdown.drainMs).toBe(0);
    const started = Date.now();
    await shutdown.onModuleDestroy();
    expect(shutdown.stopping).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000); // the default window is 2 s; a loaded CI machine can stall the loop 100 ms
  });

  it('removes its signal listeners when the app shuts down', () => {
    const before = process.listenerCount('SIGTERM');
    const shutdown = service(0);
    shutdown.listenForSignals({ close: () => Promise.resolve() } as never);
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    shutdown.onApplicationShutdown();
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});
