// Replicas as an operator runs them: `node bin/nn-tutor.mjs` child processes in Discord
// HTTP-interactions mode (DISCORD_PUBLIC_KEY) against the loopback Discord stand-in, all on ONE
// PostgreSQL database created for this run. A client signs interactions as Discord does and spreads
// them round-robin over 1, 2 or 3 replicas (WORKERS=1 each), and over one replica with WORKERS=2,
// side by side in one run: /translate and quiz answers per second (closed loop), then p50/p95
// latency at fixed offered loads (open loop). Every request comes from a new member, so per-user
// cooldowns never refuse; what is refused is the replica's own queue saying "busy".
// `npm run bench -- replicas-http` (about 6 minutes; `--quick` for a smoke run).
import { freePort } from '../tests/standins/http.ts';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { childEnvironment, loadConfig } from '../src/config.ts';
import { DiscordStandIn, STANDIN_APP_ID, STANDIN_TOKEN, type DiscordCall } from '../tests/standins/discord.ts';
import { ms, summarize, table, writeSection } from './lib.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/nn-tutor.mjs');
const SENTENCES = ["let's go to the beach", 'i am tired', 'where is the library', 'we eat bread every day', 'she does not like the rain', 'thank you very much'];
const LOADS = [20, 50, 100];
const QUICK = process.argv.includes('--quick');
const LOAD_SECONDS = QUICK ? 2 : 4;
/** Saturation is measured in ROUNDS rounds of one WINDOW_SECONDS window per setup; the median is quoted. */
const ROUNDS = 3;
const WINDOW_SECONDS = QUICK ? 1 : 3;
const RAMP_MS = 500;
const QUIET_MS = 1000;
// Kept in flight during saturation, over all replicas: below one replica's queue limit (20 waiting
// + running), so the closed loop measures capacity, not refusals, and is the same for every setup.
const IN_FLIGHT = { translate: 12, quiz: 16 } as const;
const REQUEST_TIMEOUT_MS = 90_000;

type Kind = 'translate' | 'quiz' | 'start';

interface Result {
  outcome: 'served' | 'refused' | 'error';
  /** From signing the request to the answer the member sees reaching Discord (ms). */
  ms: number;
  /** From signing the request to the HTTP response (the interaction callback). */
  ackMs: number;
  /** The answer was the HTTP response itself (type 4 or 7), not a deferral and a REST call after it. */
  inline?: boolean;
  detail?: string;
  body?: any;
}

interface Pending {
  kind: Kind;
  sentAt: number;
  done: (r: Omit<Result, 'ackMs'>) => void;
}

interface Replica {
  name: string;
  workers: number;
  child: ChildProcess;
  base: string;
  endpoint: string;
  stderr: string;
}

interface Setup {
  label: string;
  replicas: Replica[];
}

const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));

/** Follows every interaction from the signed POST to the answer that reaches the stand-in. */
class Client {
  private readonly pending = new Map<string, Pending>();
  /** Answers that arrived before the POST's response was read (the callback and the webhook race). */
  private readonly early = new Map<string, DiscordCall>();
  private member = 0;
  private turn = 0;
  readonly errors: string[] = [];

  constructor(private readonly standIn: DiscordStandIn) {
    standIn.onCall = (call) => this.onCall(call);
  }

  private onCall(call: DiscordCall): void {
    const m = /^\/webhooks\/\d+\/([^/]+)(\/messages\/@original)?$/.exec(call.path);
    if (!m) return; // channel posts: quiz reveals
    const p = this.pending.get(m[1]);
    if (!p) {
      this.early.set(m[1], call);
      return;
    }
    this.settle(m[1], p, call);
  }

  private settle(token: string, p: Pending, call: DiscordCall): void {
    const at = call.at - p.sentAt;
    if (call.status !== undefined && call.status >= 400) return p.done({ outcome: 'error', ms: at, detail: `stand-in answered ${call.status} to ${call.method} ${call.path.replace(token, ':token')}` });
    if (call.method === 'DELETE') return; // "thinking…" removed before a private answer: wait for it
    this.classify(p, JSON.stringify(call.body ?? {}), at, call.method === 'PATCH' && call.files.length > 0, call.body);
  }

  private classify(p: Pending, text: string, at: number, withFiles: boolean, body: unknown): void {
    if (text.includes('⏳')) return p.done({ outcome: 'refused', ms: at });
    if (p.kind === 'translate' && withFiles) return p.done({ outcome: 'served', ms: at });
    if (p.kind === 'quiz' && (text.includes('✅') || text.includes('❌'))) return p.done({ outcome: 'served', ms: at });
    if (p.kind === 'start' && text.includes('quiz:a:')) return p.done({ outcome: 'served', ms: at, body });
    p.done({ outcome: 'error', ms: at, detail: text.slice(0, 200) });
  }

  /** The next replica in round-robin order. */
  pick(replicas: readonly Replica[]): Replica {
    return replicas[this.turn++ % replicas.length];
  }

  /** One signed interaction from a new member; resolves when its answer reached the stand-in. */
  async send(replica: Replica, kind: Kind, quizId = ''): Promise<Result> {
    this.member += 1;
    const n = this.member;
    const user = { id: `3${String(n).padStart(18, '0')}`, username: `member${n}` };
    const [type, data] =
      kind === 'translate'
        ? [2, { id: '1', name: 'translate', type: 1, options: [{ name: 'text', type: 3, value: SENTENCES[n % SENTENCES.length] }] }]
        : kind === 'quiz'
          ? [3, { custom_id: `quiz:a:${quizId}:${n % 2}`, component_type: 2 }]
          : [2, { id: '2', name: 'quiz', type: 1, options: [{ name: 'start', type: 1, options: [{ name: 'topic', type: 3, value: 'lstm' }, { name: 'source', type: 3, value: 'bank' }, { name: 'seconds', type: 4, value: 300 }] }] }];
    let settle!: (r: Omit<Result, 'ackMs'>) => void;
    const answered = new Promise<Omit<Result, 'ackMs'>>((r) => (settle = r));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Omit<Result, 'ackMs'>>((r) => (timer = setTimeout(() => r({ outcome: 'error', ms: REQUEST_TIMEOUT_MS, detail: 'no answer within 90 s' }), REQUEST_TIMEOUT_MS)));
    let ackMs = NaN;
    let token = '';
    try {
      const sent = await this.standIn.postSignedInteraction(replica.endpoint, type, data, { user });
      token = sent.sent.token;
      ackMs = performance.now() - sent.sent.sentAt;
      if (sent.status !== 200) return { outcome: 'error', ms: ackMs, ackMs, detail: `HTTP ${sent.status} from ${replica.name}` };
      const t = sent.json?.type;
      const inline = t === 4 || t === 7;
      if (inline) {
        // Answered inline: the HTTP response is what the member sees.
        const p: Pending = { kind, sentAt: sent.sent.sentAt, done: settle };
        this.classify(p, JSON.stringify(sent.json.data ?? {}), ackMs, false, sent.json.data);
      } else {
        const p: Pending = { kind, sentAt: sent.sent.sentAt, done: settle };
        this.pending.set(token, p);
        const early = this.early.get(token);
        if (early) {
          this.early.delete(token);
          this.settle(token, p, early);
        }
      }
      const r = await Promise.race([answered, timeout]);
      if (r.outcome === 'error' && this.errors.length < 20) this.errors.push(`${kind} on ${replica.name}: ${r.detail}`);
      return { ...r, ackMs, inline };
    } catch (err) {
      const detail = `request to ${replica.name} failed: ${(err as Error).message}`;
      if (this.errors.length < 20) this.errors.push(detail);
      return { outcome: 'error', ms: NaN, ackMs, detail };
    } finally {
      clearTimeout(timer);
      if (token) {
        this.pending.delete(token);
        this.early.delete(token);
      }
    }
  }
}

async function startReplica(name: string, workers: number, standIn: DiscordStandIn, databaseUrl: string): Promise<Replica> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN], {
    env: childEnvironment({
      DISCORD_TOKEN: STANDIN_TOKEN,
      DISCORD_APP_ID: STANDIN_APP_ID,
      DISCORD_PUBLIC_KEY: standIn.publicKeyHex,
      DISCORD_API_BASE: standIn.apiBase,
      DISCORD_GUILD_ID: '',
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      WORKERS: String(workers),
      NN_WARMUP: 'on',
      LOG_LEVEL: 'warn',
    }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const base = `http://127.0.0.1:${port}`;
  const r: Replica = { name, workers, child, base, endpoint: `${base}/discord/interactions`, stderr: '' };
  child.stderr!.on('data', (d) => (r.stderr = (r.stderr + String(d)).slice(-4000)));
  return r;
}

/** Until /readyz says ready (database, models in every worker, platform), or the replica died. */
async function waitReady(r: Replica, timeoutMs = 300_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (exited(r)) throw new Error(`${r.name} exited with ${r.child.exitCode ?? r.child.signalCode}: ${r.stderr}`);
    try {
      const res = await fetch(`${r.base}/readyz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`${r.name} not ready after ${timeoutMs / 1000} s: ${r.stderr}`);
}

/** Exited by itself or by a signal (then exitCode stays null). */
const exited = (r: Replica) => r.child.exitCode !== null || r.child.signalCode !== null;

/** SIGTERM, as an orchestrator stops a replica; its exit code (or the signal that ended it). */
async function stopReplica(r: Replica): Promise<number | string | null> {
  if (exited(r)) return r.child.exitCode ?? r.child.signalCode;
  const done = new Promise<number | string | null>((res) => r.child.once('exit', (code, signal) => res(code ?? signal)));
  r.child.kill('SIGTERM');
  const timer = setTimeout(() => r.child.kill('SIGKILL'), 30_000);
  const code = await done;
  clearTimeout(timer);
  return code;
}

interface Saturation {
  /** Served/s in each round. */
  rates: number[];
  refused: number;
  errors: number;
  /** Latencies of the served requests inside the windows (ms). */
  lat: number[];
  served: number;
  inline: number;
}

/**
 * Closed loop: IN_FLIGHT requests kept going round-robin; served/s counted over one window after a
 * short ramp (the first answers of a closed loop all come back together). One round of `into`.
 */
async function saturationRound(client: Client, setup: Setup, kind: 'translate' | 'quiz', quizId: string, into: Saturation): Promise<number> {
  const t0 = performance.now();
  const from = t0 + RAMP_MS;
  const end = from + WINDOW_SECONDS * 1000;
  let served = 0;
  const lane = async () => {
    while (performance.now() < end) {
      const r = await client.send(client.pick(setup.replicas), kind, quizId);
      const at = performance.now();
      if (r.outcome === 'served') {
        if (at >= from && at < end) {
          served += 1;
          into.lat.push(r.ms);
        }
        into.served += 1;
        if (r.inline) into.inline += 1;
      } else if (r.outcome === 'refused') into.refused += 1;
      else into.errors += 1;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT[kind] }, lane));
  const rate = served / WINDOW_SECONDS;
  into.rates.push(rate);
  return rate;
}

interface Offered {
  rps: number;
  n: number;
  served: number;
  refused: number;
  errors: number;
  servedPerS: number;
  p50: number;
  p95: number;
  ackP50: number;
  /** Share of the served answers that came inline in the HTTP response. */
  inlineShare: number;
}

/** Open loop: `rps` requests a second on a fixed schedule for LOAD_SECONDS, round-robin. */
async function offered(client: Client, setup: Setup, kind: 'translate' | 'quiz', quizId: string, rps: number): Promise<Offered> {
  const n = rps * LOAD_SECONDS;
  const all: Promise<Result>[] = [];
  const t0 = performance.now();
  let lastServed = t0;
  for (let i = 0; i < n; i++) {
    const wait = t0 + (i * 1000) / rps - performance.now();
    if (wait > 0) await sleep(wait);
    all.push(
      client.send(client.pick(setup.replicas), kind, quizId).then((r) => {
        if (r.outcome === 'served') lastServed = Math.max(lastServed, performance.now());
        return r;
      }),
    );
  }
  const results = await Promise.all(all);
  const served = results.filter((r) => r.outcome === 'served');
  const s = summarize(served.map((r) => r.ms));
  return {
    rps,
    n,
    served: served.length,
    refused: results.filter((r) => r.outcome === 'refused').length,
    errors: results.filter((r) => r.outcome === 'error').length,
    // Served answers over the time it took to deliver them (the schedule plus draining the queues).
    servedPerS: served.length / ((lastServed - t0) / 1000),
    p50: s.p50,
    p95: s.p95,
    ackP50: summarize(results.map((r) => r.ackMs).filter((x) => Number.isFinite(x))).p50,
    inlineShare: served.length ? served.filter((r) => r.inline).length / served.length : 0,
  };
}

const median = (xs: readonly number[]) => summarize(xs).p50;
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');

interface SetupResult {
  setup: Setup;
  translate: { sat: Saturation; loads: Offered[] };
  quiz: { sat: Saturation; loads: Offered[] };
}

/**
 * Every phase visits the setups in turn, forwards then backwards, so that a change in what else
 * runs on the machine during the run falls on all setups alike instead of on the last one.
 */
async function measure(client: Client, standIn: DiscordStandIn, setups: readonly Setup[]): Promise<SetupResult[]> {
  const results = setups.map((setup) => ({ setup, translate: { sat: emptySat(), loads: [] as Offered[] }, quiz: { sat: emptySat(), loads: [] as Offered[] } }));
  const order = (round: number) => (round % 2 ? [...results].reverse() : results);
  const quiet = async () => {
    standIn.calls.length = 0; // the stand-in keeps every call (with its PNGs): drop them between phases
    await sleep(QUIET_MS);
  };
  // A few untimed requests per replica: first-use costs (connections, statement caches) stay out.
  const replicas = [...new Set(setups.flatMap((s) => s.replicas))];
  await Promise.all(replicas.flatMap((r) => [client.send(r, 'translate'), client.send(r, 'translate')]));
  // One quiz for all setups (they share the database), open 300 s: longer than its phases.
  await quiet();
  const started = await client.send(replicas[0], 'start');
  const quizId = /quiz:a:([A-Za-z0-9_-]{8}):/.exec(JSON.stringify(started.body ?? {}))?.[1];
  if (!quizId) throw new Error(`/quiz start did not post a question: ${started.detail ?? JSON.stringify(started.body)}`);
  await Promise.all(replicas.map((r) => client.send(r, 'quiz', quizId)));
  for (const kind of ['translate', 'quiz'] as const) {
    const name = kind === 'translate' ? '/translate' : 'quiz answers';
    for (let round = 0; round < ROUNDS; round++) {
      for (const r of order(round)) {
        await quiet();
        const rate = await saturationRound(client, r.setup, kind, quizId, r[kind].sat);
        console.log(`${r.setup.label}: ${name} saturation round ${round + 1}: ${rate.toFixed(1)} served/s; load ${load()}`);
      }
    }
    for (const [li, rps] of LOADS.entries()) {
      for (const r of order(li)) {
        await quiet();
        const o = await offered(client, r.setup, kind, quizId, rps);
        r[kind].loads.push(o);
        console.log(`${r.setup.label}: ${name} at ${rps}/s: served ${o.served}/${o.n} (${o.servedPerS.toFixed(1)}/s), refused ${o.refused}, errors ${o.errors}, p50/p95 ${ms(o.p50)}/${ms(o.p95)} ms, HTTP response p50 ${ms(o.ackP50)} ms; load ${load()}`);
      }
    }
  }
  return results;
}

/** Share of served answers that came inline, per setup. */
const pct = (sats: readonly Saturation[]) => sats.map((x) => `${Math.round((100 * x.inline) / Math.max(1, x.served))}%`).join(' / ');

const emptySat = (): Saturation => ({ rates: [], refused: 0, errors: 0, lat: [], served: 0, inline: 0 });

function satCell(s: Saturation): string {
  const lo = Math.min(...s.rates);
  const hi = Math.max(...s.rates);
  return `**${median(s.rates).toFixed(1)}** (${lo.toFixed(1)}–${hi.toFixed(1)})`;
}

function loadRows(results: readonly SetupResult[], kind: 'translate' | 'quiz'): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const r of results) {
    for (const o of r[kind].loads) {
      const saturated = o.refused > 0 || o.servedPerS < 0.9 * o.rps;
      rows.push([
        r.setup.label,
        `${o.rps}/s × ${LOAD_SECONDS} s`,
        `${o.servedPerS.toFixed(1)}${saturated ? ' (saturated)' : ''}`,
        `${o.served} / ${o.refused} / ${o.errors}`,
        o.served ? ms(o.p50) : '–',
        o.served ? ms(o.p95) : '–',
        ms(o.ackP50),
        ...(kind === 'quiz' ? [`${Math.round(o.inlineShare * 100)}%`] : []),
      ]);
    }
  }
  return rows;
}

export async function run(): Promise<void> {
  const adminUrl = loadConfig().DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const dbName = `nn_bench_${randomBytes(4).toString('hex')}`;
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const server = (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v.split(' ')[0];
  await admin.query(`CREATE DATABASE ${dbName}`);
  const loadBefore = load();
  const busy = busyProcesses();
  console.log(`load before: ${loadBefore}; other processes above 10% CPU: ${busy}`);
  const standIn = await DiscordStandIn.start();
  const client = new Client(standIn);
  const replicas: Replica[] = [];
  try {
    // All four replicas start together and share the database; only the measured ones get traffic.
    const t0 = performance.now();
    replicas.push(
      await startReplica('replica 1', 1, standIn, dbUrl.href),
      await startReplica('replica 2', 1, standIn, dbUrl.href),
      await startReplica('replica 3', 1, standIn, dbUrl.href),
      await startReplica('replica with 2 workers', 2, standIn, dbUrl.href),
    );
    await Promise.all(replicas.map((r) => waitReady(r)));
    const startupS = (performance.now() - t0) / 1000;
    console.log(`4 replicas ready in ${startupS.toFixed(1)} s; load ${load()}`);
    const [r1, r2, r3, rw2] = replicas;
    const setups: Setup[] = [
      { label: '1 replica, 1 worker', replicas: [r1] },
      { label: '2 replicas, 1 worker each', replicas: [r1, r2] },
      { label: '3 replicas, 1 worker each', replicas: [r1, r2, r3] },
      { label: '1 replica, 2 workers', replicas: [rw2] },
    ];
    // The 1-minute load average every 5 s: what else the 2 cores were doing, stated with the rows.
    const loads1: number[] = [];
    const sampler = setInterval(() => loads1.push(os.loadavg()[0]), 5000);
    let results: SetupResult[];
    try {
      results = await measure(client, standIn, setups);
    } finally {
      clearInterval(sampler);
    }
    const loadAfter = load();
    const ld = summarize(loads1);
    const codes = await Promise.all(replicas.map(stopReplica));
    if (client.errors.length) console.log(`errors (first ${client.errors.length}):\n  ${client.errors.join('\n  ')}`);
    writeSection(
      'replicas-http',
      `## Replicas over HTTP: /translate and quiz answers with 1, 2, 3 replicas and 1 vs 2 workers

Each replica is \`node bin/nn-tutor.mjs\` as a child process in Discord HTTP-interactions mode
(\`DISCORD_PUBLIC_KEY\`), talking to the loopback Discord stand-in, all four on one PostgreSQL ${server}
database created for the run (127.0.0.1, pg-boss included), \`NN_WARMUP=on\`, ready per \`/readyz\`
(${startupS.toFixed(0)} s for the four starting together). A client in the bench process signs
interactions with Ed25519 as Discord does and sends them round-robin to the replicas of a setup;
every request is from a new member, so per-user cooldowns never refuse. Four setups in one run:
1, 2 and 3 replicas with \`WORKERS=1\` each, and 1 replica with \`WORKERS=2\` (idle replicas stay up);
every phase visits the setups in turn, forwards then backwards, so background load falls on all alike.

- **/translate** (transformer, beam 4, attention chart as PNG): deferred after a 50 ms grace (in
  which a refusal is answered in the response itself, privately); latency is from
  signing the request until the edited answer with the PNG reaches the stand-in.
- **Quiz answers** (a button click on a 300 s bank question, one per member): the private ✅/❌
  comes inline in the HTTP response once saved; only a click that waits past the 1.5 s timer is
  deferred (type 6) and answered over REST ("inline": the share answered in the response; at
  saturation, setup by setup: ${pct(results.map((r) => r.quiz.sat))}). Latency is until the member sees the answer.
- **Saturation**: a closed loop keeping ${IN_FLIGHT.translate} translations / ${IN_FLIGHT.quiz} answers in flight over the setup's replicas (below
  one replica's queue limit), served/s over ${WINDOW_SECONDS} s after a ${RAMP_MS} ms ramp; ${ROUNDS} rounds, **median** (min–max).
- **Offered loads**: requests started on a fixed schedule for ${LOAD_SECONDS} s (open loop); "served/s" is answers
  delivered over the time to deliver them; beyond capacity a replica's queue (20 waiting) answers
  "busy" at once ("refused"). p50/p95 are of served requests, in ms.

Reading the rows: the 2 cores are shared by the replicas, PostgreSQL, the bench process (client and
stand-in) and whatever else runs (at the start, ps %CPU above 10: ${busy || 'none'});
1-minute load average during the run ${ld.min.toFixed(1)}–${ld.max.toFixed(1)} (median ${ld.p50.toFixed(1)}; 1/5/15 min before: ${loadBefore}, after: ${loadAfter}).
So a second replica or worker adds only what the contended second core gives. Answers that go
out over REST (deferred ones, and follow-ups) are limited to 50 requests/s per process by
discord.js's REST client (\`globalRequestsPerSecond\`, Discord's global bot limit, which Discord's
rate-limit page says interaction endpoints are not bound by); quiz answers and refusals come in
the HTTP response itself, so they are not.
Replicas exited with ${codes.join(', ')} on SIGTERM. \`npm run bench -- replicas-http\`.

| setup | /translate served/s at saturation | /translate p50 ms | quiz answers/s at saturation | quiz answer p50 ms |
| --- | --- | --- | --- | --- |
${results.map((r) => `| ${r.setup.label} | ${satCell(r.translate.sat)} | ${ms(median(r.translate.sat.lat))} | ${satCell(r.quiz.sat)} | ${ms(median(r.quiz.sat.lat))} |`).join('\n')}

/translate at fixed offered loads:

${table(['setup', 'offered', 'served/s', 'served / refused / errors', 'p50 ms', 'p95 ms', 'HTTP resp. p50 ms'], loadRows(results, 'translate'))}

Quiz answers at fixed offered loads:

${table(['setup', 'offered', 'served/s', 'served / refused / errors', 'p50 ms', 'p95 ms', 'HTTP resp. p50 ms', 'inline'], loadRows(results, 'quiz'))}`,
    );
  } finally {
    await Promise.all(replicas.map((r) => stopReplica(r).catch(() => undefined)));
    await standIn.close().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((err: unknown) => console.error(`could not drop ${dbName}: ${String(err)}`));
    await admin.end();
  }
}

/** Other processes using more than 10% CPU now, with their nice value, for the record. */
function busyProcesses(): string {
  try {
    return execFileSync('ps', ['-eo', 'pid=,ni=,pcpu=,comm=', '--sort=-pcpu'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter(([pid, , cpu, comm]) => Number(cpu) > 10 && Number(pid) !== process.pid && comm !== 'ps')
      .map(([, ni, cpu, comm]) => `${comm} (nice ${ni}) ${Math.round(Number(cpu))}%`)
      .join(', ');
  } catch {
    return 'unknown (no ps)';
  }
}
