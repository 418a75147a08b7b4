// Reply → Discord message payloads. Discord already reads our neutral markdown, so the work here is
// limits: content ≤ 2,000, embed description ≤ 4,096, ≤ 6,000 characters of embeds per message,
// ≤ 10 embeds, 25 fields, buttons 5 per row in at most 5 rows. Mentions are never parsed.
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import { LIMITS, type Button, type Reply } from '../../core/reply.ts';
import { splitText, truncate } from '../split.ts';

export const DISCORD = {
  content: 2000,
  description: 4096,
  title: 256,
  embedsTotal: 6000,
  embeds: 10,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  rows: 5,
  perRow: 5,
  files: 10,
} as const;

/** Flag bit for messages only the invoking user sees. */
export const EPHEMERAL = 1 << 6;

const COLOR = 0x5865f2;

/** Shortest description worth keeping when the embed budget forces the rest into follow-ups. */
const MIN_DESCRIPTION = 200;

const STYLE: Record<NonNullable<Button['style']>, number> = { primary: 1, secondary: 2, success: 3, danger: 4 };

export interface DiscordFile {
  attachment: Buffer;
  name: string;
  description: string;
}

/** What discord.js's reply/editReply/followUp/channel.send accept (plain API objects). */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  files: DiscordFile[];
  allowedMentions: { parse: []; repliedUser: false };
  flags?: number;
}

export interface RenderedDiscord {
  first: DiscordMessage;
  /** Text that did not fit, sent as follow-ups (same ephemerality). */
  followUps: DiscordMessage[];
}

/** Attachment names Discord accepts and `attachment://` can reference. */
export function safeFilename(name: string, index: number, used: Set<string>): string {
  let base = name.replace(/[^\w.-]/g, '_') || `image-${index + 1}.png`;
  if (!/\.(png|gif)$/i.test(base)) base += '.png';
  while (used.has(base)) base = base.replace(/(\.png|\.gif)$/i, `-${index + 1}$1`);
  used.add(base);
  return base;
}

export function buttonRows(buttons: readonly Button[] = []): APIActionRowComponent<APIButtonComponent>[] {
  const usable = buttons.filter((b) => b.id.length <= LIMITS.buttonId).slice(0, DISCORD.rows * DISCORD.perRow);
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < usable.length; i += DISCORD.perRow) {
    rows.push({
      type: 1,
      components: usable.slice(i, i + DISCORD.perRow).map((b) => ({
        type: 2,
        custom_id: b.id,
        label: truncate(b.label, LIMITS.buttonLabel),
        style: STYLE[b.style ?? 'secondary'],
        disabled: b.disabled ?? false,
      })),
    });
  }
  return rows;
}

function blank(flags: number | undefined): DiscordMessage {
  return { embeds: [], components: [], files: [], allowedMentions: { parse: [], repliedUser: false }, ...(flags ? { flags } : {}) };
}

function embedLength(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

export function renderDiscord(reply: Reply): RenderedDiscord {
  const flags = reply.ephemeral ? EPHEMERAL : undefined;
  const first = blank(flags);
  const followUps: DiscordMessage[] = [];
  first.components = buttonRows(reply.buttons);

  const used = new Set<string>();
  const images = (reply.images ?? []).slice(0, DISCORD.files);
  first.files = images.map((img, i) => ({ attachment: Buffer.from(img.data), name: safeFilename(img.filename, i, used), description: truncate(img.alt, 1024) }));

  const plain = !reply.title && !reply.fields?.length && images.length === 0;
  if (plain && reply.text.length <= DISCORD.content) {
    first.content = reply.text;
    return { first, followUps };
  }

  // Embed: title, the first part of the text, fields, the first image; further images get their own embeds.
  const chunks = reply.text ? splitText(reply.text, DISCORD.description) : [];
  const main: APIEmbed = { color: COLOR };
  if (reply.title) main.title = truncate(reply.title, DISCORD.title);
  if (chunks.length) main.description = chunks.shift();
  const fields = (reply.fields ?? []).slice(0, DISCORD.fields).map((f) => ({
    name: truncate(f.name, DISCORD.fieldName) || '\u200b',
    value: truncate(f.value, DISCORD.fieldValue) || '\u200b',
    inline: f.inline ?? false,
  }));
  if (fields.length) main.fields = fields;
  // Further images get their own embeds (with a short description); they count towards the budget too.
  const extra: APIEmbed[] = first.files.slice(1).map((file, i) => ({ color: COLOR, image: { url: `attachment://${file.name}` }, description: truncate(images[i + 1].alt, 200) }));
  if (first.files.length) main.image = { url: `attachment://${first.files[0].name}` };
  // Keep the whole message under the 6,000-character embed budget: fields' overflow moves out first,
  // then the end of the description; both go on in the follow-ups.
  const budget = DISCORD.embedsTotal - extra.reduce((n, e) => n + embedLength(e), 0);
  const moved: string[] = [];
  while (embedLength(main) > budget && main.fields?.length) {
    const f = main.fields.pop()!;
    moved.unshift(`**${f.name}**\n${f.value}`);
  }
  if (!main.fields?.length) delete main.fields;
  const over = embedLength(main) - budget;
  if (over > 0 && main.description) {
    const keep = main.description.length - over;
    // A sliver of description is not worth it: then all of it moves to the follow-ups.
    const parts = keep >= MIN_DESCRIPTION ? splitText(main.description, keep) : ['', main.description];
    if (parts[0]) main.description = parts[0];
    else delete main.description;
    chunks.unshift(...parts.slice(1));
  }
  chunks.push(...moved);
  first.embeds.push(main, ...extra);

  // What is left of the text goes into follow-up messages of ≤ 2,000 characters.
  for (const chunk of chunks.flatMap((c) => splitText(c, DISCORD.content))) {
    const m = blank(flags);
    m.content = chunk;
    followUps.push(m);
  }
  return { first, followUps };
}
