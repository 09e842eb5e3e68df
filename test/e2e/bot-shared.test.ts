import { ParticipantKind } from '@livekit/rtc-node';
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { startCall } from '../../agent/control-plane.js';
import { loadConfig } from '../../core/config.js';
import { COPILOT_TOPIC, CopilotMessageSchema } from '../../core/copilot.js';
import { tempDir } from '../audio/speech-fixtures.js';
import { liveKitE2e, roomName, useLiveKit } from '../livekit/suite.js';
import { TestParticipant, waitFor } from '../livekit/test-participant.js';
import { useBotDatabase } from './bot-database.js';
import { BUYER, callAudio, MERCHANT, ORDER_ID, REPLY_EVENTS, startAgent } from './harness.js';

const suggested = (p: TestParticipant) =>
  p
    .textsOn(COPILOT_TOPIC)
    .some((t) => REPLY_EVENTS.includes(CopilotMessageSchema.parse(JSON.parse(t.text)).event.type));

// Decision 0203: with KEFU_BOT_EXECUTOR=shared the worker hosts its calls itself, side by side.
describe.skipIf(!liveKitE2e)('the bot hosting calls in its own process', () => {
  const target = useLiveKit();
  const db = useBotDatabase();
  const tmp = tempDir('kefu-bot-shared-');
  afterAll(() => tmp.remove());

  it('hears two calls at once in the worker process and stores both', async () => {
    const audio = callAudio(tmp.dir);
    const agentName = roomName('shared');
    const livekit = { url: target().url, apiKey: target().apiKey, apiSecret: target().apiSecret, agentName };
    const agent = await startAgent(target(), db.url(), agentName, 18_084, { KEFU_BOT_EXECUTOR: 'shared' });
    const parties: TestParticipant[] = [];
    try {
      const calls: {
        call: Awaited<ReturnType<typeof startCall>>;
        merchant: TestParticipant;
        customer: TestParticipant;
      }[] = [];
      for (let i = 0; i < 2; i++) {
        const call = await db.withSql((sql) =>
          startCall(
            { sql, livekit, recording: loadConfig({ KEFU_RECORDING: 'false' }).recording },
            { merchantId: MERCHANT.id, buyerId: BUYER, orderIds: [ORDER_ID], language: 'en' },
          ),
        );
        const merchant = await TestParticipant.joinWithToken(call.url, call.merchant.token);
        const customer = await TestParticipant.joinWithToken(call.url, call.customer.token);
        parties.push(merchant, customer);
        await customer.publishMicrophone();
        const bot = () => [...merchant.room.remoteParticipants.values()].some((p) => p.kind === ParticipantKind.AGENT);
        await waitFor(bot, 60_000, `the bot joining call ${i + 1}`);
        calls.push({ call, merchant, customer });
      }
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await Promise.all(calls.map((c) => c.customer.speak(audio.complaint)));
      for (const [i, c] of calls.entries())
        await waitFor(() => suggested(c.merchant), 45_000, `a suggestion in call ${i + 1}:\n${agent.tail()}`);

      // Both calls ran in the worker itself: their log lines carry its pid, and no job process was forked.
      const starting = agent
        .tail(2000)
        .split('\n')
        .filter((l) => /"msg":"call [0-9a-f-]+: starting"/.test(l))
        .map((l) => (JSON.parse(l) as { pid: number }).pid);
      expect(starting).toEqual([agent.pid, agent.pid]);

      await Promise.all(parties.map((p) => p.leave()));
      const rooms = new RoomServiceClient(livekit.url, livekit.apiKey, livekit.apiSecret);
      for (const c of calls) await rooms.deleteRoom(c.call.room);
      const stored = await db.withSql(async (sql) => {
        const ids = calls.map((c) => c.call.callId);
        const until = Date.now() + 60_000;
        while (Date.now() < until) {
          const [row] = await sql<{ n: number }[]>`
            select count(*)::int as n from calls where id = any(${ids}) and status = 'ended'`;
          if (row?.n === ids.length) break;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        return sql<{ id: string; status: string; utterances: number; suggestions: number }[]>`
          select c.id, c.status,
                 (select count(*)::int from utterances u where u.call_id = c.id) as utterances,
                 (select count(*)::int from suggestions s where s.call_id = c.id) as suggestions
          from calls c where c.id = any(${ids})`;
      });
      expect(stored).toHaveLength(2);
      for (const row of stored) {
        expect(row.status).toBe('ended');
        expect(row.utterances).toBeGreaterThan(0);
        expect(row.suggestions).toBeGreaterThan(0);
      }
    } finally {
      await Promise.all(parties.map((p) => p.leave())).catch(() => {});
      await agent.stop();
    }
  }, 240_000);
});
