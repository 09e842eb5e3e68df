import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../core/events.js';
import { CallEventBus } from './event-bus.js';

const ended = (callId: string): CallEvent => ({
  type: 'call.ended',
  callId,
  summary: 's',
  endedAt: '2026-11-23T00:00:00Z',
});

describe('CallEventBus', () => {
  it('delivers a merchant only its own calls, and stops after unsubscribe', () => {
    const bus = new CallEventBus();
    const a: string[] = [];
    const oneCall: string[] = [];
    const stop = bus.subscribe({ merchantId: 'm-a' }, (e) => a.push(e.callId));
    bus.subscribe({ merchantId: 'm-a', callId: 'c2' }, (e) => oneCall.push(e.callId));
    bus.publish({ merchantId: 'm-a', event: ended('c1') });
    bus.publish({ merchantId: 'm-b', event: ended('c9') });
    bus.publish({ merchantId: 'm-a', event: ended('c2') });
    stop();
    bus.publish({ merchantId: 'm-a', event: ended('c3') });
    expect(a).toEqual(['c1', 'c2']);
    expect(oneCall).toEqual(['c2']);
  });
});
