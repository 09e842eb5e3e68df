import { ParticipantKind } from '@livekit/rtc-node';
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { startCall } from '../../agent/control-plane.js';
import { join } from 'node:path';
import {
  CallNoticeSchema,
  COPILOT_TOPIC,
  CopilotMessageSchema,
  NOTICE_TOPIC,
  PARTICIPANT_ATTRIBUTES,
  TRANSCRIPTION_TOPIC,
} from '../../core/copilot.js';
import { loadConfig } from '../../core/config.js';
import { listAudioSegments } from '../../db/queries/audio.js';
import { buildClip } from '../../pipelines/recording/clip.js';
import { localAudioStore } from '../../pipelines/recording/local-store.js';
import { tempDir } from '../audio/speech-fixtures.js';
import { liveKitE2e, roomName, useLiveKit } from '../livekit/suite.js';
import { TestParticipant, waitFor } from '../livekit/test-participant.js';
import { BUYER, callAudio, MERCHANT, ORDER_ID, REPLY_EVENTS, startAgent } from './harness.js';
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
    const audioDir = join(tmp.dir, 'audio');
    const recording = loadConfig({ KEFU_AUDIO_DIR: audioDir }).recording;
    const call = await db.withSql((sql) =>
      startCall(
        { sql, livekit, recording },
        { merchantId: MERCHANT.id, buyerId: BUYER, orderIds: [ORDER_ID], language: 'en' },
      ),
    );
    // Dispatched before any worker runs: the job waits for one, as on LiveKit.
    const agent = await startAgent(target(), db.url(), agentName, 18_081, {
      KEFU_RECORDING: 'true',
      KEFU_AUDIO_DIR: audioDir,
    });
    const merchant = await TestParticipant.joinWithToken(call.url, call.merchant.token);
    const customer = await TestParticipant.joinWithToken(call.url, call.customer.token);
    try {
      await Promise.all([merchant.publishMicrophone(), customer.publishMicrophone()]);
      const bot = await waitFor(
        () => [...merchant.room.remoteParticipants.values()].find((p) => p.kind === ParticipantKind.AGENT),
        90_000,
        'the bot joining',
      ).catch((err: Error) => {
        throw new Error(`${err.message}; the bot said:\n${agent.tail()}`);
      });
      await new Promise((resolve) => setTimeout(resolve, 1500));

      // What the bot heard and said decides where a miss lies: speech, the rules, or delivery.
      const heard = () =>
        merchant
          .textsOn(TRANSCRIPTION_TOPIC)
          .filter((t) => t.attributes['lk.transcription_final'] === 'true')
          .map((t) => `  ${t.attributes['kefu.speaker']}: ${t.text}`)
          .join('\n');
      const explained = (err: Error) => {
        throw new Error(`${err.message}; finals heard:\n${heard()}\nthe bot said:\n${agent.tail(60)}`);
      };
      await customer.speak(audio.complaint);
      await waitFor(
        () => messages(merchant).some((e) => REPLY_EVENTS.includes(e.type)),
        30_000,
        'a suggestion at the merchant',
      ).catch(explained);
      await customer.speak(audio.followUp);
      await merchant.speak(audio.offPlatform);
      // The merchant's line is two violations (pay me directly, add me on WeChat); speech may end
      // the utterance between them, so the two warnings can come in either order.
      const paymentCoaching = () =>
        messages(merchant).find((e) => e.type === 'coaching.warning' && e.category === 'off_platform_payment');
      await waitFor(() => paymentCoaching() !== undefined, 30_000, 'a payment coaching warning at the merchant').catch(
        explained,
      );
      await waitFor(
        () => messages(merchant).some((e) => e.type === 'refund_options.created'),
        15_000,
        'refund options at the merchant',
      ).catch(explained);

      // Replies sent early on the customer's interim words (decision 0495): each is settled by its
      // final — confirmed or withdrawn — after it was sent, and none is left open.
      const events = messages(merchant);
      const early = events.flatMap((e, i) =>
        e.type === 'suggestions.provisional' ? e.suggestions.map((s) => ({ id: s.id, at: i })) : [],
      );
      expect(early.length).toBeGreaterThan(0);
      const settledAt = (id: string) =>
        messages(merchant).findIndex(
          (e) =>
            (e.type === 'suggestions.confirmed' || e.type === 'suggestions.withdrawn') && e.suggestionIds.includes(id),
        );
      await waitFor(() => early.every((s) => settledAt(s.id) >= 0), 15_000, 'every provisional reply settled').catch(
        explained,
      );
      for (const s of early) expect(settledAt(s.id)).toBeGreaterThan(s.at);

      const transcript = merchant.textsOn(TRANSCRIPTION_TOPIC);
      expect(transcript.some((t) => t.attributes['lk.transcription_final'] === 'true')).toBe(true);
      expect(transcript.some((t) => t.attributes['lk.transcription_final'] === 'false')).toBe(true);
      expect(new Set(transcript.map((t) => t.attributes['kefu.speaker']))).toEqual(new Set(['customer', 'merchant']));
      expect(
        transcript.every(
          (t) => t.from === bot.identity && t.attributes['lk.segment_id'] && t.attributes['lk.transcribed_track_id'],
        ),
      ).toBe(true);
      // Both sides are told the call is recorded: in their join token, and by the bot — in its
      // attributes (state every participant receives) and in a message on joining, which says the same.
      const told = { v: 1, type: 'recording', recording: true, retentionDays: 90 };
      for (const side of [merchant, customer]) {
        expect(side.room.localParticipant!.attributes[PARTICIPANT_ATTRIBUTES.recording]).toBe('on');
        const botSeen = side.room.remoteParticipants.get(bot.identity)!;
        expect(CallNoticeSchema.parse(JSON.parse(botSeen.attributes[PARTICIPANT_ATTRIBUTES.notice] ?? 'null'))).toEqual(
          told,
        );
        const notices = side.textsOn(NOTICE_TOPIC).map((t) => CallNoticeSchema.parse(JSON.parse(t.text)));
        expect(notices.every((n) => JSON.stringify(n) === JSON.stringify(told))).toBe(true);
      }
      // The message reached at least one side (a lost one is logged by the bot; the attribute stands).
      expect([merchant, customer].some((side) => side.textsOn(NOTICE_TOPIC).length > 0)).toBe(true);
      // The buyer hears the merchant but never the bot's transcript or coaching.
      expect(customer.texts.filter((t) => t.topic !== NOTICE_TOPIC)).toEqual([]);
      expect(customer.data.filter((d) => d.from === bot.identity)).toEqual([]);

      const suggestion = messages(merchant).flatMap((e) =>
        REPLY_EVENTS.includes(e.type) && 'suggestions' in e ? e.suggestions : [],
      )[0]!;
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
        audio: await listAudioSegments(sql, call.callId, { fromMs: 0, toMs: 3_600_000 }),
        flagAt: (
          await sql<{ startMs: number; endMs: number }[]>`
            select u.start_ms, u.end_ms from flags f join utterances u on u.id = f.utterance_id
            where f.call_id = ${call.callId} and f.category = 'off_platform_payment' limit 1`
        )[0],
        steps: await sql<{ state: string }[]>`
          select t.state from suggestion_states t join suggestions s on s.id = t.suggestion_id
          where s.call_id = ${call.callId} order by t.id`,
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
    // The trail holds each provisional reply's steps: sent, then confirmed or withdrawn.
    const steps = stored.steps.map((s) => s.state);
    expect(steps.filter((s) => s === 'provisional').length).toBeGreaterThan(0);
    expect(steps.filter((s) => s !== 'provisional').length).toBe(steps.filter((s) => s === 'provisional').length);
    expect(stored.participants.sort()).toEqual(['customer', 'merchant']);
    // The call's audio is stored per speaker, and the flag's offsets point at the merchant speaking:
    // the flagged span is loud, the quiet second the bot heard before it stays near silence.
    expect(new Set(stored.audio.map((s) => s.speakerRole))).toEqual(new Set(['customer', 'merchant']));
    const store = localAudioStore(audioDir);
    const { startMs, endMs } = stored.flagAt!;
    const merchantAudio = stored.audio.filter((s) => s.speakerRole === 'merchant');
    const rms = async (fromMs: number, toMs: number) => {
      const clip = await buildClip(
        store,
        merchantAudio.filter((s) => s.startMs < toMs && s.endMs > fromMs),
        {
          fromMs,
          toMs,
        },
      );
      return Math.sqrt(clip.samples.reduce((sum, v) => sum + v * v, 0) / Math.max(1, clip.samples.length));
    };
    const speaking = await rms(startMs, endMs);
    const before = await rms(Math.max(0, startMs - 900), startMs - 300);
    expect(speaking).toBeGreaterThan(500);
    expect(speaking).toBeGreaterThan(before * 5);
  }, 180_000);
});
