/**
 * Promises in the register of chat logs and speech transcripts (decision 0445): subjects dropped or
 * said as 这边/小妹/客服, particles (哈/哦/呢/~), unpunctuated run-ons, chat spellings, impersonal
 * commitments (会有专人联系您, someone will reach out), the event a promise waits on (收到后) not read as
 * an act, and documents drawn up for the buyer (给您出效果图) as an errand, not a shipment. Phrasings
 * written for these tests (none is in an eval set), each beside a look-alike that must read differently.
 */
import { describe, expect, it } from 'vitest';
import { check, read } from './testing/promise-lines.js';

describe('the chat and speech register', () => {
  check([
    ['给您登记了 明天补发', ['ship 2026-11-25']],
    ['客服这边稍后给您回电话~', ['callback 2026-11-24']],
    ['好的呢 明天上午给您寄出去哈', ['ship 2026-11-25']],
    ['稍后会有专人联系您的哦', ['callback 2026-11-24']],
    ['后续会有售后专员跟您联系', ['callback']],
    ['嗯嗯那个我看了一下您这个单子确实是少发了我们这边给您补发一个今天就给您发出去', ['ship 2026-11-24']],
    ['好的好的我们这边马上给您处理一下然后明天给您回个电话', ['callback 2026-11-25']],
    ['ok ill ship it out 2moro', ['ship 2026-11-25']],
    ['ok ill get back to u tmrw', ['callback 2026-11-25']],
    ['someone will reach out within 24h', ['callback 2026-11-25']],
    ['a replacement will be sent out today', ['ship 2026-11-24']],
  ]);
  it('the same words as policy, an in-call act or a refusal are none', () => {
    expect(read('本店支持七天无理由退货哦')).toEqual([]);
    expect(read('您稍等哈 这边正在帮您查询~')).toEqual([]);
    expect(read('亲 这个已经超出售后期了 没法给您补发呢')).toEqual([]);
    expect(read('refunds usually take 24h to show')).toEqual([]);
  });
});

describe('the event a promise waits on is not an act promised', () => {
  check([
    ['小妹收到后明天给您出设计稿确认', ['other 2026-11-25 if']],
    ['仓库收到手表后两个工作日内给您出检测报告', ['other if']],
    ['收到后明天给您补发一个新的', ['ship 2026-11-25 if']],
  ]);
  it('a document drawn up or sent is an errand, goods sent are a shipment', () => {
    expect(read('合同今天下班前发您')).toEqual(['other 2026-11-24']);
    expect(read('小妹今天给您发一个组装步骤的视频')).toEqual(['other 2026-11-24']);
    expect(read('小妹今天给您发一个新的灯罩')).toEqual(['ship 2026-11-24']);
  });
});
