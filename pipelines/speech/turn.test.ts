import { describe, expect, it } from 'vitest';
import { gistOf, turnLooksComplete } from './turn.js';

describe('turnLooksComplete', () => {
  it('ends a turn on a question, a request or a named issue', () => {
    for (const text of [
      'where is my parcel',
      'can you send me a replacement',
      'i want a refund please',
      'the headphones arrived broken',
      '耳机坏了怎么办',
    ])
      expect(turnLooksComplete(text), text).toBe(true);
  });

  it('waits when the words promise more, or are too few to be a turn', () => {
    for (const text of [
      'the headphones arrived broken and',
      'my order number is',
      'i would like to return the',
      'hello',
      '我的订单号是',
      'so the thing is that',
    ])
      expect(turnLooksComplete(text), text).toBe(false);
  });
});

describe('gistOf', () => {
  it('is the same for hypotheses that differ only in words the advice does not read', () => {
    expect(gistOf('the headphones arrived broken')).toBe(gistOf('uh the headphones have arrived broken'));
  });

  it('changes with the issue, its negation, the numbers and whether it asks', () => {
    const base = gistOf('the headphones arrived broken');
    expect(gistOf('the headphones arrived late')).not.toBe(base);
    expect(gistOf('the headphones did not arrive broken')).not.toBe(base);
    expect(gistOf('order three one nine the headphones arrived broken')).not.toBe(base);
    expect(gistOf('the headphones arrived broken can you help')).not.toBe(base);
  });
});
