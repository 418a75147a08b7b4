// Prometheus metrics (prom-client) served at GET /metrics: requests per command and platform,
// latency, queue depth, refusals, worker utilisation, quiz answers, plus Node's default process
// metrics. One registry per Metrics object, so tests can build their own; `metrics` is the process's.
import type { ServerResponse } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { HttpServer } from './http-server.ts';

export type RequestKind = 'command' | 'button';

export class Metrics {
  readonly registry = new Registry();
  private queueStats: () => { running: number; queued: number } = () => ({ running: 0, queued: 0 });
  private workerStats: () => { utilization: number; threads: number } = () => ({ utilization: 0, threads: 0 });

  readonly requests = new Counter({
    name: 'nn_tutor_requests_total',
    help: 'Commands and button clicks handled, by platform, command and outcome',
    labelNames: ['platform', 'command', 'kind', 'status'] as const,
    registers: [this.registry],
  });

  readonly latency = new Histogram({
    name: 'nn_tutor_request_duration_seconds',
    help: 'Time from a request entering the queue to its reply, by platform and command',
    labelNames: ['platform', 'command', 'kind'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly refusals = new Counter({
    name: 'nn_tutor_refusals_total',
    help: 'Requests refused: busy, cooldown, in-flight (queue) and bad signature (HTTP)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly quizAnswers = new Counter({
    name: 'nn_tutor_quiz_answers_total',
    help: 'Quiz answer clicks, by outcome (ok: recorded or told why not; internal-error)',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  constructor(opts: { defaultMetrics?: boolean } = {}) {
    const self = this;
    new Gauge({
      name: 'nn_tutor_queue_depth',
      help: 'Jobs in the work queue, by state',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const s = self.queueStats();
        this.set({ state: 'running' }, s.running);
        this.set({ state: 'queued' }, s.queued);
      },
    });
    new Gauge({
      name: 'nn_tutor_worker_utilization',
      help: 'Share of time the inference workers were busy since start (0–1; 0 without a pool)',
      registers: [this.registry],
      collect() {
        this.set(self.workerStats().utilization);
      },
    });
    new Gauge({
      name: 'nn_tutor_workers',
      help: 'Inference worker threads',
      registers: [this.registry],
      collect() {
        this.set(self.workerStats().threads);
      },
    });
    if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'nn_tutor_' });
  }

  watchQueue(stats: () => { running: number; queued: number }): void {
    this.queueStats = stats;
  }

  watchWorkers(stats: () => { utilization: number; threads: number }): void {
    this.workerStats = stats;
  }

  /** Records one handled request; quiz button clicks also count as quiz answers. */
  observe(platform: string, command: string, kind: RequestKind, status: string, seconds: number): void {
    this.requests.inc({ platform, command, kind, status });
    this.latency.observe({ platform, command, kind }, seconds);
    if (command === 'quiz' && kind === 'button') this.quizAnswers.inc({ status });
  }

  mount(server: HttpServer): void {
    server.route('GET', '/metrics', async (_req, res: ServerResponse) => {
      const text = await this.registry.metrics();
      res.writeHead(200, { 'content-type': this.registry.contentType });
      res.end(text);
    });
  }
}

/** The process's metrics; the runner and adapters record here. */
export const metrics = new Metrics();
