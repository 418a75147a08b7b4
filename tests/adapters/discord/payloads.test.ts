// Rendered messages checked by the strict stand-in's validator (Discord's spec + documented limits)
// without a client: the embed budget with many images, and the Outbox's REST body.
import { describe, expect, it } from 'vitest';
import { renderDiscord } from '../../../src/adapters/discord/render.ts';
import { restMessage } from '../../../src/adapters/discord/rest-message.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { validateDiscordBody } from '../../standins/discord-spec.ts';
import { png } from '../fixtures.ts';

const withAlt = (name: string, alt: string) => ({ ...png(name), alt });
const lines = (n: number, width: number) => Array.from({ length: n }, (_, i) => `line ${i} `.padEnd(width, 'x')).join('\n');

const CASES: [string, Reply][] = [
  ['a full description and ten images with long alt texts', { title: 'T'.repeat(256), text: 'd'.repeat(4096), images: Array.from({ length: 10 }, (_, i) => withAlt(`c${i}.png`, 'a'.repeat(1000))) }],
  [
    'everything at once',
    {
      title: 'T'.repeat(400),
      text: lines(300, 60),
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `n${i}`.padEnd(300, 'n'), value: 'v'.repeat(1100) })),
      images: Array.from({ length: 12 }, (_, i) => withAlt(`c ${i}.png`, 'alt '.repeat(400))),
      buttons: Array.from({ length: 30 }, (_, i) => ({ id: `x:${i}`, label: 'L'.repeat(100) })),
    },
  ],
  ['long fields and two images', { title: 'Fields', text: 'short', fields: Array.from({ length: 25 }, (_, i) => ({ name: `f${i}`, value: 'v'.repeat(1024) })), images: [png('a.png'), png('b.png')] }],
];

describe('Discord payloads against the spec', () => {
  it.each(CASES)('%s: every message is valid, as a channel post and as an interaction reply', (_what, reply) => {
    const { first, followUps } = renderDiscord(reply);
    for (const m of [first, ...followUps]) {
      const { body } = restMessage(m);
      expect(validateDiscordBody('POST', '/channels/1/messages', body)).toBeUndefined();
      expect(validateDiscordBody('POST', '/interactions/1/t/callback', { type: 4, data: body })).toBeUndefined();
    }
  });

  it('keeps all of the text when the embed budget pushes description into follow-ups', () => {
    const text = lines(60, 70); // ~4,300 characters: the description is full
    const reply: Reply = { title: 'T'.repeat(256), text, images: Array.from({ length: 10 }, (_, i) => withAlt(`c${i}.png`, 'a'.repeat(300))) };
    const { first, followUps } = renderDiscord(reply);
    const all = [first.embeds[0].description ?? '', ...followUps.map((f) => f.content ?? '')].join('\n');
    for (let i = 0; i < 60; i++) expect(all).toContain(`line ${i} `);
    expect(first.embeds).toHaveLength(10);
  });

  it('gives the Outbox string attachment ids (the spec’s SnowflakeType), one per file', () => {
    const { first } = renderDiscord({ text: 'chart', images: [png('a.png'), png('b.png')] });
    const { body, files } = restMessage(first);
    expect(body.attachments).toEqual([
      { id: '0', filename: 'a.png', description: 'a chart called a.png' },
      { id: '1', filename: 'b.png', description: 'a chart called b.png' },
    ]);
    expect(files.map((f) => f.name)).toEqual(['a.png', 'b.png']);
  });
});
