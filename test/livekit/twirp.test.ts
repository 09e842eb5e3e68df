import { RoomEvent } from '@livekit/rtc-node';
import { AgentDispatchClient, RoomServiceClient } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { liveKitE2e, roomName, useLiveKit } from './suite.js';
import { TestParticipant } from './test-participant.js';

describe.skipIf(!liveKitE2e)('LiveKit server API against the test server', () => {
  const target = useLiveKit();
  const rooms = () => new RoomServiceClient(target().url, target().apiKey, target().apiSecret);
  const dispatches = () => new AgentDispatchClient(target().url, target().apiKey, target().apiSecret);

  it('creates, lists and deletes rooms and records agent dispatches', async () => {
    const name = roomName('twirp');
    const created = await rooms().createRoom({ name, emptyTimeout: 60, metadata: '{"callId":"c1"}' });
    expect(created).toMatchObject({ name, metadata: '{"callId":"c1"}' });
    expect(created.sid).toMatch(/^RM_/);

    const dispatch = await dispatches().createDispatch(name, 'kefu-copilot', { metadata: '{"callId":"c1"}' });
    expect(dispatch).toMatchObject({ room: name, agentName: 'kefu-copilot', metadata: '{"callId":"c1"}' });
    expect((await dispatches().listDispatch(name)).map((d) => d.id)).toEqual([dispatch.id]);

    const merchant = await TestParticipant.join(target(), {
      identity: 'merchant',
      room: name,
      attributes: { role: 'merchant', merchantId: 'm1' },
    });
    const participants = await rooms().listParticipants(name);
    expect(participants.map((p) => [p.identity, p.attributes.role])).toEqual([['merchant', 'merchant']]);

    const disconnected = new Promise((resolve) => merchant.room.once(RoomEvent.Disconnected, resolve));
    await rooms().deleteRoom(name);
    await disconnected;
    expect((await rooms().listRooms([name])).length).toBe(0);
    await merchant.leave();
  });

  it('refuses tokens signed with another secret, on the API and on join', async () => {
    const wrong = { ...target(), apiSecret: 'not-the-secret-not-the-secret-not-the-secret' };
    await expect(
      new RoomServiceClient(wrong.url, wrong.apiKey, wrong.apiSecret).createRoom({ name: roomName('denied') }),
    ).rejects.toMatchObject({ status: 401 });
    await expect(TestParticipant.join(wrong, { identity: 'intruder', room: roomName('denied') })).rejects.toThrow();
  });
});
