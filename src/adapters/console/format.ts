// Reply → what a terminal shows, and Reply → the JSON that scripts read (--json).
import type { Button, Reply } from '../../core/reply.ts';
import { saveImage } from './images.ts';

export interface JsonReply {
  title?: string;
  text: string;
  fields: { name: string; value: string; inline?: boolean }[];
  images: { path: string; alt: string; width: number; height: number }[];
  buttons: { id: string; label: string; style?: string; disabled?: boolean }[];
  ephemeral: boolean;
}

export function toJsonReply(reply: Reply, outDir: string): JsonReply {
  return {
    ...(reply.title ? { title: reply.title } : {}),
    text: reply.text,
    fields: reply.fields ?? [],
    images: (reply.images ?? []).map((img) => ({ path: saveImage(outDir, img), alt: img.alt, width: img.width, height: img.height })),
    buttons: (reply.buttons ?? []).map((b) => ({ ...b })),
    ephemeral: Boolean(reply.ephemeral),
  };
}

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
}

export const plainStyle: Style = { bold: (s) => s, dim: (s) => s };
export const ansiStyle: Style = { bold: (s) => `\x1b[1m${s}\x1b[22m`, dim: (s) => `\x1b[2m${s}\x1b[22m` };

/** Neutral markdown to terminal text: **bold** becomes bold, the rest reads fine as it is. */
function renderMarkdown(text: string, style: Style): string {
  return text.replace(/\*\*([^*\n]+)\*\*/g, (_, t: string) => style.bold(t));
}

export function buttonLine(buttons: readonly Button[], style: Style): string {
  const items = buttons.map((b, i) => `[${i + 1}] ${b.label}${b.disabled ? ' (disabled)' : ''}`);
  return `${items.join('   ')}\n${style.dim('Type a number to press a button.')}`;
}

export function formatReply(json: JsonReply, reply: Reply, style: Style): string {
  const out: string[] = [];
  if (json.title) out.push(style.bold(json.title));
  if (json.text) out.push(renderMarkdown(json.text, style));
  for (const f of json.fields) out.push(`${style.bold(f.name + ':')} ${renderMarkdown(f.value, style)}`);
  for (const img of json.images) out.push(`🖼  ${img.path}  ${style.dim(`(${img.width}×${img.height}, ${img.alt})`)}`);
  if (reply.buttons?.length) out.push(buttonLine(reply.buttons, style));
  if (json.ephemeral) out.push(style.dim('(only you can see this)'));
  return out.join('\n');
}
