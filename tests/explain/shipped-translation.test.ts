import { describe, expect, it } from 'vitest';
import { explain } from '../../commands/explain.ts';
import { dispatchLine } from '../../src/core/dispatch.ts';
import { Registry } from '../../src/core/registry.ts';
import { attentionLines, modelAvailable, realRun } from '../../src/explain/shipped-translation.ts';

const registry = new Registry([explain]);
const ctx = { platform: 'test' as const, userId: 'u', userName: 'u', channelId: 'c' };

describe('real translation runs in the explainers', () => {
  it('lists, per output word, the two input words it attended to most', () => {
    const lines = attentionLines({
      model: 'attention',
      english: "don't eat",
      source: ["don't", 'eat'],
      tokens: ['no', 'comas', '<EOS>'],
      text: 'No comas.',
      attention: [
        [0.9, 0.1],
        [0.2, 0.8],
        [0.5, 0.5],
      ],
    }).split('\n');
    expect(lines[0]).toBe("no         ← don't 90%, eat 10%");
    expect(lines[1]).toBe("comas      ← eat 80%, don't 20%");
    expect(lines).toHaveLength(3);
  });

  it('shows a trained model’s output only when one is shipped, and then exactly what it produced', async () => {
    const deep = await dispatchLine(registry, '/explain topic:attention depth:deep', ctx);
    const fields = deep.reply.fields!.map((f) => `${f.name}: ${f.value}`).join('\n');
    const kind = (await modelAvailable('attention')) ? 'attention' : (await modelAvailable('transformer')) ? 'transformer' : undefined;
    if (!kind) {
      expect(fields).toContain('does not invent it');
      return;
    }
    const run = await realRun(kind);
    expect(run).toBeDefined();
    expect(fields).toContain(`"${run!.english}" → **${run!.text}**`);
  });
});
