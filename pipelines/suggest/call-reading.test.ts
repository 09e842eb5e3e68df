import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SpeakerRole, TranscriptLine } from '../../core/domain.js';
import { queryFor } from './advise.js';
import { CallReading } from './call-reading.js';
import { assessIssue } from './issue.js';
import { factsFromCall } from './order-facts.js';
import { customerPreference } from './preference.js';

// Lines whose reading crosses lines: a fault then a change of mind, a late parcel then impatience
// or "lost", an installer who didn't come, a count said on the next line, remedies asked for.
const CUSTOMER = [
  '芒果烂了好几个',
  '十个里有三个',
  '我不想要了',
  '快递三天了还没到',
  '都一个星期了，太慢了',
  '显示签收了但我根本没收到',
  '约好今天上门装空调，师傅到现在都没来',
  '我要退款',
  '给我换一个吧',
  '嗯嗯好的',
  "My parcel hasn't arrived yet, could you check where it is?",
  'The kettle I bought is broken',
  'I paid $29 for it',
  'Can I just get a refund?',
];
const MERCHANT = ['亲，麻烦报一下订单号哦~', '换货是免费的', '您稍等，正在帮您查询', "I'll ship a replacement"];

const line = fc.oneof(
  fc.constantFrom(...CUSTOMER).map((text) => ({ speaker: 'customer' as SpeakerRole, text })),
  fc.constantFrom(...MERCHANT).map((text) => ({ speaker: 'merchant' as SpeakerRole, text })),
);
const transcript = fc
  .array(line, { minLength: 1, maxLength: 30 })
  .map((ls) => ls.map((l, i): TranscriptLine => ({ ...l, startMs: i * 4000, endMs: i * 4000 + 3000 })));

describe('CallReading', () => {
  it('carried across a growing call, answers as a fresh reading of the call so far does', () => {
    fc.assert(
      fc.property(transcript, fc.boolean(), (lines, fresh) => {
        const growing: TranscriptLine[] = [];
        const carried = new CallReading(growing);
        lines.forEach((l, i) => {
          growing.push(l);
          const soFar = lines.slice(0, i + 1);
          expect(assessIssue(growing, i, { fresh, reading: carried })).toEqual(assessIssue(soFar, i, { fresh }));
          expect(customerPreference(growing, i, carried)).toBe(customerPreference(soFar, i));
          expect(factsFromCall(growing, i, {}, 'zh', carried)).toEqual(factsFromCall(soFar, i, {}, 'zh'));
          expect(queryFor(growing, i, carried)).toBe(queryFor(soFar, i));
        });
      }),
      { numRuns: 40 },
    );
  });

  it('reads the call up to the line asked about, not past it', () => {
    const lines: TranscriptLine[] = [
      { speaker: 'customer', text: '快递三天了还没到', startMs: 0, endMs: 1 },
      { speaker: 'customer', text: '显示签收了但我根本没收到', startMs: 2, endMs: 3 },
    ];
    const reading = new CallReading(lines);
    expect(assessIssue(lines, 0, { reading })).toMatchObject({ kind: 'late', lost: false });
    expect(assessIssue(lines, 1, { reading })).toMatchObject({ kind: 'late', lost: true, complaint: true });
    expect(reading.lostSaid('customer', 0)).toBe(false);
  });
});
