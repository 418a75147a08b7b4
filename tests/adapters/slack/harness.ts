// Starts the real Slack adapter (Bolt) against the loopback stand-in, over HTTP or Socket Mode.
import type { CommandDef } from '../../../src/core/command.ts';
import { WorkQueue, type QueueOptions } from '../../../src/core/queue.ts';
import { Registry } from '../../../src/core/registry.ts';
import type { AdapterHost } from '../../../src/adapters/adapter.ts';
import { CoreRunner } from '../../../src/adapters/runner.ts';
import { startSlack, type SlackBoltAdapter } from '../../../src/adapters/slack/adapter.ts';
import { waitUntil } from '../../standins/http.ts';
import { SLACK_APP_TOKEN, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SlackStandIn, type SentSlackRequest, type SlackCall } from '../../standins/slack.ts';

export interface SlackHarness {
  standIn: SlackStandIn;
  adapter: SlackBoltAdapter;
  registry: Registry;
  settled: Set<string>;
  /** Sends a signed slash command and waits until the adapter settled it. */
  command(command: string, text: string, opts?: { channel?: string; user?: string }): Promise<{ sent: SentSlackRequest; responses: SlackCall[]; calls: SlackCall[] }>;
  click(buttonId: string, opts?: { user?: string }): Promise<{ sent: SentSlackRequest; responses: SlackCall[] }>;
  settle(sent: SentSlackRequest): Promise<SlackCall[]>;
  stop(): Promise<void>;
}

export async function startSlackHarness(
  commands: readonly CommandDef[],
  opts: { socket?: boolean; queue?: Partial<QueueOptions>; standIn?: SlackStandIn; prefix?: string; shared?: AdapterHost['shared'] } = {},
): Promise<SlackHarness> {
  const standIn = opts.standIn ?? (await SlackStandIn.start());
  const registry = new Registry(commands);
  const settled = new Set<string>();
  const runner = new CoreRunner(registry, new WorkQueue({ concurrency: 1, maxQueued: 20, cooldownMs: 0, ...opts.queue }));
  const adapter = await startSlack({
    runner,
    botToken: SLACK_BOT_TOKEN,
    ...(opts.socket ? { appToken: SLACK_APP_TOKEN } : { signingSecret: SLACK_SIGNING_SECRET, port: 0 }),
    slackApiUrl: standIn.apiUrl,
    prefix: opts.prefix,
    shared: opts.shared,
    onSettled: (t) => settled.add(t),
    // Retry a 429 or a dropped connection twice, without the production back-off.
    retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 },
  });
  if (opts.socket) await standIn.waitSocket();
  const settle = async (sent: SentSlackRequest) => {
    await waitUntil(() => (settled.has(`trigger-${sent.id}`) ? true : undefined), 20_000, `request ${sent.id} settled`);
    return standIn.responsesTo(sent);
  };
  return {
    standIn,
    adapter,
    registry,
    settled,
    settle,
    async command(command, text, o = {}) {
      const before = standIn.calls.length;
      const sent = opts.socket ? await standIn.sendCommandSocket(command, text, o.user) : await standIn.sendCommandHttp(adapter.url!, command, text, o);
      const responses = await settle(sent);
      return { sent, responses, calls: standIn.calls.slice(before) };
    },
    async click(buttonId, o = {}) {
      const sent = await standIn.sendActionHttp(adapter.url!, `nn:0:${buttonId}`, buttonId, o);
      return { sent, responses: await settle(sent) };
    },
    async stop() {
      await adapter.stop();
      if (!opts.standIn) await standIn.close();
    },
  };
}

/** Every piece of text in a Block Kit message. */
export function blockTexts(blocks: any[]): string[] {
  const out: string[] = [];
  for (const b of blocks ?? []) {
    if (b.text?.text) out.push(b.text.text);
    for (const f of b.fields ?? []) out.push(f.text);
    for (const e of b.elements ?? []) out.push(e.text?.text ?? e.text ?? '');
  }
  return out;
}

/** Block Kit limits and our safety rules; returns problems found. */
export function blockProblems(msg: { text?: string; blocks?: any[] }): string[] {
  const out: string[] = [];
  const blocks = msg.blocks ?? [];
  if (!msg.text?.trim()) out.push('no fallback text');
  if (blocks.length > 50) out.push(`${blocks.length} blocks > 50`);
  const actionIds = new Set<string>();
  for (const b of blocks) {
    if (!['section', 'actions', 'context', 'divider', 'image', 'header'].includes(b.type)) out.push(`unknown block ${b.type}`);
    if (b.type === 'section') {
      if (!b.text && !b.fields?.length) out.push('empty section');
      if ((b.text?.text ?? '').length > 3000) out.push('section text > 3000');
      if ((b.fields ?? []).length > 10) out.push('more than 10 fields');
      for (const f of b.fields ?? []) if (f.text.length > 2000) out.push('field > 2000');
    }
    if (b.type === 'actions') {
      if (b.elements.length > 25) out.push('more than 25 elements');
      for (const e of b.elements) {
        if (e.text.text.length > 75) out.push('button text > 75');
        if (e.action_id.length > 255) out.push('action_id > 255');
        if ((e.value ?? '').length > 2000) out.push('value > 2000');
        if (actionIds.has(e.action_id)) out.push(`duplicate action_id ${e.action_id}`);
        actionIds.add(e.action_id);
      }
    }
  }
  for (const t of [msg.text ?? '', ...blockTexts(blocks)]) {
    // Any raw < or > would let text form <!channel>, <@U…> or <url|label>.
    if (/[<>]/.test(t)) out.push(`unescaped < or > in ${JSON.stringify(t.slice(0, 60))}`);
  }
  return out;
}
