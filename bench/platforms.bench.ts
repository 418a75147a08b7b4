// Platform latency and event-loop health, measured through the real discord.js and Bolt clients
// against the loopback stand-ins (no real Discord or Slack: network time is not included).
// Rows: time from an interaction/command arriving to the first response (ack or defer) and to the
// final message; the event loop's worst delay while 50 requests from 10 users are served.
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { commands } from '../commands/index.ts';
import { parseInvocation } from '../src/core/dispatch.ts';
import { DEFAULT_QUEUE, type QueueOptions } from '../src/core/queue.ts';
import { Registry } from '../src/core/registry.ts';
import { startDiscordHarness, wireOptions, type DiscordHarness } from '../tests/adapters/discord/harness.ts';
import { startSlackHarness, type SlackHarness } from '../tests/adapters/slack/harness.ts';
import { ms, summarize, table, writeSection } from './lib.ts';

const registry = new Registry(commands);

/** The commands to time: a fast one, then the slow and chart-heavy ones that exist in this build. */
function cases(): { label: string; line: string }[] {
  const out = [{ label: 'fast', line: '/help' }];
  const translate = registry.get('translate');
  if (translate) out.push({ label: 'translate', line: translate.examples[0] });
  for (const def of registry.list()) {
    if (def.slow && def.name !== 'translate') out.push({ label: `slow (${def.name})`, line: def.examples[0] ?? `/${def.name}` });
  }
  if (registry.get('explain')) out.push({ label: 'chart', line: '/explain topic:attention depth:deep' });
  return out;
}

function heavyLine(): string {
  const t = registry.get('translate');
  if (t) return t.examples[0];
  return registry.get('explain') ? '/explain topic:attention depth:deep' : '/about';
}

async function discordTimes(h: DiscordHarness, line: string, runs: number) {
  const first: number[] = [];
  const final: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { sent, calls } = await h.command(parseInvocation(registry, line));
    first.push(calls[0].at - sent.sentAt);
    final.push(calls[calls.length - 1].at - sent.sentAt);
  }
  return { first: summarize(first), final: summarize(final) };
}

async function slackTimes(h: SlackHarness, line: string, runs: number) {
  const first: number[] = [];
  const final: number[] = [];
  const [, command, text] = /^\/(\S+)\s*([\s\S]*)$/.exec(line)!;
  for (let i = 0; i < runs; i++) {
    const { sent, responses } = await h.command(`/${command}`, text);
    first.push(sent.ackAt! - sent.sentAt);
    final.push(responses[responses.length - 1].at - sent.sentAt);
  }
  return { first: summarize(first), final: summarize(final) };
}

interface LoadResult {
  served: number;
  refused: string;
  ackP50: number;
  ackP99: number;
  finalP99: number;
  loopP99: number;
  loopMax: number;
  maxWait: number;
  wall: number;
}

/** 10 users each send 5 requests, 100 ms apart, over Discord; the event loop is watched meanwhile. */
export async function load(line: string, queue: Partial<QueueOptions>): Promise<LoadResult> {
  const h = await startDiscordHarness(commands, queue);
  try {
    await h.command(parseInvocation(registry, line)); // warm caches and models outside the measurement
    const monitor = monitorEventLoopDelay({ resolution: 10 });
    const inv = parseInvocation(registry, line);
    const wire = wireOptions(registry.get(inv.command)!, inv);
    const t0 = performance.now();
    monitor.enable();
    const sends: Promise<{ first: number; final: number; text: string }>[] = [];
    for (let round = 0; round < 5; round++) {
      for (let u = 0; u < 10; u++) {
        const sent = h.standIn.sendCommand(inv.command, wire, { id: `12000000000000000${u}`, username: `user${u}` });
        sends.push(
          h.settle(sent, 180_000).then((calls) => ({
            first: calls[0].at - sent.sentAt,
            final: calls[calls.length - 1].at - sent.sentAt,
            text: JSON.stringify(calls.map((c) => c.body)),
          })),
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const results = await Promise.all(sends);
    monitor.disable();
    const wall = performance.now() - t0;
    const stats = h.runner.queue.stats;
    const acks = summarize(results.map((r) => r.first));
    const finals = summarize(results.map((r) => r.final));
    return {
      served: stats.completed,
      refused: Object.entries(stats.refused).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ') || 'none',
      ackP50: acks.p50,
      ackP99: acks.p99,
      finalP99: finals.p99,
      loopP99: monitor.percentile(99) / 1e6,
      loopMax: monitor.max / 1e6,
      maxWait: stats.maxWaitMs,
      wall,
    };
  } finally {
    await h.stop();
  }
}

export async function run(): Promise<void> {
  const [discord, slack] = await Promise.all([startDiscordHarness(commands), startSlackHarness(commands)]);
  const rows: (string | number)[][] = [];
  try {
    for (const c of cases()) {
      const runs = c.label === 'fast' ? 20 : 6;
      await discordTimes(discord, c.line, 1); // warm-up (model loading, tfjs import)
      const d = await discordTimes(discord, c.line, runs);
      await slackTimes(slack, c.line, 1);
      const s = await slackTimes(slack, c.line, runs);
      rows.push([`${c.label}: \`${c.line}\``, 'Discord', runs, `${ms(d.first.p50)} / ${ms(d.first.p95)}`, `${ms(d.final.p50)} / ${ms(d.final.p95)}`]);
      rows.push(['', 'Slack (HTTP)', runs, `${ms(s.first.p50)} / ${ms(s.first.p95)}`, `${ms(s.final.p50)} / ${ms(s.final.p95)}`]);
      console.log(rows.at(-2)!.join(' | '), '\n', rows.at(-1)!.join(' | '));
    }
  } finally {
    await Promise.all([discord.stop(), slack.stop()]);
  }

  const heavy = heavyLine();
  const limits = { ...DEFAULT_QUEUE };
  const loaded = await load(heavy, limits);
  const unlimited = await load(heavy, { ...limits, maxQueued: 1000, cooldownMs: 0 });
  const noGap = await load(heavy, { concurrency: 1, maxQueued: 1000, cooldownMs: 0, gapMs: 0, ioShare: 0 });
  const loadRow = (name: string, r: LoadResult) => [name, r.served, r.refused, `${ms(r.ackP50)} / ${ms(r.ackP99)}`, ms(r.finalP99), ms(r.maxWait), `${ms(r.loopP99)} / ${ms(r.loopMax)}`, ms(r.wall)];
  const loadTable = table(
    ['queue', 'served', 'refused at once', 'first response p50 / p99 (ms)', 'final p99 (ms)', 'max queue wait (ms)', 'event-loop delay p99 / max (ms)', 'wall (ms)'],
    [
      loadRow(`default (1 at a time, ≤ ${limits.maxQueued} waiting, ${limits.cooldownMs / 1000} s cooldown)`, loaded),
      loadRow('no limits (all 50 served, 1 at a time, default gap)', unlimited),
      loadRow('no limits, one setImmediate turn between jobs instead of the gap', noGap),
    ],
  );
  console.log(loadTable);

  writeSection(
    'platforms',
    `## Platforms (Discord and Slack adapters)

Measured through the real discord.js 14 and @slack/bolt 5 clients against the loopback stand-ins in
tests/standins (no real Discord or Slack: network time is not included). Times from the interaction
(or signed slash command) leaving the stand-in to the bot's first response (Discord: reply or defer;
Slack: the HTTP ack) and to the final message (Discord: reply or edit; Slack: the response_url post).
p50 / p95 in ms. Reproduce: \`npm run bench -- platforms\`.

${table(['command', 'platform', 'runs', 'first response p50 / p95', 'final message p50 / p95'], rows)}

### 50 requests from 10 users (5 each, 100 ms apart) of \`${heavy}\` over Discord

${loadTable}

"refused at once" are the friendly "busy / slow down, try again in N s" replies, sent immediately.
Work runs on the main thread, one job at a time, with an idle gap before each job (≥ 15 ms, grown so
I/O gets 20% of the time, ≤ 250 ms) and an immediate Discord defer for commands that must wait; the
event-loop delay column is what a gateway heartbeat or a Slack ack would wait at worst. The
stand-ins run in the bot's own process, so their request handling also waits for the loop: the
first-response times under load are pessimistic. Load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')} (the machine is shared).`,
  );
}
