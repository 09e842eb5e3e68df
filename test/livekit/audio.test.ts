import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { concatSamples } from '../../pipelines/audio/wav-write.js';
import { synthesize, tempDir } from '../audio/speech-fixtures.js';
import { liveKitE2e, roomName, useLiveKit } from './suite.js';
import { rms, TestParticipant, waitFor } from './test-participant.js';

const SPEECH_RMS = 300; // flite speech is ~2000-4000; Opus comfort noise stays far below 100
const tmp = tempDir('kefu-livekit-');
afterAll(() => tmp.remove());

describe.skipIf(!liveKitE2e)('LiveKit audio through the test server', () => {
  const target = useLiveKit();

  it('forwards synthesized speech from one rtc-node participant to another', async () => {
    const wav = synthesize(
      'I want a refund for order 4417, the kettle arrived broken.',
      join(tmp.dir, 'complaint.wav'),
    );
    const room = roomName('audio');
    const joinStarted = Date.now();
    const customer = await TestParticipant.join(target(), {
      identity: 'customer',
      room,
      attributes: { role: 'customer' },
    });
    const merchant = await TestParticipant.join(target(), {
      identity: 'merchant',
      room,
      attributes: { role: 'merchant' },
    });
    const joinMs = (Date.now() - joinStarted) / 2;
    try {
      await customer.publishMicrophone();
      const heard = await merchant.listen('customer');
      const spoken = customer.speak(wav);

      let loudMs = 0;
      let firstLoudAt = 0;
      const loud: Int16Array[] = [];
      for await (const frame of heard) {
        if (rms(frame.data) < SPEECH_RMS) continue;
        firstLoudAt ||= Date.now();
        loud.push(frame.data);
        loudMs += (frame.samplesPerChannel / frame.sampleRate) * 1000;
        if (loudMs >= 1000) break;
      }
      const { capturedAt } = await spoken;

      expect(loudMs).toBeGreaterThanOrEqual(1000);
      expect(rms(concatSamples(loud))).toBeGreaterThan(SPEECH_RMS * 2);
      const latencyMs = firstLoudAt - (capturedAt[0] ?? 0);
      expect(latencyMs).toBeLessThan(1500);
      console.info(
        `[livekit e2e] ${target().kind}: join ${joinMs.toFixed(0)} ms per participant, first speech heard ${latencyMs} ms after capture`,
      );
    } finally {
      await merchant.leave();
      await customer.leave();
    }
  });

  it('forwards a track to a participant without auto-subscribe only once it subscribes', async () => {
    const room = roomName('subscribe');
    const customer = await TestParticipant.join(target(), { identity: 'customer', room });
    const bot = await TestParticipant.join(target(), { identity: 'bot', room, kind: 'agent', autoSubscribe: false });
    try {
      await customer.publishMicrophone();
      const remote = await waitFor(() => bot.room.remoteParticipants.get('customer'), 5000, 'customer to appear');
      const publication = await waitFor(
        () => [...remote.trackPublications.values()][0],
        5000,
        'the track to be announced',
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(publication.subscribed).toBe(false);

      publication.setSubscribed(true);
      const heard = await bot.listen('customer');
      const spoken = customer.speak(synthesize('Hello?', join(tmp.dir, 'hello.wav')));
      for await (const frame of heard) if (rms(frame.data) > SPEECH_RMS) break;
      await spoken;
    } finally {
      await Promise.all([bot.leave(), customer.leave()]);
    }
  });
});
