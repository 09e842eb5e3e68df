import { describe, expect, it } from 'vitest';
import { analyzeLine } from '../language/index.js';
import { type CompiledFrame, matchFrame, mayFill, parseSlot } from './frames.js';

/** A frame of the given slots, read in one clause or more, vetoed by nothing. */
const frame = (slots: string[], order: CompiledFrame['order'] = 'any', reach = 3): CompiledFrame => ({
  slots: slots.map(parseSlot),
  order,
  reach,
  unless: [],
  unlessLine: [],
  negation: 'ignore',
});
const texts = (text: string, f: CompiledFrame) =>
  matchFrame(analyzeLine(text), f, null).map((h) => h.fillers.map((x) => x.text));

describe('filling a frame (the search run per window)', () => {
  const text = '号码 13812345678, 还有 13987654321, 备用 13700001111';

  it('gives each slot its own words and keeps the narrowest choice', () => {
    // Two slots of one kind: never the same number twice; of the first window's three numbers the
    // two nearest win; the last clause alone holds one number and fills nothing.
    expect(texts(text, frame(['digits:11', 'digits:11']))).toEqual([
      ['13812345678', '13987654321'],
      ['13987654321', '13700001111'],
    ]);
  });

  it('keeps the slots in the order written when the frame asks for it', () => {
    expect(texts(text, frame(['digits:11', 'digits:11'], 'written'))).toEqual([
      ['13812345678', '13987654321'],
      ['13987654321', '13700001111'],
    ]);
  });

  it('fills nothing when a slot has no filler in the line or the window', () => {
    expect(texts(text, frame(['digits:11', 'digits:11', 'digits:11', 'digits:11']))).toEqual([]);
    expect(texts(text, frame(['digits:11', 'digits:11'], 'any', 1))).toEqual([]);
    expect(mayFill(analyzeLine('没有号码'), frame(['digits:11']))).toBe(false);
    expect(mayFill(analyzeLine(text), frame(['digits:11']))).toBe(true);
  });

  it('reads one slot array the same in every frame that shares it', () => {
    const slot = parseSlot('digits:11');
    const a = analyzeLine(text);
    const one: CompiledFrame = { ...frame([]), slots: [slot] };
    const two: CompiledFrame = { ...frame([]), slots: [slot, slot] };
    expect(matchFrame(a, one, null).map((h) => h.fillers[0]!.text)).toEqual([
      '13812345678',
      '13987654321',
      '13700001111',
    ]);
    expect(matchFrame(a, two, null)).toHaveLength(2);
  });
});
