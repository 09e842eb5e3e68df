/**
 * Decision 0445: a business-day span counted from now is due on its last business day (the upper
 * end of a range, weekends skipped); one counted from an event whose date nobody knows (收到后, once
 * it's back) is undated. Times in chat spelling and in speech transcripts date a promise like their
 * written forms. Phrasings written for these tests (none is in an eval set), each beside a
 * look-alike that must read differently. The day is Tuesday 2026-11-24.
 */
import { describe, expect, it } from 'vitest';
import { check, read } from './testing/promise-lines.js';

describe('a business-day span counted from now dates the promise to its last business day', () => {
  check([
    ['好的亲 这边两个工作日内给您补发哈', ['ship 2026-11-26']],
    ['小妹帮您提交了 3到5个工作日原路退回您的账户', ['refund 2026-12-01']],
    ["I'll send the replacement, it ships within 4 business days", ['ship 2026-11-30']],
    ['财务这边 三个 working days 内 reply 你', ['callback 2026-11-27']],
  ]);
  it('the same span counted from an event of unknown date leaves it undated', () => {
    expect(read('仓库收到退货后两个工作日内给您退款')).toEqual(['refund if']);
    expect(read('收到 parcel 之后 3 个 working days 内 refund 你')).toEqual(['refund if']);
    expect(read("once it's back with us we'll refund you within 3 business days")).toEqual(['refund if']);
  });
  it("the act's own day is its deadline, not the bank's posting span after it", () => {
    expect(read("I'll refund the extra charge today, you'll see it in 3-5 business days")).toEqual([
      'refund 2026-11-24',
    ]);
  });
});

describe('times in chat spelling and in speech transcripts', () => {
  check([
    ['sorry abt that, ill send it 2moro', ['ship 2026-11-25']],
    ['ok will ship the new one tmrw', ['ship 2026-11-25']],
    ["i'll call you back by four pm", ['callback 2026-11-24']],
    ['后儿给您发出哈', ['ship 2026-11-26']],
    ['明儿一早给您补发', ['ship 2026-11-25']],
  ]);
  it('a spelling that names no time dates nothing', () => {
    // 2day shipping is a shipping speed (chat-spellings.json), not today.
    expect(read("we'll send it with 2day shipping")).toEqual(['ship']);
  });
});
