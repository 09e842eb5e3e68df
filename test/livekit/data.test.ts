import { describe, expect, it } from 'vitest';
import { liveKitE2e, roomName, useLiveKit } from './suite.js';
import { TestParticipant, waitFor } from './test-participant.js';

describe.skipIf(!liveKitE2e)('LiveKit data through the test server', () => {
  const target = useLiveKit();

  it('delivers packets and text streams only to their destination identities', async () => {
    const room = roomName('data');
    const a = await TestParticipant.join(target(), { identity: 'merchant', room, attributes: { role: 'merchant' } });
    const b = await TestParticipant.join(target(), { identity: 'bot', room, kind: 'agent' });
    const c = await TestParticipant.join(target(), { identity: 'customer', room, attributes: { role: 'customer' } });
    try {
      const bot = b.room.localParticipant;
      if (!bot) throw new Error('bot has no local participant');
      const suggestion = JSON.stringify({ v: 1, type: 'suggestion.created', text: 'Offer a replacement kettle' });
      await bot.publishData(new TextEncoder().encode(suggestion), {
        reliable: true,
        topic: 'kefu.copilot',
        destination_identities: ['merchant'],
      });
      const attributes = {
        'lk.transcription_final': 'true',
        'lk.segment_id': 'SG_1',
        'lk.transcribed_track_id': 'TR_customer',
      };
      await bot.sendText('the kettle arrived broken', {
        topic: 'lk.transcription',
        attributes,
        destinationIdentities: ['merchant'],
      });
      const writer = await bot.streamText({
        topic: 'lk.transcription',
        destinationIdentities: ['merchant'],
        attributes: { 'lk.segment_id': 'SG_2' },
      });
      for (const word of ['please ', 'pay ', 'on ', 'WeChat']) await writer.write(word);
      await writer.close();
      // Sent last on the same reliable channel: once C has it, C would have had the rest too.
      await bot.publishData(new TextEncoder().encode('to everyone'), { reliable: true, topic: 'kefu.room' });

      await waitFor(
        () => a.textsOn('lk.transcription').length === 2 && a.dataOn('kefu.room').length === 1,
        10_000,
        'merchant receiving',
      );
      await waitFor(() => c.dataOn('kefu.room').length === 1, 10_000, 'customer receiving the broadcast');

      expect(a.dataOn('kefu.copilot')).toEqual([expect.objectContaining({ from: 'bot', text: suggestion })]);
      expect(
        a
          .textsOn('lk.transcription')
          .map(({ from, text, attributes: attrs }) => ({ from, text, segment: attrs['lk.segment_id'] })),
      ).toEqual(
        expect.arrayContaining([
          { from: 'bot', text: 'the kettle arrived broken', segment: 'SG_1' },
          { from: 'bot', text: 'please pay on WeChat', segment: 'SG_2' },
        ]),
      );
      expect(a.textsOn('lk.transcription')[0]?.attributes['lk.transcription_final']).toBe('true');
      expect(c.data.map((d) => d.topic)).toEqual(['kefu.room']);
      expect(c.texts).toEqual([]);
      expect(b.data).toEqual([]);
    } finally {
      await Promise.all([a.leave(), b.leave(), c.leave()]);
    }
  });
});
