// A Reply is what every handler returns; adapters turn it into a platform message.
// Text is "neutral markdown": **bold**, *italic*, `code`, ```blocks```, "- " lists and plain
// lines. No headings, tables or links-with-text: Slack's mrkdwn cannot show them.

export interface ImageAttachment {
  data: Uint8Array; // PNG bytes (or GIF when the filename ends in .gif: /translate animate:true)
  filename: string; // e.g. "attention.png"
  alt: string; // what the picture shows, for screen readers and the console
  width: number;
  height: number;
}

export interface Field {
  name: string; // ≤ 256 chars
  value: string; // ≤ 1024 chars
  inline?: boolean;
}

export type ButtonStyle = 'primary' | 'secondary' | 'success' | 'danger';

export interface Button {
  /** "<command>:<payload>", ≤ 100 chars (Discord's custom_id limit). */
  id: string;
  label: string; // ≤ 80 chars
  style?: ButtonStyle;
  disabled?: boolean;
}

export interface Reply {
  title?: string;
  text: string;
  fields?: Field[];
  images?: ImageAttachment[];
  /** Laid out five to a row by the adapters; at most 25. */
  buttons?: Button[];
  ephemeral?: boolean;
}

export const LIMITS = {
  buttonId: 100,
  buttonLabel: 80,
  buttons: 25,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
} as const;

export function reply(text: string, extra: Omit<Reply, 'text'> = {}): Reply {
  return { text, ...extra };
}

// Quoting user text lives in escape.ts; these re-exports keep older imports working.
export { escapeMarkdown, inlineCode } from './escape.ts';
