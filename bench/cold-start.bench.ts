// The first model command in a fresh platform process: `npm start` on Discord (against the loopback
// stand-in), then `/translate text:<30 words> compare:true` from one member and the same from a
// second member. With NN_WARMUP=off the first member pays for loading the engine and the three
// models; with warm-up (the default on platforms) start-up pays instead.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { childEnvironment } from '../src/config.ts';
import { DiscordStandIn, STANDIN_TOKEN, type DiscordCall } from '../tests/standins/discord.ts';
import { ms, table, writeSection } from './lib.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/nn-tutor.mjs');
const SENTENCE = 'my mother works in the hospital and my father works at the school near the park and they come home late every day because they like their work very';
const TRIALS = 2;

function finalMessage(calls: readonly DiscordCall[]): boolean {
  return calls.some((c) => c.method === 'PATCH' && (c.body?.embeds?.length || c.body?.content));
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no "${pattern.source}" within ${timeoutMs} ms:\n${seen}`)), timeoutMs);
    child.stderr!.on('data', (d: Buffer) => {
      seen += d.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${seen}`)));
  });
}

async function trial(warmup: boolean): Promise<{ startMs: number; firstMs: number; secondMs: number }> {
  const standIn = await DiscordStandIn.start();
  // Node's default 5 s keep-alive closes the REST socket that discord.js reuses for the edit after a
  // cold answer of more than 5 s (EPIPE); Discord keeps connections longer. Bench-only setting.
  (standIn as unknown as { server: Server }).server.keepAliveTimeout = 120_000;
  const env = childEnvironment({
    DISCORD_TOKEN: STANDIN_TOKEN,
    DISCORD_API_BASE: standIn.apiBase,
    SLACK_BOT_TOKEN: '',
    SLACK_APP_TOKEN: '',
    DATABASE_PATH: path.join(mkdtempSync(path.join(tmpdir(), 'nn-tutor-cold-')), 'nn.db'),
    NN_WARMUP: warmup ? 'on' : 'off',
    LOG_LEVEL: 'warn',
  });
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    await waitForLine(child, /nn-tutor is running on/, 120_000);
    const startMs = performance.now() - t0;
    const options = [
      { name: 'text', type: 3, value: SENTENCE },
      { name: 'compare', type: 5, value: true },
    ];
    const timed = async (user: { id: string; username: string }) => {
      const sent = standIn.sendCommand('translate', options, user);
      await standIn.waitResponses(sent, finalMessage, 60_000);
      return performance.now() - sent.sentAt;
    };
    const firstMs = await timed({ id: '100000000000000001', username: 'first' });
    const secondMs = await timed({ id: '100000000000000002', username: 'second' });
    return { startMs, firstMs, secondMs };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    await standIn.close();
  }
}

export async function run(): Promise<void> {
  const rows: (string | number)[][] = [];
  const loadBefore = loadavg()[0].toFixed(1);
  for (const warmup of [false, true]) {
    for (let i = 0; i < TRIALS; i++) {
      const r = await trial(warmup);
      console.log(`warm-up ${warmup ? 'on ' : 'off'}  start-up ${ms(r.startMs)} ms  first /translate compare:true ${ms(r.firstMs)} ms  second ${ms(r.secondMs)} ms`);
      rows.push([warmup ? 'on (default)' : 'off (before)', ms(r.startMs), ms(r.firstMs), ms(r.secondMs)]);
    }
  }
  writeSection(
    'cold-start',
    `## Cold start on a platform\n\nA fresh \`npm start\` process on Discord (loopback stand-in), then \`/translate\` of a 30-word sentence with \`compare:true\` (all three models and their charts), measured from the interaction to the edited answer; then the same for a second member.\n\n` +
      `Load average (1 min) ${loadBefore} before and ${loadavg()[0].toFixed(1)} after on this machine's cores: compare the first member with the second in the same row, not across runs.\n\n` +
      table(['NN_WARMUP', 'start-up until "running" (ms)', 'first member (ms)', 'second member (ms)'], rows) +
      '\n\nReproduce: `npm run bench -- cold-start`.',
  );
}
