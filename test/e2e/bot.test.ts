import { ParticipantKind } from '@livekit/rtc-node';
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { startCall } from '../../agent/control-plane.js';
import { COPILOT_TOPIC, CopilotMessageSchema, TRANSCRIPTION_TOPIC } from '../../core/copilot.js';
import { tempDir } from '../audio/speech-fixtures.js';
import { liveKitE2e, roomName, useLiveKit } from '../livekit/suite.js';
import { TestParticipant, waitFor } from '../livekit/test-participant.js';
import { BUYER, callAudio, MERCHANT, ORDER_ID, startAgent } from './harness.js';
import { useBotDatabase } from './bot-database.js';

const messages = (p: TestParticipant) =>
  p.textsOn(COPILOT_TOPIC).map((t) => CopilotMessageSchema.parse(JSON.parse(t.text)).event);

describe.skipIf(!liveKitE2e)('the bot on a call', () => {
  const target = useLiveKit();
  const db = useBotDatabase();
  const tmp = tempDir('kefu-bot-e2e-');
  afterAll(() => tmp.remove());

  it('hears both sides, coaches the merchant only, and stores the call', async () => {
    const audio = callAudio(tmp.dir);
    const agentName = roomName('bot');
    const livekit = { url: target().url, apiKey: target().apiKey, apiSecret: target().apiSecret, agentName };
    const call = await db.withSql((sql) =>
      startCall({ sql, livekit }, { merchantId: MERCHANT.id, buyerId: BUYER, orderIds: [ORDER_ID], language: 'en' }),
    );
    // Dispatched before any worker runs: the job waits for one, as on LiveKit.
    const agent = await startAgent(target(), db.url(), agentName, 18_081);
    const merchant = await TestParticipant.joinWithToken(call.url, call.merchant.token);
    const customer = await TestParticipant.joinWithToken(call.url, call.customer.token);
    try {
      await Promise.all([merchant.publishMicrophone(), customer.publishMicrophone()]);
      const bot = await waitFor(
        () => [...merchant.room.remoteParticipants.values()].find((p) => p.kind === ParticipantKind.AGENT),
        30_000,
        'the bot joining',
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));

      await customer.speak(audio.complaint);
      await waitFor(
        () => messages(merchant).some((e) => e.type === 'suggestions.created'),
        30_000,
        'a suggestion at the merchant',
      );
      await customer.speak(audio.followUp);
      await merchant.speak(audio.offPlatform);
      await waitFor(
        () => messages(merchant).some((e) => e.type === 'coaching.warning'),
        30_000,
        'a coaching warning at the merchant',
      );
      await waitFor(
        () => messages(merchant).some((e) => e.type === 'refund_options.created'),
        15_000,
        'refund options at the merchant',
      );

      const transcript = merchant.textsOn(TRANSCRIPTION_TOPIC);
      expect(transcript.some((t) => t.attributes['lk.transcription_final'] === 'true')).toBe(true);
      expect(transcript.some((t) => t.attributes['lk.transcription_final'] === 'false')).toBe(true);
      expect(new Set(transcript.map((t) => t.attributes['kefu.speaker']))).toEqual(new Set(['customer', 'merchant']));
      expect(
        transcript.every(
          (t) => t.from === bot.identity && t.attributes['lk.segment_id'] && t.attributes['lk.transcribed_track_id'],
        ),
      ).toBe(true);
      const coaching = messages(merchant).find((e) => e.type === 'coaching.warning');
      expect(coaching).toMatchObject({ category: 'off_platform_payment' });
      // The buyer hears the merchant but never the bot's transcript or coaching.
      expect(customer.texts).toEqual([]);
      expect(customer.data.filter((d) => d.from === bot.identity)).toEqual([]);

      const suggestion = messages(merchant).flatMap((e) => (e.type === 'suggestions.created' ? e.suggestions : []))[0]!;
      await merchant.room.localParticipant!.sendText(
        JSON.stringify({ v: 1, type: 'suggestion.used', suggestionId: suggestion.id }),
        {
          topic: COPILOT_TOPIC,
          destinationIdentities: [bot.identity],
        },
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
    } finally {
      await Promise.all([merchant.leave(), customer.leave()]);
      await new RoomServiceClient(livekit.url, livekit.apiKey, livekit.apiSecret).deleteRoom(call.room).catch(() => {});
    }

    const stored = await db.withSql(async (sql) => {
      // The job ends the call (summary, cases) after the room closes; connections to the embedded
      // database take turns, so wait for that instead of assuming the job has finished.
      const ended = Date.now() + 60_000;
      let row: { status: string; summary: unknown } | undefined;
      for (;;) {
        [row] = await sql<
          { status: string; summary: unknown }[]
        >`select status, summary from calls where id = ${call.callId}`;
        if (row?.status === 'ended' || Date.now() > ended) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return {
        call: row,
        speakers: (
          await sql<{ speaker: string }[]>`select distinct speaker from utterances where call_id = ${call.callId}`
        ).map((r) => r.speaker),
        notes: (await sql<{ kind: string }[]>`select kind from call_notes where call_id = ${call.callId}`).map(
          (r) => r.kind,
        ),
        flags: (await sql<{ category: string }[]>`select category from flags where call_id = ${call.callId}`).map(
          (r) => r.category,
        ),
        feedback: (
          await sql<
            { action: string }[]
          >`select f.action from suggestion_feedback f join suggestions s on s.id = f.suggestion_id where s.call_id = ${call.callId}`
        ).map((r) => r.action),
        participants: (
          await sql<{ role: string }[]>`select distinct role from call_participants where call_id = ${call.callId}`
        ).map((r) => r.role),
      };
    });
    await agent.stop();
    expect(stored.call).toMatchObject({ status: 'ended' });
    expect(stored.speakers.sort()).toEqual(['customer', 'merchant']);
    expect(stored.notes.length).toBeGreaterThan(0);
    expect(stored.flags).toContain('off_platform_payment');
    expect(stored.feedback).toEqual(['used']);
    expect(stored.participants.sort()).toEqual(['customer', 'merchant']);
  }, 180_000);
});
