import { EventEmitter } from 'node:events';
import { Room } from '@livekit/rtc-node';
import { describe, expect, it } from 'vitest';
import { type FfiEmitter, keepAudioFramesFromRoom, routeAudioEvents, skipAudioEvents } from './ffi-events.js';

const audio = (n: number) => ({ message: { case: 'audioStreamEvent', value: { n } } });
const room = (n: number) => ({ message: { case: 'roomEvent', value: { n } } });

describe('audio stream events kept from rooms', () => {
  it('reach every listener but a room, in order; every other event reaches all', () => {
    const client = new EventEmitter();
    const heard: string[] = [];
    const roomListener = (ev: { message: { case: string; value: { n: number } } }) =>
      void heard.push(`room ${ev.message.case} ${ev.message.value.n}`);
    client.on('ffi_event', roomListener);
    client.on('ffi_event', (ev) => void heard.push(`stream ${ev.message.case} ${ev.message.value.n}`));
    client.once('ffi_event', (ev) => void heard.push(`once ${ev.message.case} ${ev.message.value.n}`));
    routeAudioEvents(client as unknown as FfiEmitter);
    routeAudioEvents(client as unknown as FfiEmitter); // twice: one route
    skipAudioEvents(roomListener as never);
    client.emit('ffi_event', audio(1));
    client.emit('ffi_event', room(2));
    client.emit('ffi_event', audio(3));
    client.emit('other', audio(4));
    expect(heard).toEqual([
      'stream audioStreamEvent 1',
      'once audioStreamEvent 1',
      'room roomEvent 2',
      'stream roomEvent 2',
      'stream audioStreamEvent 3',
    ]);
    expect(client.listenerCount('ffi_event')).toBe(2);
  });

  it('a listener that throws on an audio event throws out of emit, as EventEmitter does', () => {
    const client = new EventEmitter();
    client.on('ffi_event', () => {
      throw new Error('boom');
    });
    routeAudioEvents(client as unknown as FfiEmitter);
    expect(() => client.emit('ffi_event', audio(1))).toThrow('boom');
  });

  it("changes nothing for a room whose listener is not on rtc-node's client (not connected)", () => {
    expect(keepAudioFramesFromRoom(new Room())).toBe(false);
  });
});
