// Discord over REST only (HTTP interactions mode has no gateway client): channel posts for quiz
// reveals and schedules with the bot token, and interaction webhooks (follow-ups, @original edits),
// which Discord authenticates by the interaction token in the path, so they go without a token.
import { REST, Routes } from 'discord.js';
import type { MessageRef, Outbox, PostOptions } from '../../core/command.ts';
import type { Reply } from '../../core/reply.ts';
import { renderDiscord, type DiscordMessage } from '../discord/render.ts';
import { rawFiles, withNonce } from '../discord/rest-message.ts';

export interface ApiMessage {
  content?: string;
  embeds: unknown[];
  components: unknown[];
  allowed_mentions: { parse: [] };
  flags?: number;
  attachments?: { id: string; filename: string; description: string }[];
}

/** A rendered message as Discord's JSON body (snake_case, attachment ids as snowflake strings). */
export function apiMessage(m: DiscordMessage, opts: { withFlags?: boolean } = {}): ApiMessage {
  const body: ApiMessage = { content: m.content ?? '', embeds: m.embeds, components: m.components, allowed_mentions: { parse: [] } };
  if (opts.withFlags !== false && m.flags) body.flags = m.flags;
  if (m.files.length) body.attachments = m.files.map((f, i) => ({ id: String(i), filename: f.name, description: f.description }));
  return body;
}

export function makeRest(token: string | undefined, api?: string): REST {
  const rest = new REST({ version: '10', ...(api ? { api } : {}) });
  if (token) rest.setToken(token);
  return rest;
}

/** Webhook calls for one interaction token. */
export class InteractionWebhook {
  constructor(
    private readonly rest: REST,
    private readonly appId: string,
    private readonly token: string,
  ) {}

  editOriginal(m: DiscordMessage): Promise<unknown> {
    return this.rest.patch(Routes.webhookMessage(this.appId, this.token, '@original'), { body: apiMessage(m, { withFlags: false }), files: rawFiles(m), auth: false });
  }

  deleteOriginal(): Promise<unknown> {
    return this.rest.delete(Routes.webhookMessage(this.appId, this.token, '@original'), { auth: false });
  }

  followUp(m: DiscordMessage): Promise<unknown> {
    return this.rest.post(Routes.webhook(this.appId, this.token), { body: apiMessage(m), files: rawFiles(m), auth: false });
  }
}

export function restOutbox(rest: REST): Outbox {
  return {
    async post(channelId: string, reply: Reply, opts: PostOptions = {}): Promise<MessageRef> {
      const { first, followUps } = renderDiscord({ ...reply, ephemeral: false });
      const body = (m: DiscordMessage, part: number) => withNonce(apiMessage(m) as unknown as Record<string, unknown>, opts.key, part);
      const msg = (await rest.post(Routes.channelMessages(channelId), { body: body(first, 0), files: rawFiles(first) })) as { id: string };
      for (const [i, f] of followUps.entries()) await rest.post(Routes.channelMessages(channelId), { body: body(f, i + 1), files: rawFiles(f) });
      return { platform: 'discord', channelId, messageId: msg.id };
    },
    async edit(ref: MessageRef, reply: Reply): Promise<void> {
      const { first } = renderDiscord({ ...reply, ephemeral: false });
      await rest.patch(Routes.channelMessage(ref.channelId, ref.messageId), { body: apiMessage(first, { withFlags: false }), files: rawFiles(first) });
    },
  };
}
