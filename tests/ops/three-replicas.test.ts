// Three replicas of `npm start` as child processes on one PostgreSQL (a database made for this run),
// each serving Discord HTTP interactions and Slack over HTTP on its own port, behind a client that
// acts as the load balancer: signed requests go round-robin, and a request that got no HTTP answer
// (the replica is down) is sent again, unchanged, to the next one. 300 members answer 5 quizzes
// (3 started with /quiz start on Discord, 2 on Slack; 1,500 answers, all by button clicks) while
// one replica is SIGKILLed mid-quiz and restarted; a daily schedule's slot falls during the run.
// A member who got no confirmation clicks again, as people do; "acknowledged" is the confirmation
// the member saw (✅/❌, or "you already answered" for an answer saved before its replica died).
// Checked: every acknowledged answer is one row (and no row is unacknowledged), each quiz is
// revealed once, the slot posted once, Slack retries sent to another replica are not handled
// again, and the score tables equal a recomputation from the answer rows.
import { freePort } from '../standins/http.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeKey } from '../../src/store/scope.ts';
import { DiscordStandIn, STANDIN_GUILD_ID, STANDIN_TOKEN, type DiscordCall, type PreparedInteraction } from '../standins/discord.ts';
import { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_TEAM_ID, SlackStandIn, type SentSlackRequest, type SlackCall } from '../standins/slack.ts';
import { postgresSkipReason, TEST_POSTGRES_URL } from '../store/engines.ts';

const pgSkip = await postgresSkipReason();

const BIN = path.resolve(import.meta.dirname, '../../bin/nn-tutor.mjs');
const MEMBERS = 300;
/** How long each started quiz stays open: all 1,500 answers took 25–30 s on two busy cores alone; room for a full `npm test` beside it. */
const QUIZ_SECONDS = 90;
/** Members answering at the same time (each answers its 5 quizzes one after another). */
const CONCURRENCY = 12;
/** The replica that is killed, once this many answers have been acknowledged. */
const VICTIM = 1;
const KILL_AFTER = 600;
const DISCORD_CHANNELS = ['1200000000000000001', '1200000000000000002', '1200000000000000003'];
const SLACK_CHANNELS = ['C0QUIZA', 'C0QUIZB'];
const SCHEDULE_CHANNEL = 'C0SCHED';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function databaseUrl(name: string): string {
  const u = new URL(TEST_POSTGRES_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: databaseUrl('postgres') });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

class Replica {
  child!: ChildProcess;
  stderr = '';
  starts = 0;
  constructor(
    readonly port: number,
    private readonly env: Record<string, string | undefined>,
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get discordUrl(): string {
    return `${this.base}/discord/interactions`;
  }
  get slackUrl(): string {
    return `${this.base}/slack/events`;
  }
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    this.starts += 1;
    this.child = spawn(process.execPath, [BIN], { env: { ...this.env, PORT: String(this.port) }, stdio: ['ignore', 'ignore', 'pipe'] });
    this.child.stderr!.on('data', (d) => (this.stderr = (this.stderr + String(d)).slice(-20_000)));
  }

  async ready(timeoutMs = 120_000): Promise<void> {
    await waitFor(
      async () => {
        if (!this.alive) throw new Error(`replica on port ${this.port} exited (${this.child.exitCode ?? this.child.signalCode}):\n${this.stderr}`);
        try {
          const r = await fetch(`${this.base}/readyz`);
          return r.status === 200 ? true : undefined;
        } catch {
          return undefined;
        }
      },
      timeoutMs,
      `replica on port ${this.port} to be ready`,
    );
  }

  kill(signal: NodeJS.Signals): Promise<void> {
    const gone = new Promise<void>((r) => (this.alive ? this.child.once('exit', () => r()) : r()));
    this.child.kill(signal);
    return gone;
  }
}

type Verdict = { kind: 'recorded'; correct: boolean } | { kind: 'already'; letter: string } | { kind: 'refused' | 'unconfirmed' | 'closed' | 'other'; text: string };

function classify(text: string | undefined): Verdict {
  if (text === undefined) return { kind: 'unconfirmed', text: '' };
  if (text.includes('✅')) return { kind: 'recorded', correct: true };
  if (text.includes('❌')) return { kind: 'recorded', correct: false };
  const already = /already answered this quiz \(you chose ([A-Z])\)/.exec(text);
  if (already) return { kind: 'already', letter: already[1] };
  if (/Easy there|still running|busy/.test(text)) return { kind: 'refused', text };
  if (/quiz is closed/.test(text)) return { kind: 'closed', text };
  return { kind: 'other', text: text.slice(0, 300) };
}

interface Quiz {
  platform: 'discord' | 'slack';
  channel: string;
  id: string;
  buttons: string[];
}

const isReveal = (body: unknown) => JSON.stringify(body ?? '').includes('Answer ·');
const isQuestion = (body: unknown) => JSON.stringify(body ?? '').includes('Quiz ·');

describe.skipIf(pgSkip !== undefined)(`three replicas on one PostgreSQL, one killed mid-quiz${pgSkip ? ` — SKIPPED: ${pgSkip}` : ''}`, () => {
  const dbName = `nn_three_${process.pid}_${randomBytes(3).toString('hex')}`;
  let discord: DiscordStandIn;
  let slack: SlackStandIn;
  let db: pg.Client;
  const replicas: Replica[] = [];
  let rr = 0;
  const stats = { connectionFailures: 0, unconfirmed: 0, refused: 0, clicksAgain: 0, alreadyAnswered: 0, slackRetries: 0 };

  beforeAll(async () => {
    await admin((c) => c.query(`CREATE DATABASE ${dbName}`));
    db = new pg.Client({ connectionString: databaseUrl(dbName) });
    await db.connect();
    [discord, slack] = await Promise.all([DiscordStandIn.start(), SlackStandIn.start()]);
    const { LOG_LEVEL: _l, ...inherited } = process.env;
    const env = {
      ...inherited,
      DISCORD_TOKEN: STANDIN_TOKEN,
      DISCORD_PUBLIC_KEY: discord.publicKeyHex,
      DISCORD_API_BASE: discord.apiBase,
      SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET,
      SLACK_APP_TOKEN: '',
      SLACK_API_BASE: slack.apiUrl,
      WORKERS: '1',
      NN_WARMUP: 'off',
      LOG_LEVEL: 'error',
      DATABASE_URL: databaseUrl(dbName),
      DATABASE_PATH: path.join(mkdtempSync(path.join(tmpdir(), 'nn-three-')), 'unused.db'),
    };
    for (let i = 0; i < 3; i++) replicas.push(new Replica(await freePort(), env));
    // One first, so that the schema is migrated once; the other two then start side by side.
    replicas[0].start();
    await replicas[0].ready();
    replicas[1].start();
    replicas[2].start();
    await Promise.all(replicas.slice(1).map((r) => r.ready()));
  }, 240_000);

  afterAll(async () => {
    await Promise.all(replicas.map((r) => (r.child && r.alive ? r.kill('SIGKILL') : undefined)));
    await db?.end().catch(() => undefined);
    await Promise.all([discord?.close(), slack?.close()]);
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)).catch(() => undefined);
  }, 30_000);

  /** The load balancer: round-robin; a request that got no HTTP answer goes, unchanged, to the next replica. */
  async function balanced<T>(send: (r: Replica) => Promise<T>, avoid?: Replica): Promise<{ value: T; replica: Replica }> {
    for (let attempt = 0; attempt < 60; attempt++) {
      const r = replicas[rr++ % replicas.length];
      if (r === avoid) continue;
      try {
        return { value: await send(r), replica: r };
      } catch {
        stats.connectionFailures += 1;
        if (attempt >= 3) await sleep(100);
      }
    }
    throw new Error('no replica answered');
  }

  // ---- Discord ----

  const webhookCalls = (p: PreparedInteraction): DiscordCall[] => discord.responsesTo(p.sent).filter((c) => c.path.startsWith('/webhooks/'));

  /** Sends one interaction through the balancer; the member's answer: inline, or the follow-up/edit after a deferral. */
  async function discordInteraction(p: PreparedInteraction, waitMs: number): Promise<unknown | undefined> {
    const { value: res } = await balanced(async (r) => {
      const out = await discord.postPrepared(r.discordUrl, p);
      if (out.status !== 200) throw new Error(`HTTP ${out.status}`);
      return out;
    });
    if (res.json?.type === 4 || res.json?.type === 7) return res.json.data;
    try {
      return (await waitFor(() => webhookCalls(p).find((c) => c.method === 'POST' || c.method === 'PATCH'), waitMs, 'discord follow-up')).body;
    } catch {
      return undefined; // acknowledged by "thinking…" only: its replica died before answering
    }
  }

  async function startDiscordQuiz(channel: string, starter: string): Promise<Quiz> {
    const p = discord.prepareInteraction(
      2,
      { id: '1', name: 'quiz', type: 1, options: [{ name: 'start', type: 1, options: [{ name: 'seconds', type: 4, value: QUIZ_SECONDS }, { name: 'source', type: 3, value: 'bank' }] }] },
      { user: { id: starter, username: starter }, channelId: channel },
    );
    const body = (await discordInteraction(p, 30_000)) as any;
    const buttons: string[] = (body?.components ?? []).flatMap((row: any) => row.components.map((c: any) => c.custom_id)).filter((id: string) => id?.startsWith('quiz:a:'));
    if (!buttons.length) throw new Error(`no quiz posted: ${JSON.stringify(body)?.slice(0, 300)}`);
    return { platform: 'discord', channel, id: buttons[0].split(':')[2], buttons };
  }

  async function answerDiscord(member: number, q: Quiz, choice: number): Promise<Verdict> {
    const id = `31${String(member).padStart(16, '0')}`;
    const p = discord.prepareInteraction(3, { custom_id: q.buttons[choice], component_type: 2 }, { user: { id, username: `member${member}` }, channelId: q.channel });
    const body = await discordInteraction(p, 15_000);
    return classify(body === undefined ? undefined : JSON.stringify(body));
  }

  // ---- Slack ----

  const slackSent: SentSlackRequest[] = [];
  const slackRetried: SentSlackRequest[] = [];

  /** Posts a signed form through the balancer; resolves with the replica that acked it. */
  async function slackPost(form: Record<string, string>, sent: SentSlackRequest): Promise<Replica> {
    slackSent.push(sent);
    const { replica } = await balanced(async (r) => {
      await slack.postSigned(r.slackUrl, form, sent);
      if (sent.status !== 200) throw new Error(`HTTP ${sent.status}`);
    });
    return replica;
  }

  /**
   * Slack sends the same request again with X-Slack-Retry-Num, here to another replica: it must not
   * be handled again. (A request whose replica died after acking it may get no answer at all.)
   */
  async function slackRetry(form: Record<string, string>, sent: SentSlackRequest, acked: Replica): Promise<void> {
    const copy = { ...sent };
    slackSent.push(copy);
    stats.slackRetries += 1;
    await balanced(async (r) => {
      await slack.postSigned(r.slackUrl, form, copy, { retryNum: 1 });
      if (copy.status !== 200) throw new Error(`HTTP ${copy.status}`);
    }, acked);
  }

  async function slackAnswer(sent: SentSlackRequest, waitMs: number): Promise<SlackCall | undefined> {
    try {
      return await waitFor(() => slack.responsesTo(sent)[0], waitMs, 'slack response');
    } catch {
      return undefined;
    }
  }

  async function startSlackQuiz(channel: string, starter: string): Promise<Quiz> {
    const { payload, sent } = slack.commandPayload('/quiz', `start seconds:${QUIZ_SECONDS} source:bank`, starter, channel);
    const acked = await slackPost(payload, sent);
    await slackRetry(payload, sent, acked);
    const res = await slackAnswer(sent, 30_000);
    slackRetried.push(sent);
    const buttons: string[] = (res?.body?.blocks ?? []).flatMap((b: any) => (b.type === 'actions' ? b.elements.map((e: any) => e.value) : [])).filter((v: string) => v?.startsWith('quiz:a:'));
    if (!buttons.length) throw new Error(`no quiz posted: ${JSON.stringify(res?.body)?.slice(0, 300)}`);
    return { platform: 'slack', channel, id: buttons[0].split(':')[2], buttons };
  }

  let slackAnswers = 0;
  async function answerSlack(member: number, q: Quiz, choice: number): Promise<Verdict> {
    const { payload, sent } = slack.actionPayload(`nn:${choice}:${q.buttons[choice]}`, q.buttons[choice], `U${String(member).padStart(5, '0')}`, q.channel);
    const form = { payload: JSON.stringify(payload) };
    const acked = await slackPost(form, sent);
    const res = await slackAnswer(sent, 15_000);
    // Every 5th click is also delivered again as a Slack retry, to another replica.
    if (++slackAnswers % 5 === 0) {
      await slackRetry(form, sent, acked);
      if (res) slackRetried.push(sent); // answered once already: the retry must add nothing
    }
    return classify(res && JSON.stringify(res.body));
  }

  it('counts every acknowledged answer once, reveals every quiz once, posts the slot once, drops Slack retries, keeps scores right', { timeout: 300_000 }, async () => {
    const t0 = Date.now();
    // A daily quiz whose slot comes during the run: the next whole minute at least 20 s away.
    const slot = Math.ceil((Date.now() + 20_000) / 60_000) * 60_000;
    const hhmm = new Date(slot).toISOString().slice(11, 16);
    const { payload: schedForm, sent: schedSent } = slack.commandPayload('/quiz', `schedule action:daily time:${hhmm} timezone:UTC topic:rnn seconds:10`, 'U0SCHEDULER', SCHEDULE_CHANNEL);
    await slackPost(schedForm, schedSent);
    const scheduledReply = JSON.stringify((await slackAnswer(schedSent, 20_000))?.body);
    expect(scheduledReply).toMatch(new RegExp(`Scheduled\\. Every day at \\*+${hhmm}`));
    // The slot has not passed while the command was answered (else the first quiz would be tomorrow's).
    expect(scheduledReply).toContain(`Next one: ${new Date(slot).toISOString().slice(0, 16).replace('T', ' ')} UTC`);

    const firstOpened = Date.now();
    const quizzes: Quiz[] = [];
    for (const [i, ch] of DISCORD_CHANNELS.entries()) quizzes.push(await startDiscordQuiz(ch, `4100000000000000${i}`));
    for (const [i, ch] of SLACK_CHANNELS.entries()) quizzes.push(await startSlackQuiz(ch, `U0STARTER${i}`));
    const startedAt = Date.now();

    // Each member answers the 5 quizzes one after another; CONCURRENCY members at a time.
    const choiceOf = (m: number, k: number) => (m + k) % quizzes[k].buttons.length;
    const shown = new Map<string, Verdict>(); // "quizId member" → the confirmation the member saw
    const failures: string[] = [];
    let acknowledged = 0;
    let killed: Promise<void> | undefined;
    let next = 0;
    const member = async (m: number) => {
      for (const [k, q] of quizzes.entries()) {
        const choice = choiceOf(m, k);
        for (let click = 0; ; click++) {
          if (click > 0) stats.clicksAgain += 1;
          if (click >= 20) {
            failures.push(`member ${m} quiz ${k}: no confirmation after 20 clicks`);
            break;
          }
          const v = q.platform === 'discord' ? await answerDiscord(m, q, choice) : await answerSlack(m, q, choice);
          if (v.kind === 'recorded' || v.kind === 'already') {
            if (v.kind === 'already') {
              stats.alreadyAnswered += 1;
              if (v.letter !== String.fromCharCode(65 + choice)) failures.push(`member ${m} quiz ${k}: already answered ${v.letter}, chose ${choice}`);
            }
            // The first confirmation stands; an "already answered" after an unconfirmed click confirms the saved one.
            if (!shown.has(`${q.id} ${m}`)) shown.set(`${q.id} ${m}`, v);
            acknowledged += 1;
            break;
          }
          if (v.kind === 'unconfirmed') stats.unconfirmed += 1;
          else if (v.kind === 'refused') stats.refused += 1;
          else {
            failures.push(`member ${m} quiz ${k}: ${v.kind}: ${'text' in v ? v.text : ''}`);
            break;
          }
          await sleep(200);
        }
        if (!killed && acknowledged >= KILL_AFTER) {
          // Mid-quiz: SIGKILL, then start it again at once on the same port (its clients now fail at connect).
          killed = replicas[VICTIM].kill('SIGKILL').then(() => replicas[VICTIM].start());
        }
      }
    };
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < MEMBERS) await member(next++);
      }),
    );
    const answeredIn = Date.now() - startedAt;
    expect(failures).toEqual([]);
    expect(Date.now()).toBeLessThan(firstOpened + QUIZ_SECONDS * 1000); // all answered while the quizzes were open
    expect(killed).toBeDefined();
    await killed;
    await replicas[VICTIM].ready();
    expect(replicas[VICTIM].starts).toBe(2);
    expect(shown.size).toBe(MEMBERS * quizzes.length);

    // Every acknowledged answer is exactly one row, with the member's choice; no row was never acknowledged.
    const rows = (await db.query<{ quiz_id: string; user_id: string; choice: number; correct: number }>('SELECT quiz_id, user_id, choice, correct FROM answers')).rows;
    expect(rows).toHaveLength(MEMBERS * quizzes.length);
    const byKey = new Map<string, (typeof rows)[number]>();
    for (const r of rows) {
      const k = quizzes.findIndex((q) => q.id === r.quiz_id);
      const m = Number(r.user_id.replace(/^(U|31)0*/, '') || '0');
      const key = `${r.quiz_id} ${m}`;
      expect(byKey.has(key)).toBe(false);
      byKey.set(key, r);
      expect(Number(r.choice)).toBe(choiceOf(m, k));
      const seen = shown.get(key);
      expect(seen).toBeDefined();
      if (seen?.kind === 'recorded') expect(seen.correct).toBe(Number(r.correct) === 1);
    }

    // Every quiz (and the scheduled one) revealed exactly once.
    const scheduled = () => slack.calls.filter((c) => c.method === 'chat.postMessage' && c.body?.channel === SCHEDULE_CHANNEL && isQuestion(c.body));
    const reveals = () => ({
      discord: DISCORD_CHANNELS.map((ch) => discord.calls.filter((c) => !c.status && !c.deduplicated && (c.path === `/channels/${ch}/messages` || c.path.startsWith(`/channels/${ch}/messages/`)) && isReveal(c.body))),
      slack: [...SLACK_CHANNELS, SCHEDULE_CHANNEL].map((ch) => slack.calls.filter((c) => !c.error && ['chat.postMessage', 'chat.update'].includes(c.method) && c.body?.channel === ch && isReveal(c.body))),
    });
    const all = () => [...reveals().discord, ...reveals().slack];
    await waitFor(() => (all().every((r) => r.length >= 1) ? true : undefined), Math.max(0, slot + 45_000 - Date.now(), startedAt + QUIZ_SECONDS * 1000 + 45_000 - Date.now()), 'every reveal');
    await sleep(3000); // room for a wrong second reveal or post
    expect(all().map((r) => r.length)).toEqual([1, 1, 1, 1, 1, 1]);
    for (const r of all().slice(0, 5)) expect(JSON.stringify(r[0].body)).toContain(`of ${MEMBERS} answered right`);
    expect(scheduled()).toHaveLength(1);
    const schedule = (await db.query<{ last_slot: number }>(`SELECT last_slot FROM schedules WHERE platform = 'slack' AND channel_id = $1`, [SCHEDULE_CHANNEL])).rows[0];
    expect(Number(schedule.last_slot)).toBe(slot);
    const quizRows = (await db.query<{ status: string; revealed_at: string | null }>('SELECT status, revealed_at FROM quizzes')).rows;
    expect(quizRows).toHaveLength(6);
    expect(quizRows.every((q) => q.status === 'closed' && q.revealed_at !== null)).toBe(true);

    // Slack: no request answered twice, however often it was delivered; retries of answered ones added nothing.
    for (const sent of slackSent) expect(slack.responsesTo(sent).length).toBeLessThanOrEqual(1);
    for (const sent of slackRetried) expect(slack.responsesTo(sent)).toHaveLength(1);
    expect(slackRetried.length).toBeGreaterThan(100);
    // Discord: at most one answer per interaction.
    expect(discord.rejections.map((r) => `${r.status} ${r.call.method} ${r.call.path}`)).toEqual([]);

    // The score tables equal a recomputation from the answer rows (points, answers, correct, streaks).
    const ordered = await db.query<{ user_id: string; correct: number; points: number; platform: string; channel_id: string; server_id: string | null }>(
      'SELECT a.user_id, a.correct, q.points, q.platform, q.channel_id, q.server_id FROM answers a JOIN quizzes q ON q.id = a.quiz_id ORDER BY a.seq',
    );
    const expected = new Map<string, { points: number; answers: number; correct: number; streak: number; best_streak: number }>();
    for (const a of ordered.rows) {
      const platform = a.platform as 'discord' | 'slack';
      const scopes = [scopeKey({ kind: 'channel', platform, channelId: a.channel_id })];
      if (a.server_id) scopes.push(scopeKey({ kind: 'server', platform, serverId: a.server_id }));
      for (const scope of scopes) {
        const key = `${scope} ${a.user_id}`;
        const s = expected.get(key) ?? { points: 0, answers: 0, correct: 0, streak: 0, best_streak: 0 };
        s.answers += 1;
        const correct = Number(a.correct) === 1;
        s.correct += correct ? 1 : 0;
        s.points += correct ? Number(a.points) : 0;
        s.streak = correct ? s.streak + 1 : 0;
        s.best_streak = Math.max(s.best_streak, s.streak);
        expected.set(key, s);
      }
    }
    const scores = (await db.query('SELECT scope, user_id, points, answers, correct, streak, best_streak FROM scores')).rows;
    const actual = new Map(scores.map((s) => [`${s.scope} ${s.user_id}`, { points: Number(s.points), answers: Number(s.answers), correct: Number(s.correct), streak: Number(s.streak), best_streak: Number(s.best_streak) }]));
    expect(actual).toEqual(expected);
    // 300 members × (3 Discord channels + the guild + 2 Slack channels + the workspace).
    expect(actual.size).toBe(MEMBERS * 7);
    expect([...expected.keys()].filter((k) => k.startsWith(`server:discord:${STANDIN_GUILD_ID} `))).toHaveLength(MEMBERS);
    expect([...expected.keys()].filter((k) => k.startsWith(`server:slack:${SLACK_TEAM_ID} `))).toHaveLength(MEMBERS);

    console.info(
      `[three replicas] ${rows.length} answers acknowledged in ${(answeredIn / 1000).toFixed(1)} s; whole run ${((Date.now() - t0) / 1000).toFixed(1)} s; ` +
        `connection failures retried ${stats.connectionFailures}, clicks without confirmation ${stats.unconfirmed}, refusals ${stats.refused}, ` +
        `"already answered" confirmations ${stats.alreadyAnswered}, Slack retries sent to another replica ${stats.slackRetries}`,
    );
  });
});
