// What every reply must satisfy, whatever was typed: rendered by the real Discord and Slack
// renderers, it fits the platforms' limits, names nobody, carries no stack trace or control
// character, and its inline code spans are balanced.
import { DISCORD, renderDiscord, type DiscordMessage } from '../../src/adapters/discord/render.ts';
import { renderSlack, SLACK } from '../../src/adapters/slack/blocks.ts';
import type { Reply } from '../../src/core/reply.ts';

export type Problem =
  | 'internal-error'
  | 'stack-trace'
  | 'unescaped-mention'
  | 'control-character'
  | 'broken-code-span'
  | 'discord-limit'
  | 'slack-limit';

/** A mention Discord would parse (were mentions allowed), or Slack's <!…>/<@…> syntax. */
const DISCORD_MENTION = /@(everyone|here)\b|<@[!&]?\d+>|<#\d+>/u;
const SLACK_MENTION = /<[!@#]/u;
const STACK = /\bat [\w$.<>]+ \(|\bat (?:file|node):|\.ts:\d+:\d+|\b(?:TypeError|ReferenceError|RangeError|SyntaxError): /u;
/** Controls no platform shows (tab and line breaks are fine). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

function discordStrings(m: DiscordMessage): string[] {
  const out = [m.content ?? ''];
  for (const e of m.embeds) out.push(e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? '');
  for (const row of m.components) for (const b of row.components) out.push('label' in b ? b.label ?? '' : '');
  for (const f of m.files) out.push(f.description); // alt text, shown by Discord
  return out;
}

function embedChars(m: DiscordMessage): number {
  return m.embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.fields ?? []).reduce((k, f) => k + f.name.length + f.value.length, 0) + (e.footer?.text.length ?? 0), 0);
}

function discordFits(m: DiscordMessage): boolean {
  if ((m.content?.length ?? 0) > DISCORD.content) return false;
  if (m.embeds.length > DISCORD.embeds || embedChars(m) > DISCORD.embedsTotal || m.files.length > DISCORD.files) return false;
  if (!m.content && m.embeds.length === 0 && m.files.length === 0) return false; // Discord rejects an empty message
  for (const e of m.embeds) {
    if ((e.title?.length ?? 0) > DISCORD.title || (e.description?.length ?? 0) > DISCORD.description) return false;
    if ((e.fields?.length ?? 0) > DISCORD.fields) return false;
    for (const f of e.fields ?? []) if (!f.name || !f.value || f.name.length > DISCORD.fieldName || f.value.length > DISCORD.fieldValue) return false;
  }
  if (m.components.length > DISCORD.rows) return false;
  for (const row of m.components) {
    if (row.components.length > DISCORD.perRow) return false;
    for (const b of row.components) {
      if ('custom_id' in b && (b.custom_id.length === 0 || b.custom_id.length > 100)) return false;
      if ('label' in b && (b.label ?? '').length > 80) return false;
    }
  }
  return true;
}

/** Discord sends at most this many messages for one reply (the first and its follow-ups). */
export const MAX_DISCORD_MESSAGES = 3;

function slackFits(reply: Reply): { ok: boolean; strings: string[] } {
  const m = renderSlack(reply);
  const strings = [m.text];
  if (m.blocks.length > SLACK.blocks || m.text.length > SLACK.fallbackText || !m.text.trim()) return { ok: false, strings };
  for (const block of m.blocks) {
    // Read loosely: the checks look at whichever of text/fields/elements a block kind has.
    const b = block as unknown as Record<string, unknown>;
    const text = b.text as { text: string } | undefined;
    if (text) {
      strings.push(text.text);
      if (text.text.length > SLACK.sectionText || !text.text.trim()) return { ok: false, strings };
    }
    const fields = (b.fields ?? []) as { text: string }[];
    if (fields.length > SLACK.fields) return { ok: false, strings };
    for (const f of fields) {
      strings.push(f.text);
      if (f.text.length > SLACK.fieldText) return { ok: false, strings };
    }
    for (const el of (b.elements ?? []) as { type: string; text?: unknown; action_id?: string; value?: string }[]) {
      if (el.type === 'mrkdwn' && typeof el.text === 'string') strings.push(el.text);
      if (el.type !== 'button') continue;
      const label = (el.text as { text: string }).text;
      if (!label || label.length > SLACK.buttonText || (el.action_id ?? '').length > SLACK.actionId || (el.value ?? '').length > SLACK.buttonValue) return { ok: false, strings };
    }
    if (b.type === 'actions' && ((b.elements as unknown[]) ?? []).length > 25) return { ok: false, strings };
  }
  return { ok: true, strings };
}

/**
 * Backticks outside ``` blocks pair up on every line. Read as Discord does: outside code a
 * backslash escapes the next character; inside a code span it is an ordinary character.
 */
function codeSpansBalanced(text: string): boolean {
  let fenced = false;
  for (const line of text.split('\n')) {
    const fences = line.split('```').length - 1;
    if (!fenced && fences === 0) {
      let inCode = false;
      for (let i = 0; i < line.length; i++) {
        if (!inCode && line[i] === '\\') i++;
        else if (line[i] === '`') inCode = !inCode;
      }
      if (inCode) return false;
    }
    if (fences % 2 === 1) fenced = !fenced;
  }
  return true;
}

/** Every problem of one reply (empty when it is fine). */
export function checkReply(reply: Reply, status: string): Problem[] {
  const problems = new Set<Problem>();
  if (status === 'internal-error') problems.add('internal-error');
  const own = [reply.title ?? '', reply.text, ...(reply.fields ?? []).flatMap((f) => [f.name, f.value]), ...(reply.buttons ?? []).map((b) => b.label), ...(reply.images ?? []).map((i) => i.alt)];
  if (own.some((s) => STACK.test(s))) problems.add('stack-trace');
  if (own.some((s) => CONTROL.test(s))) problems.add('control-character');
  if (![reply.text, ...(reply.fields ?? []).map((f) => f.value)].every(codeSpansBalanced)) problems.add('broken-code-span');

  const discord = renderDiscord(reply);
  const messages = [discord.first, ...discord.followUps];
  if (messages.length > MAX_DISCORD_MESSAGES || !messages.every(discordFits)) problems.add('discord-limit');
  if (messages.flatMap(discordStrings).some((s) => DISCORD_MENTION.test(s))) problems.add('unescaped-mention');

  const slack = slackFits(reply);
  if (!slack.ok) problems.add('slack-limit');
  if (slack.strings.some((s) => SLACK_MENTION.test(s))) problems.add('unescaped-mention');
  return [...problems];
}
