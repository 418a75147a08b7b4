// The stand-in itself: the real discord.js Client connects, gets interactions, and its answers are recorded.
import { AttachmentBuilder, Client, Events, GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordStandIn, STANDIN_TOKEN } from './discord.ts';
import { waitUntil } from './http.ts';

describe('Discord stand-in with the real discord.js client', () => {
  let standIn: DiscordStandIn;
  let client: Client;

  beforeAll(async () => {
    standIn = await DiscordStandIn.start();
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standIn.apiBase } });
    client.on(Events.InteractionCreate, async (i) => {
      if (!i.isChatInputCommand()) return;
      const png = new AttachmentBuilder(Buffer.from([137, 80, 78, 71]), { name: 'x.png' });
      if (i.commandName === 'slow') {
        await i.deferReply();
        await i.editReply({ content: 'done', files: [png] });
      } else await i.reply({ content: `hi ${i.options.getString('who') ?? ''}`, files: [png] });
    });
    const ready = new Promise((r) => client.once(Events.ClientReady, r));
    await client.login(STANDIN_TOKEN);
    await ready;
  });

  afterAll(async () => {
    await client.destroy();
    await standIn.close();
  });

  it('identifies with the Guilds intent only', () => {
    expect(standIn.identifies[0].intents).toBe(GatewayIntentBits.Guilds);
  });

  it('records an immediate reply with its multipart file', async () => {
    const sent = standIn.sendCommand('hello', [{ name: 'who', type: 3, value: 'bob' }]);
    const [cb] = await standIn.waitResponses(sent, (r) => r.length >= 1);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.content).toBe('hi bob');
    expect(cb.files.map((f) => f.filename)).toEqual(['x.png']);
  });

  it('records a defer then an edit of @original', async () => {
    const sent = standIn.sendCommand('slow');
    const r = await standIn.waitResponses(sent, (r) => r.length >= 2);
    expect(r[0].body.type).toBe(5);
    expect(r[1].method).toBe('PATCH');
    expect(r[1].path.endsWith('/messages/@original')).toBe(true);
    expect(r[1].files).toHaveLength(1);
  });

  it('resumes after a dropped gateway connection and keeps serving', async () => {
    standIn.dropConnection(4000);
    await waitUntil(() => (standIn.resumes.length > 0 && standIn.connected ? true : undefined), 8000, 'resume');
    expect(standIn.identifies).toHaveLength(1);
    const sent = standIn.sendCommand('hello', [{ name: 'who', type: 3, value: 'again' }]);
    const [cb] = await standIn.waitResponses(sent, (r) => r.length >= 1);
    expect(cb.body.data.content).toBe('hi again');
  });
});
