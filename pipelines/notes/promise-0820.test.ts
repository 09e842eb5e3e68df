/**
 * Decision 0820: mechanisms read from blind set R's promise failures. Phrasings written for these
 * tests (none is in an eval set), each beside a look-alike.
 */
import { describe, expect, it } from 'vitest';
import { check, read } from './testing/promise-lines.js';

describe('the listing’s order cut-off is policy, even after a greeting', () => {
  check([
    ['好的亲~ 付款后72小时内发货的', []],
    ['今天下午三点前拍的当天发货哦', []],
    ['落單之後兩個工作天內寄出㗎', []],
    // Named for this buyer: a promise.
    ['好的亲 您这单小妹今天下午给您发出', ['ship 2026-11-24']],
  ]);
});

describe('盯着 said bare is reassurance; watching something named is a follow-up', () => {
  check([
    ['放心 这边一直盯着的', []],
    ['我这边盯着哈', []],
    ['小妹帮您盯着快递 有消息马上告诉您', ['follow_up', 'callback']],
    ['小妹会一直盯着骑手的', ['follow_up']],
  ]);
});

describe('an event said without 后 still conditions the act', () => {
  check([
    ['您寄回来 我们收到给您换个新的', ['ship if']],
    ['您寄回来我们给您换一副新的', ['ship if']],
    ['仓库收到检查一下没问题 就给您原路退款', ['refund if']],
    ['仓库收到确认没拆封 三天内给您退款', ['refund if']],
    ['您先点申请 这边审核同意后给您约快递上门取件', ['visit if']],
    ['检测完了工程师会给您回电话说结果', ['callback if', 'follow_up']],
    // Look-alikes: the shop acknowledging, a check already done.
    ['好的 小妹收到 马上给您安排发货', ['ship']],
    ['仓库收到确认没问题 不能给您退款', []],
  ]);
});

describe('papers drawn up and posted are an errand, goods posted are a shipment', () => {
  check([
    ['专票需要财务手工开 三个工作日内开好给您寄出', ['other 2026-11-27']],
    ['少的那个配件三个工作日内给您寄出', ['ship 2026-11-27']],
  ]);
});

describe('a fee borne for this buyer is compensation; return freight and the terms are not', () => {
  check([
    ['这个上楼费我们给您出 您不用给师傅钱', ['compensate']],
    ["normally there's a delivery fee but I'm going to waive it for you", ['compensate']],
    ['the assembly fee is waived while it is under warranty', []],
    ['寄回运费小妹给您出', []],
  ]);
});

describe('digital goods re-delivered are a shipment', () => {
  check([
    ["I'll re-push the top up to your number within the hour", ['ship 2026-11-24']],
    ['我们今天之内帮您重新开通', ['ship 2026-11-24']],
    ['您重新开通一下会员就可以了', []],
  ]);
});

describe('the buyer’s act inside a leading if is not the speaker’s', () => {
  check([
    ["if you open a case with PayPal I'll block your account", []],
    [
      "If it isn't found by Monday I'll open a case with the marketplace for you",
      ['escalate 2026-11-30 if', 'follow_up 2026-11-30 if'],
    ],
  ]);
});

describe('the buyer sending the goods back is their part of the return', () => {
  it.each([
    ['好 那我周五寄回去', []],
    ["ok I'll ship it back on Monday", []],
    ['我晚点给你打电话', ['callback 2026-11-24']],
  ])('%s', (text, expected) => expect(read(text, 'customer')).toEqual(expected));
});
