// /quiz storage and flow: posting a quiz, recording one answer (latency), and answers per second
// sustained, each with the store at synchronous=FULL (the default: fsync per commit) and NORMAL
// side by side, on a real database file. `npm run bench -- quiz`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Outbox } from '../src/core/command.ts';
import { dispatchLine } from '../src/core/dispatch.ts';
import { Registry } from '../src/core/registry.ts';
import { commands } from '../commands/index.ts';
import { setQuizService } from '../src/quiz/index.ts';
import { seededRng } from '../src/quiz/random.ts';
import { systemClock } from '../src/quiz/clock.ts';
import { QuizService } from '../src/quiz/service.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
import { measure, ms, summarize, table, writeSection } from './lib.ts';

const quietOutbox: Outbox = { post: async (channelId) => ({ platform: 'bench', channelId, messageId: 'x' }) };
const where = { platform: 'bench' as const, channelId: 'bench', serverId: 'server' };

async function quizId(service: QuizService): Promise<string> {
  const r = await service.start(where, { topic: 'lstm', source: 'bank', seconds: 300 }, 'bench');
  if ('problem' in r) throw new Error(r.problem);
  return r.quiz.id;
}

async function bench(sync: 'FULL' | 'NORMAL'): Promise<(string | number)[][]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-tutor-quiz-bench-'));
  const store = new SqliteStore(path.join(dir, 'bench.db'), { synchronous: sync });
  const service = new QuizService(store, systemClock, { rng: seededRng(1), generators: [] });
  const rows: (string | number)[][] = [];
  try {
    // Posting: pick an unseen question, insert it, post through the outbox, remember the message.
    const post = await measure(() => service.post(where, { topic: 'rnn', source: 'bank', seconds: 300 }, 'bench', quietOutbox), { runs: 200, warmup: 5 });
    rows.push([sync, 'post a quiz (service.post)', ms(post.p50), ms(post.p95), ms(post.p99), post.runs, '']);

    setQuizService(service);
    const registry = new Registry(commands);
    const ctx = { ...where, userId: 'u', userName: 'u', outbox: quietOutbox };
    await service.attach('bench', quietOutbox);
    const cmd = await measure(() => dispatchLine(registry, '/quiz topic:lstm seconds:300', ctx), { runs: 200, warmup: 5 });
    rows.push([sync, '`/quiz topic:lstm` through the dispatcher', ms(cmd.p50), ms(cmd.p95), ms(cmd.p99), cmd.runs, '']);

    // One answer: parse the id, check the quiz, insert, update two score tables, commit, reply.
    let id = await quizId(service);
    let n = 0;
    const answer = await measure(
      async () => {
        const r = await service.answer({ ...where, userId: `m${n}`, userName: `m${n}`, payload: `a:${id}:${n % 3}` });
        if (!/Right|Not this time/.test(r.text)) throw new Error(r.text);
        n++;
      },
      { runs: 2000, warmup: 20 },
    );
    rows.push([sync, 'record one answer (click → committed → reply)', ms(answer.p50), ms(answer.p95), ms(answer.p99), answer.runs, '']);

    // Sustained: answers back to back for 3 s, a fresh quiz every 500 members.
    id = await quizId(service);
    const samples: number[] = [];
    let count = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 3000) {
      if (count % 500 === 0) id = await quizId(service);
      const s = performance.now();
      await service.answer({ ...where, userId: `s${count}`, userName: 's', payload: `a:${id}:${count % 3}` });
      samples.push(performance.now() - s);
      count++;
    }
    const rate = Math.round(count / ((performance.now() - t0) / 1000));
    const st = summarize(samples);
    rows.push([sync, 'answers sustained for 3 s', ms(st.p50), ms(st.p95), ms(st.p99), st.runs, `${rate}/s`]);
  } finally {
    setQuizService(undefined);
    service.stop();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export async function run(): Promise<void> {
  const rows = [...(await bench('FULL')), ...(await bench('NORMAL'))];
  for (const r of rows) console.log(r.join('  '));
  writeSection(
    'quiz',
    `## /quiz: posting, answering, sustained answers (SQLite file, WAL)\n\n` +
      `In-process, one real database file in the temp dir; FULL (the default: fsync on every commit, an ` +
      `acknowledged answer survives power loss) and NORMAL (survives kill -9, may lose the last commits on power ` +
      `loss) side by side. The machine's 2 cores are shared with other jobs, so treat the tails as noisy. ` +
      `\`npm run bench -- quiz\`.\n\n` +
      table(['synchronous', 'operation', 'p50 ms', 'p95 ms', 'p99 ms', 'runs', 'rate'], rows),
  );
}
