import { describe, expect, it } from 'vitest';
import { gistOf, turnLooksComplete } from './turn.js';
import { allTo, eachMapsTo } from '../../test/table.js';

describe('turnLooksComplete', () => {
  eachMapsTo(
    'ends a turn on a question, a request or a named issue: %s',
    turnLooksComplete,
    allTo(
      [
        'where is my parcel',
        'can you send me a replacement',
        'i want a refund please',
        'the headphones arrived broken',
        '耳机坏了怎么办',
      ],
      true,
    ),
  );

  eachMapsTo(
    'waits when the words promise more, or are too few to be a turn: %s',
    turnLooksComplete,
    allTo(
      [
        'the headphones arrived broken and',
        'my order number is',
        'i would like to return the',
        'hello',
        '我的订单号是',
        'so the thing is that',
      ],
      false,
    ),
  );

  it('hears a question after a lead-in word, and a negative question, without a question mark', () => {
    for (const text of ['great do i pay shipping', 'uh is that normal', "can't you just send a new one"])
      expect(turnLooksComplete(text), text).toBe(true);
    expect(turnLooksComplete('great the box is here')).toBe(false);
  });

  it('waits after a preposition, an auxiliary or a want-verb, even when an issue was named', () => {
    for (const text of ['the dishwasher leaks from', "my order still hasn't shipped and it's", '充电宝鼓包了我要'])
      expect(turnLooksComplete(text), text).toBe(false);
    // A longer closing word ending at the same place closes the turn.
    expect(turnLooksComplete('充电宝鼓包了我不要')).toBe(true);
  });

  it('waits after a number: digits are read in groups with pauses between', () => {
    expect(turnLooksComplete('my blender arrived with a cracked jar order 44178')).toBe(false);
    expect(turnLooksComplete('please refund twelve dollars to order eight three three')).toBe(false);
    expect(turnLooksComplete('my blender arrived with a cracked jar')).toBe(true);
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
