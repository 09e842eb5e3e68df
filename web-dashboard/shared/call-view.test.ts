import { describe, expect, it } from 'vitest';
import { applyCallEvent, type CallView, sameSuggestion, visibleSuggestions } from './call-view.js';

const s = (id: string, text: string, policies = ['p.fruit'], feedback: string[] = []) => ({
  id,
  afterUtterance: 0,
  text,
  policies,
  engine: 'template',
  feedback,
  state: null as CallView['suggestions'][number]['state'],
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

describe('provisional replies in the live view', () => {
  const live = { call: { id: 'c' }, suggestions: [s('0', '您好，请问有什么可以帮您？')] } as CallView;
  const reply = (id: string, text: string) => ({ id, afterUtterance: 1, text, policies: ['p.fruit'], engine: 't' });
  const provisional = applyCallEvent(live, {
    type: 'suggestions.provisional',
    callId: 'c',
    afterUtterance: 1,
    suggestions: [reply('1', '抱歉，苹果坏了三个，给您按比例退款可以吗？')],
  });

  it('shows a provisional reply marked as such, and the confirmation settles it in place', () => {
    expect(provisional.suggestions.map((x) => [x.id, x.state])).toEqual([
      ['0', null],
      ['1', 'provisional'],
    ]);
    const confirmed = applyCallEvent(provisional, { type: 'suggestions.confirmed', callId: 'c', suggestionIds: ['1'] });
    expect(confirmed.suggestions.map((x) => [x.id, x.state])).toEqual([
      ['0', null],
      ['1', 'confirmed'],
    ]);
  });

  it('removes a withdrawn reply, and the replies that replace it arrive as new ones', () => {
    const withdrawn = applyCallEvent(provisional, {
      type: 'suggestions.withdrawn',
      callId: 'c',
      suggestionIds: ['1'],
      reason: 'final_differs',
      replacedBy: ['2'],
    });
    expect(withdrawn.suggestions.map((x) => x.id)).toEqual(['0']);
    const replaced = applyCallEvent(withdrawn, {
      type: 'suggestions.created',
      callId: 'c',
      afterUtterance: 1,
      suggestions: [reply('2', '麻烦您拍一下坏掉的苹果发给我。')],
    });
    expect(visibleSuggestions(replaced).map((x) => [x.id, x.state])).toEqual([
      ['2', null],
      ['0', null],
    ]);
  });
});
