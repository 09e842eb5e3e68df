import { describe, expect, it } from 'vitest';
import { type CallView, sameSuggestion, visibleSuggestions } from './call-view.js';

const s = (id: string, text: string, policies = ['p.fruit'], feedback: string[] = []) => ({
  id,
  afterUtterance: 0,
  text,
  policies,
  engine: 'template',
  feedback,
});
const view = (suggestions: CallView['suggestions']) => ({ suggestions }) as CallView;

describe('reply suggestions: near-duplicates merged', () => {
  it('treat one reply at two stages of a call as the same, and different replies as different', () => {
    // Phrasings of our own, in neither language's eval set.
    expect(
      sameSuggestion(
        s('a', '抱歉让您久等了，按规定给您补偿运费8元，您看可以吗？'),
        s('b', '抱歉让您久等了，按规定给您补偿运费（金额待确认），您看可以吗？'),
      ),
    ).toBe(true);
    expect(
      sameSuggestion(
        s('a', 'Sorry about the late parcel; we can refund the $6 shipping fee, is that OK?'),
        s('b', 'Sorry about the late parcel; we can refund the shipping fee (amount to confirm), is that OK?'),
      ),
    ).toBe(true);
    expect(
      sameSuggestion(s('a', '麻烦您拍一下包裹外箱的照片发给我。'), s('b', '我们可以给您换一个新的，运费我们出。')),
    ).toBe(false);
    // The same words citing another policy are another offer.
    expect(
      sameSuggestion(
        s('a', '给您补发一件新的，您看可以吗？', ['p.reship']),
        s('b', '给您补发一件新的，您看行吗？', ['p.coupon']),
      ),
    ).toBe(false);
  });

  it('keep the newest of a kind, and let a dismissal hide its older near-duplicates too', () => {
    const older = s('1', '抱歉让您久等了，按规定给您补偿运费（金额待确认），您看可以吗？');
    const other = s('2', '麻烦您拍一下包裹外箱的照片发给我。', ['p.proof']);
    const newer = s('3', '抱歉让您久等了，按规定给您补偿运费8元，您看可以吗？');
    expect(visibleSuggestions(view([older, other, newer])).map((x) => x.id)).toEqual(['3', '2']);
    expect(visibleSuggestions(view([older, other, newer]), new Set(['3'])).map((x) => x.id)).toEqual(['2']);
  });
});
