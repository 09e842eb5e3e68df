import { join } from 'node:path';
import type { AudioStream } from '@livekit/rtc-node';
import { afterAll, describe, expect, it } from 'vitest';
import { synthesize, tempDir } from '../audio/speech-fixtures.js';
import { liveKitE2e, roomName, useLiveKit } from './suite.js';
import { rms, TestParticipant, waitFor } from './test-participant.js';

const tmp = tempDir('kefu-livekit-');
afterAll(() => tmp.remove());

async function hearsSpeech(stream: AudioStream): Promise<boolean> {
  for await (const frame of stream) if (rms(frame.data) > 300) return true;
  return false;
}

describe.skipIf(!liveKitE2e)('LiveKit presence through the test server', () => {
  const target = useLiveKit();

  it('tells the others when a participant leaves and rejoins, and forwards its new track', async () => {
    const room = roomName('presence');
    const merchant = await TestParticipant.join(target(), {
      identity: 'merchant',
      room,
      attributes: { role: 'merchant' },
    });
    let customer = await TestParticipant.join(target(), {
      identity: 'customer',
      room,
      attributes: { role: 'customer', orderIds: '4417' },
    });
    try {
      const first = await waitFor(() => merchant.room.remoteParticipants.get('customer'), 5000, 'customer to appear');
      expect(merchant.room.remoteParticipants.get('customer')?.attributes).toEqual({
        role: 'customer',
        orderIds: '4417',
      });

      await customer.leave();
      await waitFor(() => merchant.presence.some((e) => e.event === 'disconnected'), 5000, 'customer leaving');
      expect(merchant.room.remoteParticipants.has('customer')).toBe(false);

      customer = await TestParticipant.join(target(), { identity: 'customer', room, attributes: { role: 'customer' } });
      const again = await waitFor(() => merchant.room.remoteParticipants.get('customer'), 5000, 'customer rejoining');
      expect(again.sid).not.toBe(first.sid);
      expect(merchant.presence.map((e) => e.event)).toEqual(['connected', 'disconnected', 'connected']);

      // The rejoined customer's new track reaches the merchant like the first one would have.
      await customer.publishMicrophone();
      const heard = hearsSpeech(await merchant.listen('customer'));
      await customer.speak(synthesize('I am back.', join(tmp.dir, 'back.wav')));
      expect(await heard).toBe(true);
    } finally {
      await Promise.all([merchant.leave(), customer.leave()]);
    }
  });

  it('drops an unpublished track and forwards its republished successor', async () => {
    const room = roomName('republish');
    const merchant = await TestParticipant.join(target(), { identity: 'merchant', room });
    const customer = await TestParticipant.join(target(), { identity: 'customer', room });
    try {
      await customer.publishMicrophone();
      await merchant.listen('customer');
      const remote = await waitFor(() => merchant.room.remoteParticipants.get('customer'), 5000, 'customer to appear');
      const [oldSid] = remote.trackPublications.keys();

      await customer.unpublishMicrophone();
      await waitFor(() => remote.trackPublications.size === 0, 5000, 'the old track to be unpublished');

      await customer.publishMicrophone();
      const heard = hearsSpeech(await merchant.listen('customer'));
      await customer.speak(synthesize('New microphone.', join(tmp.dir, 'republished.wav')));
      expect(await heard).toBe(true);
      expect([...remote.trackPublications.keys()]).not.toContain(oldSid);
    } finally {
      await Promise.all([merchant.leave(), customer.leave()]);
    }
  });
});
