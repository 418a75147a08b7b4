// `npm start` as one replica in HTTP-interactions mode, as an operator runs it: with
// DISCORD_PUBLIC_KEY set it serves POST /discord/interactions on PORT, opens no gateway, answers
// model commands from its worker pool, serves health and metrics, and exits 0 on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordStandIn, STANDIN_TOKEN } from '../standins/discord.ts';
import { waitUntil, freePort } from '../standins/http.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/nn-tutor.mjs');

describe('a replica in Discord HTTP-interactions mode (child process)', () => {
  let standIn: DiscordStandIn;
  let child: ChildProcess;
  let base: string;
  let stderr = '';
  const exited = () => new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code))));

  beforeAll(async () => {
    standIn = await DiscordStandIn.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const { LOG_LEVEL: _l, ...env } = process.env;
    child = spawn(process.execPath, [BIN], {
      env: {
        ...env,
        DISCORD_TOKEN: STANDIN_TOKEN,
        DISCORD_PUBLIC_KEY: standIn.publicKeyHex,
        DISCORD_API_BASE: standIn.apiBase,
        SLACK_BOT_TOKEN: '',
        PORT: String(port),
        WORKERS: '1',
        NN_WARMUP: 'off',
        DATABASE_PATH: path.join(mkdtempSync(path.join(tmpdir(), 'nn-replica-')), 'nn.db'),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (d) => (stderr += String(d)));
    await waitUntil(() => (stderr.includes('is running on') ? true : child.exitCode !== null ? (() => { throw new Error(stderr); })() : undefined), 60_000, 'replica start-up');
  }, 90_000);
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await standIn.close();
  });

  it('is alive and ready, and opened no gateway connection', { timeout: 90_000 }, async () => {
    expect(stderr).toContain('Discord (HTTP interactions');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    // Ready once the worker has loaded its engine and models (warm-up runs in the background).
    let ready: any;
    for (let i = 0; i < 120 && ready?.status !== 'ready'; i++) {
      ready = await (await fetch(`${base}/readyz`)).json();
      if (ready.status !== 'ready') await new Promise((r) => setTimeout(r, 500));
    }
    expect(ready).toEqual({ status: 'ready', checks: { database: 'ok', models: 'ok', platforms: 'ok' } });
    expect(standIn.identifies).toEqual([]);
    expect(standIn.calls.filter((c) => c.path.startsWith('/gateway'))).toEqual([]);
  });

  it('answers PING, a command inline, and a model command from the worker pool with its chart', async () => {
    const endpoint = `${base}/discord/interactions`;
    expect((await standIn.postSignedInteraction(endpoint, 1, undefined)).json).toEqual({ type: 1 });
    const help = await standIn.postSignedInteraction(endpoint, 2, { id: '1', name: 'help', type: 1, options: [] });
    expect(help.json.type).toBe(4);
    const predict = await standIn.postSignedInteraction(endpoint, 2, { id: '2', name: 'predict', type: 1, options: [{ name: 'values', type: 3, value: '0,0.5,0.25,1' }] });
    expect(predict.json.type).toBe(5);
    const [edit] = await standIn.waitResponses(predict.sent, (c) => c.length > 0, 60_000);
    expect(edit.method).toBe('PATCH');
    expect(edit.files[0].data.subarray(0, 4)).toEqual(Buffer.from([137, 80, 78, 71]));
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('nn_tutor_requests_total{platform="discord",command="predict",kind="command",status="ok"} 1');
    expect(metrics).toContain('nn_tutor_workers 1');
  }, 90_000);

  it('exits 0 on SIGTERM', async () => {
    child.kill('SIGTERM');
    expect(await exited()).toBe(0);
  }, 30_000);
});
