import type { INestApplication, LogLevel } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app';
import { RequestLogger } from '../../apps/api/src/common/logger';
import type { AppConfig } from '../../apps/api/src/config';
import { connectCandidate, emitWithAck, invitedCandidates, startedAttempt } from '../factories/attempts';
import { createStaff } from '../factories/staff';
import { databaseKinds, type TestDatabase } from '../support/databases';
import { ADMIN, loginAs, testConfig } from '../support/test-app';

const METRICS_TOKEN = 'metrics-token-for-the-test';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The app's own logger (JSON, request ids and all), keeping each line it prints instead of writing it out. */
class CapturedLogger extends RequestLogger {
  readonly lines: Record<string, unknown>[] = [];

  protected override printAsJson(
    message: unknown,
    options: { context: string; logLevel: LogLevel; writeStreamType?: 'stdout' | 'stderr'; errorStack?: unknown },
  ): void {
    this.lines.push(this.getJsonLogObject(message, options));
  }
}

/**
 * /metrics, X-Request-Id and request ids in log lines, on a real server: HTTP latency by route
 * template, socket events by namespace, event and outcome, sockets per namespace.
 */
describe.each(databaseKinds().map((k) => [k.name, k] as const))('observability on %s', (_name, kind) => {
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  let hr: string;
  const logger = new CapturedLogger({ json: true, prefix: 'rubricon', logLevels: ['log', 'warn', 'error'] });

  beforeAll(async () => {
    db = await kind.create();
    const config = { ...testConfig(db), metricsToken: METRICS_TOKEN } as AppConfig;
    app = (await createApp(config, logger)).app;
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${app.getHttpServer().address().port}`;
    hr = (await createStaff(url, await loginAs(url, ADMIN.email, ADMIN.password), 'hr')).token;
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  const scrape = async () =>
    (await request(url).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200)).text;

  it('answers every response with an X-Request-Id: a safe given one, or a fresh UUID', async () => {
    const given = await request(url).get('/api/health').set('X-Request-Id', 'proxy-7f3a.1_b').expect(200);
    expect(given.headers['x-request-id']).toBe('proxy-7f3a.1_b');
    const generated = await request(url).get('/api/health').expect(200);
    expect(generated.headers['x-request-id']).toMatch(UUID);
    // Too long, or with characters that could forge a log line: replaced.
    for (const unsafe of ['x'.repeat(65), 'a b', 'id"\\n{"level":"error"}']) {
      const res = await request(url).get('/api/health').set('X-Request-Id', unsafe).expect(200);
      expect(res.headers['x-request-id']).toMatch(UUID);
    }
    // Refusals too, before and after routing.
    const refused = await request(url).get('/api/postings').expect(401);
    expect(refused.headers['x-request-id']).toMatch(UUID);
    const badJson = await request(url)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":')
      .expect(400);
    expect(badJson.headers['x-request-id']).toMatch(UUID);
  });

  it('stamps the request id on the log lines written while serving the request', async () => {
    const res = await request(url)
      .post('/api/postings/import')
      .set('Authorization', `Bearer ${hr}`)
      .set('X-Request-Id', 'import-log-check-1')
      .send({ text: '# 运维工程师\n## 岗位职责\n- 维护生产环境\n', filename: 'ops.md' })
      .expect(201);
    expect(res.headers['x-request-id']).toBe('import-log-check-1');
    const line = logger.lines.find((l) => String(l.message).startsWith('Imported 1 posting(s) from ops.md'));
    expect(line).toMatchObject({ level: 'log', context: 'PostingsService', requestId: 'import-log-check-1' });
    // Lines written outside a request carry none.
    expect(
      logger.lines.find((l) => String(l.message).includes('Nest application successfully started')),
    ).not.toHaveProperty('requestId');
  });

  it('answers the readiness probe while the database answers, beside the liveness check', async () => {
    expect((await request(url).get('/api/health/ready').expect(200)).body).toEqual({ status: 'ready' });
    expect((await request(url).get('/api/health').expect(200)).body).toMatchObject({ status: 'ok' });
  });

  it('serves Prometheus text at /metrics behind METRICS_TOKEN, outside /api and the OpenAPI document', async () => {
    await request(url).get('/metrics').expect(401);
    await request(url).get('/metrics').set('Authorization', 'Bearer wrong').expect(401);
    const res = await request(url).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toMatch(/^rubricon_nodejs_eventloop_lag_p99_seconds \d/m);
    expect(res.text).toMatch(/^rubricon_process_cpu_seconds_total \d/m);
    await request(url).get('/api/metrics').expect(404);
    const doc = (await request(url).get('/api/docs-json').expect(200)).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p.includes('metrics'))).toEqual([]);
  });

  it('times HTTP requests by method, route template and status, never by the raw URL', async () => {
    const id = '3f1c2a4e-0000-4000-8000-000000000001';
    await request(url).get(`/api/postings/${id}`).set('Authorization', `Bearer ${hr}`).expect(404);
    await request(url).get('/api/no-such-route').expect(404);
    const text = await scrape();
    expect(text).toMatch(
      /^rubricon_http_request_duration_seconds_count\{method="GET",route="\/api\/postings\/:id",status="404"\} [1-9]/m,
    );
    expect(text).toMatch(
      /^rubricon_http_request_duration_seconds_count\{method="POST",route="\/api\/postings\/import",status="201"\} 1$/m,
    );
    expect(text).toMatch(
      /^rubricon_http_request_duration_seconds_count\{method="GET",route="\(unmatched\)",status="404"\} [1-9]/m,
    );
    expect(text).not.toContain(id);
    expect(text).not.toContain('no-such-route');
  });

  it('times socket events by namespace, event and outcome, and counts sockets per namespace', async () => {
    const {
      links: [link],
    } = await invitedCandidates(url, hr, 1);
    const { session, started } = await startedAttempt(url, link);
    const coding = started.questions.find((q) => q.kind === 'coding')!;
    const { socket } = await connectCandidate(url, session.accessToken);
    try {
      const save = (version: number, content = `// v${version}`) =>
        emitWithAck<{ version?: number; code?: string }>(socket, 'save-answer', {
          attemptId: session.attemptId,
          questionId: coding.id,
          language: 'javascript',
          content,
          version,
        });
      expect(await save(1)).toMatchObject({ version: 1 });
      expect(await save(1, '// another tab')).toMatchObject({ code: 'stale-version' });
      expect(await emitWithAck<{ code: string }>(socket, 'no-such-event', {})).toMatchObject({ code: 'unknown-event' });
      const text = await scrape();
      expect(text).toMatch(
        /^rubricon_socket_event_duration_seconds_count\{namespace="\/attempts",event="save-answer",outcome="ok"\} 1$/m,
      );
      expect(text).toMatch(
        /^rubricon_socket_event_duration_seconds_count\{namespace="\/attempts",event="save-answer",outcome="stale-version"\} 1$/m,
      );
      expect(text).toMatch(/^rubricon_socket_messages_total\{namespace="\/attempts",event="\(unknown\)"\} 1$/m);
      expect(text).not.toContain('no-such-event');
      expect(text).toMatch(/^rubricon_sockets_connected\{namespace="\/attempts"\} 1$/m);
      expect(text).toMatch(/^rubricon_sockets_connected\{namespace="\/interviews"\} 0$/m);
    } finally {
      socket.disconnect();
    }
  });
});
