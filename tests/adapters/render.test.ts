// Text conversion and splitting shared by the adapters.
import type { KnownBlock } from '@slack/types';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { splitText } from '../../src/adapters/split.ts';
import { escapeSlack, toMrkdwn } from '../../src/adapters/slack/mrkdwn.ts';
import { renderSlack } from '../../src/adapters/slack/blocks.ts';
import { renderDiscord } from '../../src/adapters/discord/render.ts';
import { escapeMarkdown } from '../../src/core/reply.ts';

describe('neutral markdown → Slack mrkdwn', () => {
  it('converts bold, italic and lists, and leaves code alone', () => {
    expect(toMrkdwn('**bold** and *it*\n- one\n- two')).toBe('*bold* and _it_\n• one\n• two');
    expect(toMrkdwn('`a**b** < c` and ```\nx *y* & z\n```')).toBe('`a**b** &lt; c` and ```\nx *y* &amp; z\n```');
  });

  it('escapes &, < and > everywhere, so nothing can become a mention or link', () => {
    expect(escapeSlack('<!channel> <@U1> <https://evil|click> & more')).toBe('&lt;!channel&gt; &lt;@U1&gt; &lt;https://evil|click&gt; &amp; more');
    expect(toMrkdwn('<!here>')).toBe('&lt;!here&gt;');
  });

  it('turns escaped markdown into look-alikes instead of formatting', () => {
    expect(toMrkdwn(escapeMarkdown('*not italic* _x_'))).toBe('∗not italic∗ ˍxˍ');
  });
});

describe('splitText', () => {
  it('splits at lines within the limit and keeps code fences balanced', () => {
    const text = ['intro', '```', ...Array.from({ length: 50 }, (_, i) => `code line ${i}`), '```', 'outro'].join('\n');
    const chunks = splitText(text, 200);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(200);
      expect((c.match(/```/g) ?? []).length % 2).toBe(0);
    }
    expect(chunks.join('\n').replace(/\n```\n```/g, '')).toBe(text);
  });

  it('cuts a single very long line at spaces', () => {
    const chunks = splitText('word '.repeat(1000).trim(), 500);
    expect(chunks.every((c) => c.length <= 500)).toBe(true);
    expect(chunks.join(' ').split(' ')).toHaveLength(1000);
  });
});

describe('limits', () => {
  it('Discord: a 25-button reply becomes 5 rows of 5; more are dropped; over-long ids are skipped', () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({ id: `x:${i}`, label: 'L'.repeat(100) }));
    buttons[3].id = `x:${'y'.repeat(120)}`;
    const { first } = renderDiscord({ text: 'hi', buttons });
    expect(first.components.map((r) => r.components.length)).toEqual([5, 5, 5, 5, 5]);
    expect(first.components.flat().flatMap((r) => r.components).every((b) => (b as any).label.length <= 80 && (b as any).custom_id.length <= 100)).toBe(true);
  });

  it('Slack: a huge reply is cut to 50 blocks, keeping its buttons', () => {
    const msg = renderSlack({ text: Array.from({ length: 3000 }, (_, i) => `line ${i} ${'z'.repeat(40)}`).join('\n'), buttons: [{ id: 'a:1', label: 'Again' }] });
    expect(msg.blocks).toHaveLength(50);
    expect(msg.blocks.at(-1)!.type).toBe('actions');
    expect(msg.text.length).toBeLessThanOrEqual(3000);
  });
});

describe('Slack blocks are typed by @slack/types', () => {
  it('renders KnownBlock[] (tsc checks them; no casts in the adapter)', () => {
    const { blocks } = renderSlack({ title: 'T', text: 'x', buttons: [{ id: 'a:1', label: 'A' }] });
    expectTypeOf(blocks).toEqualTypeOf<KnownBlock[]>();
    const typed: KnownBlock[] = blocks;
    expect(typed.map((b) => b.type)).toEqual(['section', 'section', 'actions']);
  });
});
