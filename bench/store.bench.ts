// Quiz answers per second on the two store engines, side by side in one run: SQLite (file, WAL,
// synchronous FULL and NORMAL) and PostgreSQL (DATABASE_URL, or the local test server), each one
// answer at a time (latency) and with 16 answers in flight (what replicas sharing one database
// offer). Each answer is the full recordAnswer transaction: quiz check, insert, two score rows.
// `npm run bench -- store`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { PostgresStore, redactUrl } from '../src/store/postgres.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
import type { QuestionSnapshot, QuizStore } from '../src/store/types.ts';
import { ms, summarize, table, writeSection } from './lib.ts';

const question: QuestionSnapshot = { id: 'lstm-03', topic: 'lstm', difficulty: 'medium', prompt: 'p?', choices: ['a', 'b', 'c'], answer: 1, explanation: 'e' };
const SECONDS = 3;

async function answers(store: QuizStore, inFlight: number): Promise<{ rate: number; samples: number[] }> {
  const samples: number[] = [];
  let quiz = '';
  let n = 0;
  const newQuiz = async () => {
    const id = `b${randomBytes(6).toString('hex')}`;
    await store.createQuiz({ id, platform: 'bench', channelId: 'c', serverId: 's', question, openedAt: 0, closesAt: 8.64e15 });
    quiz = id; // only once it exists: other workers keep answering the previous one meanwhile
  };
  await newQuiz();
  const t0 = performance.now();
  const end = t0 + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const i = n++;
      if (i > 0 && i % 500 === 0) await newQuiz();
      const s = performance.now();
      const r = await store.recordAnswer({ quizId: quiz, userId: `u${i}`, userName: 'u', choice: i % 3, at: 1 });
      if (r.status !== 'recorded') throw new Error(`answer ${i}: ${r.status}`);
      samples.push(performance.now() - s);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { rate: Math.round(samples.length / ((performance.now() - t0) / 1000)), samples };
}

async function engineRows(name: string, open: () => Promise<QuizStore>): Promise<(string | number)[][]> {
  const rows: (string | number)[][] = [];
  for (const inFlight of [1, 16]) {
    const store = await open();
    try {
      await answers(store, inFlight); // warm-up run (connections, statement caches)
      const { rate, samples } = await answers(store, inFlight);
      const st = summarize(samples);
      rows.push([name, inFlight, `${rate}/s`, ms(st.p50), ms(st.p95), ms(st.p99), st.runs]);
    } finally {
      await store.close();
    }
  }
  return rows;
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-tutor-store-bench-'));
  const url = loadConfig().DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `nn_bench_${randomBytes(4).toString('hex')}`;
  const rows: (string | number)[][] = [];
  try {
    let file = 0;
    for (const sync of ['FULL', 'NORMAL'] as const) {
      rows.push(...(await engineRows(`SQLite, synchronous=${sync}`, async () => new SqliteStore(path.join(dir, `b${++file}.db`), { synchronous: sync }))));
    }
    let n = 0;
    rows.push(
      ...(await engineRows('PostgreSQL (pool of 16)', async () => {
        const s = new PostgresStore({ connectionString: url, schema: `${schema}_${++n}`, max: 16 });
        await s.ready;
        return s;
      })),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (let i = 1; i <= 2; i++) await client.query(`DROP SCHEMA IF EXISTS ${schema}_${i} CASCADE`);
    await client.end();
  }
  for (const r of rows) console.log(r.join('  '));
  const server = await pgVersion(url);
  writeSection(
    'store',
    `## Store engines: quiz answers per second, SQLite vs PostgreSQL\n\n` +
      `Each answer is one recordAnswer transaction (check the quiz, insert the answer, update the channel and server ` +
      `score rows, commit), for ${SECONDS} s after a warm-up run, one answer at a time and with 16 in flight. SQLite is a ` +
      `file in the temp dir (WAL); PostgreSQL is ${server} on 127.0.0.1 (${redactUrl(url).replace(/\/\/[^@]*@/, '//')}), ` +
      `default settings (fsync on, synchronous_commit on), through a pool of 16 connections. better-sqlite3 runs on the ` +
      `event-loop thread, so 16 in flight is the same as 1 there; PostgreSQL overlaps round-trips and commits. The ` +
      `2 cores are shared by the bench, the server and other jobs. \`npm run bench -- store\`.\n\n` +
      table(['engine', 'in flight', 'answers/s', 'p50 ms', 'p95 ms', 'p99 ms', 'answers'], rows),
  );
}

async function pgVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return `PostgreSQL ${rows[0]!.v.split(' ')[0]}`;
  } catch {
    return 'PostgreSQL';
  } finally {
    await client.end().catch(() => undefined);
  }
}
