// The platform-free command model: a command is data (name, options, examples) plus handlers.
// The same definitions drive the console parser, Discord's command JSON and Slack's manifest.
import type { Reply } from './reply.ts';

export type Platform = 'console' | 'discord' | 'slack' | 'bench' | 'test';

export type OptionValue = string | number | boolean;

export interface Choice<V extends string | number = string | number> {
  name: string;
  value: V;
}

interface OptionBase {
  name: string; // lower-case, [a-z0-9_-], ≤ 32 chars (Discord's rule)
  description: string; // ≤ 100 chars (Discord's rule)
  required?: boolean;
}

export interface StringOption extends OptionBase {
  type: 'string';
  choices?: readonly Choice<string>[];
  /** Extra accepted spellings mapped to a choice value, e.g. { embeddings: 'word2vec' }. */
  aliases?: Readonly<Record<string, string>>;
  minLength?: number;
  /** Defaults to MAX_TEXT_LENGTH for free text. */
  maxLength?: number;
  /** Suggestions while typing (Discord autocomplete); values are not restricted to them. */
  autocomplete?: (partial: string) => readonly Choice<string>[];
}

export interface NumberOption extends OptionBase {
  type: 'integer' | 'number';
  choices?: readonly Choice<number>[];
  min?: number;
  max?: number;
}

export interface BooleanOption extends OptionBase {
  type: 'boolean';
}

export type OptionDef = StringOption | NumberOption | BooleanOption;

export const MAX_TEXT_LENGTH = 500;

/** Who asked, where, and how to post more messages later (quiz reveals, schedules). */
export interface RequestContext {
  platform: Platform;
  userId: string;
  userName: string;
  channelId: string;
  /** Discord guild or Slack team; undefined in DMs and the console. */
  serverId?: string;
  outbox?: Outbox;
}

export interface CommandRequest extends RequestContext {
  command: string;
  subcommand?: string;
  /** Validated and coerced option values; absent optional options are missing. */
  options: Readonly<Record<string, OptionValue>>;
}

export interface ButtonRequest extends RequestContext {
  /** The part of the button id after "<command>:". */
  payload: string;
}

/** What a button click returns: replace the clicked message, or answer separately. */
export interface ButtonReply extends Reply {
  mode: 'update' | 'new';
}

export interface MessageRef {
  platform: Platform;
  channelId: string;
  messageId: string;
}

/** Lets a feature post or edit messages outside a request (quiz reveal, scheduled quiz). */
export interface PostOptions {
  /**
   * The same key posts one message, however often (and from whichever replica) the post is sent:
   * a reveal re-sent by another replica after its poster died mid-way is not shown twice. Discord
   * enforces it (a message nonce, for a few minutes); platforms without such a key ignore it.
   * At most 25 characters.
   */
  key?: string;
}

export interface Outbox {
  post(channelId: string, reply: Reply, opts?: PostOptions): Promise<MessageRef>;
  edit?(ref: MessageRef, reply: Reply): Promise<void>;
}

export type Handler = (req: CommandRequest) => Reply | Promise<Reply>;
export type ButtonHandler = (req: ButtonRequest) => ButtonReply | Promise<ButtonReply>;

export interface SubcommandDef {
  name: string;
  description: string;
  options: readonly OptionDef[];
  handler: Handler;
}

export interface CommandDef {
  name: string; // lower-case, ≤ 32 chars
  description: string; // one line, ≤ 100 chars
  /** Full command lines shown by /help, e.g. "/translate text:let's go model:transformer". */
  examples: readonly string[];
  options?: readonly OptionDef[];
  /** Either options + handler, or subcommands (one level, like Discord's). */
  subcommands?: readonly SubcommandDef[];
  /** With subcommands: the one a bare "/quiz topic:lstm" runs (console and Slack text). */
  defaultSubcommand?: string;
  handler?: Handler;
  /** Button ids are "<command>:<payload>"; clicks on this command's buttons come here. */
  onButton?: ButtonHandler;
  /** Takes long enough (model inference) that platforms should defer at once. */
  slow?: boolean;
  /**
   * Its buttons are quick (a database write, like a quiz answer) even though the command is slow:
   * clicks are answered inline, so a member's confirmation is sent only after the work is done,
   * and are not model jobs (no per-user cooldown between answering two quizzes).
   */
  quickButtons?: boolean;
  /** Runs models: sent to the inference worker pool when there is one (handlers then get no Outbox). */
  worker?: boolean;
}

export function defineCommand(def: CommandDef): CommandDef {
  return def;
}
