import { Metrics } from './metrics';

describe(Metrics.name, () => {
  it('keeps each instance in a registry of its own, so two apps in one process do not clash', async () => {
    const a = new Metrics();
    const b = new Metrics();
    a.answerSaved('saved');
    expect(await a.registry.getSingleMetricAsString('rubricon_answer_saves_total')).toContain(
      'rubricon_answer_saves_total{outcome="saved"} 1',
    );
    expect(await b.registry.getSingleMetricAsString('rubricon_answer_saves_total')).not.toContain('outcome="saved"');
  });

  it('reports saves, runs, HTTP and socket latency with their labels, and the event-loop p99 among the defaults', async () => {
    const m = new Metrics();
    m.answerSaved('saved');
    m.answerSaved('saved');
    m.answerSaved('stale-version');
    m.runFinished('grading', 'passed', 1_500);
    m.runFinished('practice', 'timeout', 2_000);
    m.httpRequest('GET', '/api/attempts/:id', 200, 0.012);
    m.socketEvent('/attempts', 'save-answer', 'ok', 0.004);
    m.socketEvent('/attempts', 'save-answer', 'time-up', 0.002);
    const { contentType, body } = await m.scrape();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(body).toContain('rubricon_answer_saves_total{outcome="saved"} 2');
    expect(body).toContain('rubricon_answer_saves_total{outcome="stale-version"} 1');
    expect(body).toContain('rubricon_code_runs_total{kind="grading",verdict="passed"} 1');
    expect(body).toContain('rubricon_code_run_duration_seconds_bucket{le="2",kind="grading"} 1');
    expect(body).toContain('rubricon_code_run_duration_seconds_bucket{le="1",kind="grading"} 0');
    expect(body).toContain(
      'rubricon_http_request_duration_seconds_count{method="GET",route="/api/attempts/:id",status="200"} 1',
    );
    expect(body).toContain(
      'rubricon_socket_event_duration_seconds_count{namespace="/attempts",event="save-answer",outcome="time-up"} 1',
    );
    expect(body).toMatch(/^rubricon_nodejs_eventloop_lag_p99_seconds \d/m);
  });

  it('reads sockets, queue depth and Yjs updates from their sources at each scrape', async () => {
    const m = new Metrics();
    let sockets = 3;
    let applied = 5;
    m.registerSockets(() => [
      ['/attempts', sockets],
      ['/interviews', 1],
    ]);
    m.registerQueueDepth(async () => ({ waiting: 4, active: 2 }));
    m.registerQueueDepth(() => 1);
    m.registerQueueDepth(() => Promise.reject(new Error('Redis is down')));
    m.registerYjsUpdates(() => applied);
    let body = (await m.scrape()).body;
    expect(body).toContain('rubricon_sockets_connected{namespace="/attempts"} 3');
    expect(body).toContain('rubricon_sockets_connected{namespace="/interviews"} 1');
    expect(body).toContain('rubricon_run_queue_jobs{state="waiting"} 5');
    expect(body).toContain('rubricon_run_queue_jobs{state="active"} 2');
    expect(body).toContain('rubricon_yjs_updates_applied_total 5');
    sockets = 0;
    applied = 12;
    body = (await m.scrape()).body;
    expect(body).toContain('rubricon_sockets_connected{namespace="/attempts"} 0');
    expect(body).toContain('rubricon_yjs_updates_applied_total 12');
  });
});
