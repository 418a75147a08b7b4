// The shared HTTP server of a replica: routes, errors, body limit, health, readiness and metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountHealth } from '../../src/ops/health.ts';
import { HttpServer } from '../../src/ops/http-server.ts';
import { Metrics } from '../../src/ops/metrics.ts';

describe('HttpServer with health and metrics', () => {
  let server: HttpServer;
  let base: string;
  const state = { db: true, models: true, accepting: true };
  const metrics = new Metrics();

  beforeAll(async () => {
    server = new HttpServer({ maxBodyBytes: 1024 });
    mountHealth(server, {
      checks: {
        database: async () => state.db,
        models: () => state.models,
        platforms: () => {
          throw new Error('a failing check is "not ready", not a crash');
        },
      },
      accepting: () => state.accepting,
      timeoutMs: 200,
    });
    metrics.mount(server);
    metrics.watchQueue(() => ({ running: 1, queued: 3 }));
    metrics.watchWorkers(() => ({ utilization: 0.25, threads: 2 }));
    server.route('POST', '/echo', (_req, res, body) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(body);
    });
    base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  });
  afterAll(() => server.close(500));

  it('GET /healthz says alive', async () => {
    const r = await fetch(`${base}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'alive' });
  });

  it('GET /readyz is 503 naming the failing checks, 200 when all pass', async () => {
    let r = await fetch(`${base}/readyz`);
    expect(r.status).toBe(503);
    expect(await r.json()).toEqual({ status: 'not ready', checks: { database: 'ok', models: 'ok', platforms: 'failing' } });
    const ready = new HttpServer();
    mountHealth(ready, { checks: { database: () => state.db } });
    const port = await ready.listen(0, '127.0.0.1');
    r = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(r.status).toBe(200);
    state.db = false;
    r = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(r.status).toBe(503);
    expect(((await r.json()) as any).checks.database).toBe('failing');
    state.db = true;
    await ready.close(100);
  });

  it('GET /metrics serves the Prometheus text format with our series', async () => {
    metrics.observe('discord', 'translate', 'command', 'ok', 0.12);
    metrics.observe('slack', 'quiz', 'button', 'ok', 0.01);
    metrics.refusals.inc({ reason: 'cooldown' });
    const r = await fetch(`${base}/metrics`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await r.text();
    expect(text).toContain('nn_tutor_requests_total{platform="discord",command="translate",kind="command",status="ok"} 1');
    expect(text).toContain('nn_tutor_request_duration_seconds_bucket{le="0.25",platform="discord",command="translate",kind="command"} 1');
    expect(text).toContain('nn_tutor_quiz_answers_total{status="ok"} 1');
    expect(text).toContain('nn_tutor_refusals_total{reason="cooldown"} 1');
    expect(text).toContain('nn_tutor_queue_depth{state="queued"} 3');
    expect(text).toContain('nn_tutor_worker_utilization 0.25');
    expect(text).toContain('nn_tutor_workers 2');
    expect(text).toContain('nn_tutor_process_cpu_seconds_total');
  });

  it('404 for an unknown path, 405 with Allow for a wrong method', async () => {
    let r = await fetch(`${base}/nope`);
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ error: 'not found' });
    r = await fetch(`${base}/healthz`, { method: 'POST', body: 'x' });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET');
  });

  it('reads a body within the limit and refuses a larger one with 413', async () => {
    let r = await fetch(`${base}/echo`, { method: 'POST', body: 'hello' });
    expect(await r.text()).toBe('hello');
    r = await fetch(`${base}/echo`, { method: 'POST', body: 'x'.repeat(2048) });
    expect(r.status).toBe(413);
    // A chunked body (no Content-Length) is cut off at the limit too.
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 4; i++) c.enqueue(new TextEncoder().encode('y'.repeat(512)));
        c.close();
      },
    });
    r = await fetch(`${base}/echo`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(r.status).toBe(413);
  });

  it('readiness fails once shutdown begins, and close() lets an in-flight request finish', async () => {
    const s = new HttpServer();
    let release!: () => void;
    let entered!: () => void;
    const inHandler = new Promise<void>((r) => (entered = r));
    s.route('GET', '/slow', async (_req, res) => {
      await new Promise<void>((r) => {
        release = r;
        entered();
      });
      res.end('finished');
    });
    const port = await s.listen(0, '127.0.0.1');
    const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.text());
    await inHandler; // the request is in flight (a fixed wait was too short on a loaded machine)
    const closing = s.close(5000);
    release();
    expect(await inFlight).toBe('finished');
    await closing;
    expect(s.server.listening).toBe(false);
    state.accepting = false;
    const r = await fetch(`${base}/readyz`);
    expect(((await r.json()) as any).checks.accepting).toBe('failing');
    state.accepting = true;
  });
});
