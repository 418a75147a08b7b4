// /translate animate:true leads with an animated GIF of the decoding (one frame per written word).
import { describe, expect, it } from 'vitest';
import { translate } from '../../commands/translate.ts';
import type { RequestContext } from '../../src/core/command.ts';
import { dispatchLine } from '../../src/core/dispatch.ts';
import { Registry } from '../../src/core/registry.ts';
import { availableModels } from '../../src/nn/translate/infer/service.ts';
import { gifFrames } from '../render/gif-parse.ts';

const ctx: RequestContext = { platform: 'test', userId: 'u1', userName: 'Ada', channelId: 'c1' };
const registry = new Registry([translate]);

describe('/translate animate:true', () => {
  it('leads with a GIF of one frame per output word, then the heatmap', async (t) => {
    if (!(await availableModels()).includes('transformer')) t.skip(); // the shipped transformer is committed; skipped only on a checkout without models
    const out = await dispatchLine(registry, "/translate text:let's go to the beach model:transformer animate:true", ctx);
    expect(out.status).toBe('ok');
    const [gif, chart] = out.reply.images!;
    expect(gif!.filename).toMatch(/\.gif$/);
    expect(chart!.filename).toMatch(/\.png$/);
    const parsed = gifFrames(gif!.data);
    expect(out.reply.images).toHaveLength(2);
    expect(parsed.frames).toBeGreaterThanOrEqual(3);
    expect(parsed.width).toBe(640);
  });

  it('without animate the reply has no GIF', async () => {
    const out = await dispatchLine(registry, "/translate text:let's go", ctx);
    for (const img of out.reply.images ?? []) expect(img.filename).not.toMatch(/\.gif$/);
  });
});
