import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Every metric name starts with this, the Node defaults included (`rubricon_nodejs_eventloop_lag_p99_seconds`). */
export const METRICS_PREFIX = 'rubricon_';

/** Seconds: an answer save is a few milliseconds, a code run several seconds. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const RUN_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60];
/** A scrape waits this long for a source that reads Redis; Prometheus's own timeout is 10 s. */
const SOURCE_TIMEOUT_MS = 1_000;

/** How an answer save ended: stored, or the code it was refused with (`stale-version`, `time-up`, ...). */
export type SaveOutcome = 'saved' | string;
/** Grading runs (hidden tests at submit) go before practice runs (the candidate's Run button). */
export type RunKind = 'practice' | 'grading' | 'interview';
/** Jobs waiting for a runner, by state (BullMQ `getJobCounts`, or the embedded pool's queue). */
export type QueueCounts = Partial<Record<'waiting' | 'prioritized' | 'active' | 'delayed', number>>;

/**
 * The Prometheus metrics of one API instance, served at /metrics (metrics.http.ts).
 *
 * Why a registry per instance rather than prom-client's global one: the end-to-end tests start
 * several apps in one process, and a global registry refuses a second metric of the same name.
 *
 * Labels are always from small fixed sets (a route template, an event name the gateway knows, an
 * error code), never ids: every label value is a time series of its own in Prometheus.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: `${METRICS_PREFIX}http_request_duration_seconds`,
    help: 'HTTP requests by method, route template and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly socketDuration = new Histogram({
    name: `${METRICS_PREFIX}socket_event_duration_seconds`,
    help: 'Acknowledged socket events, from arrival to acknowledgement, by namespace, event and outcome (ok or the error code).',
    labelNames: ['namespace', 'event', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly socketMessages = new Counter({
    name: `${METRICS_PREFIX}socket_messages_total`,
    help: 'Socket events received, acknowledged or not (document updates and cursors come without an acknowledgement).',
    labelNames: ['namespace', 'event'] as const,
    registers: [this.registry],
  });

  private readonly saves = new Counter({
    name: `${METRICS_PREFIX}answer_saves_total`,
    help: 'Answer saves by outcome: saved, or the code of the refusal.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly runs = new Counter({
    name: `${METRICS_PREFIX}code_runs_total`,
    help: 'Finished code runs by kind (practice, grading, interview) and verdict.',
    labelNames: ['kind', 'verdict'] as const,
    registers: [this.registry],
  });

  private readonly runDuration = new Histogram({
    name: `${METRICS_PREFIX}code_run_duration_seconds`,
    help: 'Code runs from request to verdict (queueing included), by kind.',
    labelNames: ['kind'] as const,
    buckets: RUN_BUCKETS,
    registers: [this.registry],
  });

  private socketSources: Array<() => Iterable<[namespace: string, sockets: number]>> = [];
  private queueSources: Array<() => QueueCounts | number | Promise<QueueCounts | number>> = [];
  private yjsSources: Array<() => number> = [];

  constructor() {
    // Process CPU, memory, handles, GC and event-loop delay (min, mean, p50, p90, p99, max since the last scrape).
    collectDefaultMetrics({ register: this.registry, prefix: METRICS_PREFIX });
    const sockets: Gauge<'namespace'> = new Gauge({
      name: `${METRICS_PREFIX}sockets_connected`,
      help: 'Sockets connected to this instance, by namespace.',
      labelNames: ['namespace'] as const,
      registers: [this.registry],
      collect: () => {
        sockets.reset();
        for (const source of this.socketSources) for (const [namespace, n] of source()) sockets.set({ namespace }, n);
      },
    });
    const queue: Gauge<'state'> = new Gauge({
      name: `${METRICS_PREFIX}run_queue_jobs`,
      help: 'Code runs waiting or running, by state, as the run queue reports them.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect: async () => {
        queue.reset();
        for (const source of this.queueSources) {
          // A queue that does not answer (Redis down) leaves the gauge out rather than failing the scrape.
          const counts = await within(SOURCE_TIMEOUT_MS, Promise.resolve().then(source));
          if (counts === null) continue;
          const byState: QueueCounts = typeof counts === 'number' ? { waiting: counts } : counts;
          for (const [state, n] of Object.entries(byState)) if (n !== undefined) queue.inc({ state }, n);
        }
      },
    });
    // CollabRooms counts the updates it applies; the counter reports that running total as it grows.
    let reported = 0;
    const yjs: Counter = new Counter({
      name: `${METRICS_PREFIX}yjs_updates_applied_total`,
      help: 'Document updates the live interview rooms of this instance applied.',
      registers: [this.registry],
      collect: () => {
        const total = this.yjsSources.reduce((sum, read) => sum + read(), 0);
        if (total > reported) yjs.inc(total - reported);
        reported = Math.max(reported, total);
      },
    });
  }

  /** One HTTP request, once its response is sent (metrics.http.ts). */
  httpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  /** One socket event, when it arrives; `acknowledged` follows if it came with an acknowledgement. */
  socketMessage(namespace: string, event: string): void {
    this.socketMessages.inc({ namespace, event });
  }

  /** One socket event answered: `outcome` is `ok` or the code of the refusal. */
  socketEvent(namespace: string, event: string, outcome: string, seconds: number): void {
    this.socketDuration.observe({ namespace, event, outcome }, seconds);
  }

  /** An answer save over the socket or REST: `saved`, or the error code it was refused with. */
  answerSaved(outcome: SaveOutcome): void {
    this.saves.inc({ outcome });
  }

  /** A code run with its verdict (`passed`, `failed`, `timeout`, `error`, ...), `ms` from request to verdict. */
  runFinished(kind: RunKind, verdict: string, ms: number): void {
    this.runs.inc({ kind, verdict });
    this.runDuration.observe({ kind }, ms / 1000);
  }

  /** Read at each scrape: the local socket.io namespaces and how many sockets each has. */
  registerSockets(read: () => Iterable<[namespace: string, sockets: number]>): void {
    this.socketSources.push(read);
  }

  /** Read at each scrape (e.g. `() => queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed')`); a number counts as waiting. */
  registerQueueDepth(read: () => QueueCounts | number | Promise<QueueCounts | number>): void {
    this.queueSources.push(read);
  }

  /** Read at each scrape: a running total of Yjs updates applied (`CollabRooms.updatesApplied`). */
  registerYjsUpdates(read: () => number): void {
    this.yjsSources.push(read);
  }

  /** The text Prometheus scrapes. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** The value, or null when the promise fails or takes longer than `ms`. */
async function within<T>(ms: number, promise: Promise<T>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([promise.catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}
