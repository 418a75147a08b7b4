// A rendered message → the REST body and files of POST/PATCH /channels/{id}/messages (the Outbox).
import type { RawFile } from 'discord.js';
import type { DiscordMessage } from './render.ts';

export interface RestMessage {
  body: Record<string, unknown>;
  files: RawFile[];
}

/** Attachment ids are the files' indexes as strings: the spec's SnowflakeType is a string ("0"), as discord.js sends. */
export function restMessage(m: DiscordMessage): RestMessage {
  return {
    body: {
      content: m.content ?? '',
      embeds: m.embeds,
      components: m.components,
      allowed_mentions: { parse: [] },
      attachments: m.files.map((f, i) => ({ id: String(i), filename: f.name, description: f.description })),
    },
    files: rawFiles(m),
  };
}

/** The message's images as multipart files (GIFs from /translate animate:true keep their type). */
export function rawFiles(m: DiscordMessage): RawFile[] {
  return m.files.map((f) => ({ name: f.name, data: f.attachment, contentType: /\.gif$/i.test(f.name) ? 'image/gif' : 'image/png' }));
}

/** Discord's idempotent create: with enforce_nonce, a second POST with the same nonce returns the first message. */
export function withNonce(body: Record<string, unknown>, key: string | undefined, part = 0): Record<string, unknown> {
  if (!key) return body;
  const nonce = part === 0 ? key : `${key}#${part}`;
  return nonce.length <= 25 ? { ...body, nonce, enforce_nonce: true } : body;
}
