// GET /healthz: the process is alive and serving HTTP. GET /readyz: it can do useful work — each
// check (database reachable, models loaded, platforms connected) is passed in by whoever owns it,
// so a load balancer takes a replica out of rotation while it starts, drains or loses its database.
import type { ServerResponse } from 'node:http';
import { sendJson, type HttpServer } from './http-server.ts';

/** Resolves true when ready; false or a throw means not ready. Each check gets `timeoutMs`. */
export type ReadinessCheck = () => boolean | Promise<boolean>;

export interface HealthOptions {
  checks: Readonly<Record<string, ReadinessCheck>>;
  timeoutMs?: number;
  /** False once shutdown began: readiness fails so traffic moves elsewhere. */
  accepting?: () => boolean;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, 'ok' | 'failing'>;
}

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([Promise.resolve().then(check), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), timeoutMs)))]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function readiness(opts: HealthOptions): Promise<Readiness> {
  const names = Object.keys(opts.checks);
  const results = await Promise.all(names.map((n) => runCheck(opts.checks[n], opts.timeoutMs ?? 2000)));
  const checks: Record<string, 'ok' | 'failing'> = {};
  names.forEach((n, i) => (checks[n] = results[i] ? 'ok' : 'failing'));
  if (opts.accepting && !opts.accepting()) checks.accepting = 'failing';
  return { ready: Object.values(checks).every((c) => c === 'ok'), checks };
}

export function mountHealth(server: HttpServer, opts: HealthOptions): void {
  server.route('GET', '/healthz', (_req, res: ServerResponse) => sendJson(res, 200, { status: 'alive' }));
  server.route('GET', '/readyz', async (_req, res: ServerResponse) => {
    const r = await readiness(opts);
    sendJson(res, r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not ready', checks: r.checks });
  });
}
