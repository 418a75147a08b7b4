// Slack retries across replicas: two Slack adapters (two replicas behind one load balancer) share
// one store, each through its own connection, as separate processes would. Slack (or a load
// balancer) sends a request again when it got no answer, possibly to the other replica: a retry of
// a request that was acked is dropped wherever it lands; a retry of one that never got its ack
// (its replica died first) is handled, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/store/sqlite.ts';
import { SlackStandIn } from '../../standins/slack.ts';
import { tempDbPath } from '../../quiz/helpers.ts';
import { fixtureCommands } from '../fixtures.ts';
import { blockTexts, startSlackHarness, type SlackHarness } from './harness.ts';

const quiet = () => new Promise((r) => setTimeout(r, 100)); // room for a wrong second answer to show up

describe('Slack retries across two replicas sharing a store', () => {
  let standIn: SlackStandIn;
  let a: SlackHarness;
  let b: SlackHarness;
  const stores: SqliteStore[] = [];
  let failClaims = false;

  beforeAll(async () => {
    standIn = await SlackStandIn.start();
    const file = tempDbPath();
    for (let i = 0; i < 2; i++) stores.push(new SqliteStore(file, { synchronous: 'NORMAL' }));
    const shared = (store: SqliteStore) => ({
      claimTrigger: (id: string, at: number) => (failClaims ? Promise.reject(new Error('database down')) : store.claimTrigger(id, at)),
    });
    a = await startSlackHarness(fixtureCommands, { standIn, shared: shared(stores[0]) });
    b = await startSlackHarness(fixtureCommands, { standIn, shared: shared(stores[1]) });
  });
  afterAll(async () => {
    await a.stop();
    await b.stop();
    for (const s of stores) await s.close();
    await standIn.close();
  });

  it('drops a retry of an acked command on the other replica, and a plain repeat on either', async () => {
    const { payload, sent } = standIn.commandPayload('/echo', 'once');
    expect((await standIn.postSigned(a.adapter.url!, payload, sent)).status).toBe(200);
    await a.settle(sent);
    const retry = await standIn.postSigned(b.adapter.url!, payload, { ...sent }, { retryNum: 1 });
    expect(retry.status).toBe(200);
    const repeat = await standIn.postSigned(b.adapter.url!, payload, { ...sent });
    expect(repeat.status).toBe(200);
    const back = await standIn.postSigned(a.adapter.url!, payload, { ...sent }, { retryNum: 2 });
    expect(back.status).toBe(200);
    await quiet();
    expect(standIn.responsesTo(sent)).toHaveLength(1);
    expect(b.settled.has(payload.trigger_id)).toBe(false);
  });

  it('handles a retry whose original never got its ack, once', async () => {
    // The original went to a replica that died before acking it: nothing was claimed.
    const { payload, sent } = standIn.commandPayload('/echo', 'lost original');
    expect((await standIn.postSigned(b.adapter.url!, payload, sent, { retryNum: 1 })).status).toBe(200);
    const responses = await b.settle(sent);
    expect(blockTexts(responses[0].body.blocks)).toEqual(['You said: lost original']);
    expect((await standIn.postSigned(a.adapter.url!, payload, { ...sent }, { retryNum: 2 })).status).toBe(200);
    await quiet();
    expect(standIn.responsesTo(sent)).toHaveLength(1);
  });

  it('acks a retried slow command without a second "working" note', async () => {
    const { payload, sent } = standIn.commandPayload('/slowchart', '');
    await standIn.postSigned(a.adapter.url!, payload, sent);
    expect(JSON.parse(sent.ackBody!)).toMatchObject({ text: expect.stringContaining('Working on it') });
    const retry = await standIn.postSigned(b.adapter.url!, payload, { ...sent }, { retryNum: 1 });
    expect(retry.status).toBe(200);
    expect(retry.ackBody).toBe('');
    await a.settle(sent);
    await quiet();
    expect(standIn.responsesTo(sent)).toHaveLength(1);
  });

  it('drops a button click delivered to both replicas at once but on one', async () => {
    const { payload, sent } = standIn.actionPayload('nn:0:chart:1', 'chart:1');
    const form = { payload: JSON.stringify(payload) };
    const [x, y] = await Promise.all([standIn.postSigned(a.adapter.url!, form, sent), standIn.postSigned(b.adapter.url!, form, { ...sent }, { retryNum: 1 })]);
    expect([x.status, y.status]).toEqual([200, 200]);
    await standIn.waitFor(() => (standIn.responsesTo(sent).length ? true : undefined), 8000);
    await quiet();
    expect(standIn.responsesTo(sent)).toHaveLength(1);
  });

  it('answers when the store cannot be asked (this replica remembers the id itself)', async () => {
    failClaims = true;
    try {
      const { payload, sent } = standIn.commandPayload('/echo', 'db down');
      await standIn.postSigned(a.adapter.url!, payload, sent);
      await a.settle(sent);
      // The same replica still drops its own repeat.
      await standIn.postSigned(a.adapter.url!, payload, { ...sent }, { retryNum: 1 });
      await quiet();
      expect(standIn.responsesTo(sent)).toHaveLength(1);
    } finally {
      failClaims = false;
    }
  });
});
