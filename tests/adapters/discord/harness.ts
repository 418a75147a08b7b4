// Starts the real Discord adapter (discord.js Client) against the loopback stand-in.
import type { CommandDef } from '../../../src/core/command.ts';
import type { Invocation } from '../../../src/core/dispatch.ts';
import { WorkQueue, type QueueOptions } from '../../../src/core/queue.ts';
import { Registry } from '../../../src/core/registry.ts';
import { validateOptions } from '../../../src/core/validate.ts';
import { startDiscord, type DiscordGatewayAdapter } from '../../../src/adapters/discord/adapter.ts';
import { CoreRunner } from '../../../src/adapters/runner.ts';
import { DiscordStandIn, STANDIN_TOKEN, type DiscordCall, type SentInteraction } from '../../standins/discord.ts';
import { waitUntil } from '../../standins/http.ts';

const WIRE_TYPE = { string: 3, integer: 4, boolean: 5, number: 10 } as const;

export interface DiscordHarness {
  standIn: DiscordStandIn;
  adapter: DiscordGatewayAdapter;
  registry: Registry;
  runner: CoreRunner;
  /** Sends and resolves with every response once the adapter has settled the interaction. */
  settle(sent: SentInteraction, timeoutMs?: number): Promise<DiscordCall[]>;
  command(inv: Invocation, user?: { id: string; username: string }): Promise<{ sent: SentInteraction; calls: DiscordCall[] }>;
  stop(): Promise<void>;
}

/** Discord's wire options for an invocation, typed as the client would send them. */
export function wireOptions(def: CommandDef, inv: Invocation): any[] {
  const defs = inv.subcommand ? def.subcommands!.find((s) => s.name === inv.subcommand)!.options : def.options ?? [];
  const typed = validateOptions(defs, inv.options);
  const opts = Object.entries(typed).map(([name, value]) => ({ name, type: WIRE_TYPE[defs.find((d) => d.name === name)!.type], value }));
  return inv.subcommand ? [{ name: inv.subcommand, type: 1, options: opts }] : opts;
}

export async function startDiscordHarness(commands: readonly CommandDef[], queue?: Partial<QueueOptions>): Promise<DiscordHarness> {
  const standIn = await DiscordStandIn.start();
  const registry = new Registry(commands);
  const settled = new Set<string>();
  const runner = new CoreRunner(registry, new WorkQueue({ concurrency: 1, maxQueued: 20, cooldownMs: 0, ...queue }));
  const adapter = await startDiscord({ token: STANDIN_TOKEN, runner, restApi: standIn.apiBase, deferAfterMs: 100, onSettled: (id) => settled.add(id) });
  const settle = async (sent: SentInteraction, timeoutMs = 20_000) => {
    await waitUntil(() => (settled.has(sent.id) ? true : undefined), timeoutMs, `interaction ${sent.id} settled`);
    return standIn.responsesTo(sent);
  };
  return {
    standIn,
    adapter,
    registry,
    runner,
    settle,
    async command(inv, user) {
      const def = registry.get(inv.command)!;
      const sent = standIn.sendCommand(inv.command, wireOptions(def, inv), user);
      return { sent, calls: await settle(sent) };
    },
    async stop() {
      await adapter.stop();
      await standIn.close();
    },
  };
}

/** Message bodies the bot sent for an interaction (callback data, edits, follow-ups). */
export function messagesOf(calls: readonly DiscordCall[]): any[] {
  return calls.map((c) => (c.path.endsWith('/callback') ? c.body?.data : c.body)).filter((m) => m && typeof m === 'object');
}

/** Discord's limits and our safety rules, for every message of an answer. Returns problems found. */
export function problems(calls: readonly DiscordCall[]): string[] {
  const out: string[] = [];
  for (const c of calls) {
    if (c.status) out.push(`stand-in refused ${c.method} ${c.path} with ${c.status}`);
    const m = c.path.endsWith('/callback') ? c.body?.data : c.body;
    if (c.path.endsWith('/callback') && [5, 6, 8].includes(c.body?.type)) continue; // defers and autocomplete choices
    if (!m) continue;
    if ((m.content ?? '').length > 2000) out.push(`content ${m.content.length} > 2000`);
    if (m.content !== undefined || m.embeds?.length) {
      if (!m.allowed_mentions || (m.allowed_mentions.parse ?? []).length !== 0) out.push(`allowed_mentions not empty: ${JSON.stringify(m.allowed_mentions)}`);
    }
    const embeds = m.embeds ?? [];
    if (embeds.length > 10) out.push('more than 10 embeds');
    let total = 0;
    for (const e of embeds) {
      if ((e.description ?? '').length > 4096) out.push('embed description > 4096');
      if ((e.title ?? '').length > 256) out.push('embed title > 256');
      if ((e.fields ?? []).length > 25) out.push('more than 25 fields');
      total += (e.title ?? '').length + (e.description ?? '').length + (e.fields ?? []).reduce((n: number, f: any) => n + f.name.length + f.value.length, 0);
      const url: string | undefined = e.image?.url;
      if (url?.startsWith('attachment://') && !c.files.some((f) => f.filename === url.slice('attachment://'.length))) out.push(`embed refers to missing ${url}`);
    }
    if (total > 6000) out.push(`embeds total ${total} > 6000`);
    const rows = m.components ?? [];
    if (rows.length > 5) out.push('more than 5 rows');
    for (const r of rows) if ((r.components ?? []).length > 5) out.push('more than 5 buttons in a row');
    for (const r of rows) for (const b of r.components ?? []) if ((b.custom_id ?? '').length > 100) out.push('custom_id > 100');
    if (!(m.content ?? '').trim() && embeds.length === 0 && c.files.length === 0 && !(c.method === 'DELETE')) out.push(`empty message in ${c.method} ${c.path}`);
  }
  return out;
}
