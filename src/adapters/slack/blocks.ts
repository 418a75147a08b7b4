// Reply → Block Kit. Limits: 50 blocks a message, 3,000 characters a section text, 10 fields a
// section (2,000 each), 25 elements an actions block, button text 75, action_id 255, value 2,000.
import type { Button as SlackButton, ContextBlock, KnownBlock, MrkdwnElement } from '@slack/types';
import type { Button, Reply } from '../../core/reply.ts';
import { splitText, truncate } from '../split.ts';
import { escapeSlack, toMrkdwn } from './mrkdwn.ts';

export const SLACK = {
  blocks: 50,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
  perActions: 5,
  fallbackText: 3000,
} as const;

export interface SlackMessage {
  /** Notification / fallback text (mrkdwn). */
  text: string;
  blocks: KnownBlock[];
}

const mrkdwn = (text: string): MrkdwnElement => ({ type: 'mrkdwn', text });

function buttonElement(b: Button, index: number): SlackButton {
  const el: SlackButton = {
    type: 'button',
    // action_id must be unique within a message; the button id travels in `value`.
    action_id: `nn:${index}:${b.id}`.slice(0, SLACK.actionId),
    text: { type: 'plain_text', text: truncate(b.label, SLACK.buttonText), emoji: true },
    value: b.id.slice(0, SLACK.buttonValue),
  };
  if (b.style === 'primary' || b.style === 'danger') el.style = b.style;
  return el;
}

export function renderSlack(reply: Reply): SlackMessage {
  const blocks: KnownBlock[] = [];
  if (reply.title) blocks.push({ type: 'section', text: mrkdwn(truncate(`*${escapeSlack(reply.title)}*`, SLACK.sectionText)) });
  const body = toMrkdwn(reply.text);
  if (body.trim()) for (const chunk of splitText(body, SLACK.sectionText)) blocks.push({ type: 'section', text: mrkdwn(chunk) });

  const fields = (reply.fields ?? []).map((f) => mrkdwn(truncate(`*${escapeSlack(f.name)}*\n${toMrkdwn(f.value)}`, SLACK.fieldText)));
  for (let i = 0; i < fields.length; i += SLACK.fields) blocks.push({ type: 'section', fields: fields.slice(i, i + SLACK.fields) });

  for (const img of reply.images ?? []) {
    blocks.push({ type: 'context', elements: [mrkdwn(truncate(`🖼️ ${escapeSlack(img.filename)}: ${escapeSlack(img.alt)}`, SLACK.sectionText))] });
  }

  const buttons = (reply.buttons ?? []).filter((b) => !b.disabled);
  const actions: KnownBlock[] = [];
  for (let i = 0; i < buttons.length; i += SLACK.perActions) {
    actions.push({ type: 'actions', elements: buttons.slice(i, i + SLACK.perActions).map((b, j) => buttonElement(b, i + j)) });
  }

  // Keep buttons; cut text blocks if the message would exceed 50 blocks.
  const room = SLACK.blocks - actions.length;
  if (blocks.length > room) {
    blocks.length = room - 1;
    blocks.push({ type: 'context', elements: [mrkdwn('… (cut to fit Slack’s message size)')] } satisfies ContextBlock);
  }
  blocks.push(...actions);

  const fallback = truncate([reply.title ? `*${escapeSlack(reply.title)}*` : '', body].filter(Boolean).join('\n'), SLACK.fallbackText) || ' ';
  return { text: fallback, blocks };
}
