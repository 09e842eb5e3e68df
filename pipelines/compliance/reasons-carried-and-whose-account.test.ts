/**
 * Decision 0745: a lawful reason said lines before carries to the refusal that repeats it (unless the
 * buyer named a fault, the seven-day right or a rule that lets the refund through since, or the reason
 * was itself flagged); the last four of the card asked alone to find a charge is a lookup key; the
 * shop's own account number sent over is where to pay, not a datum asked for; a code scanned to
 * transfer a sum is a payment, not a chat; the platform avoided on a line that invites to a chat app
 * is the contact's; a code typed into a page is no handover. Every sentence is our own, in no set.
 */
import { describe, expect, it } from 'vitest';
import { ComplianceDetector } from './detector.js';
import { c, flagsByLine, flagsOnLast, m } from './testing/calls.js';

const detector = new ComplianceDetector();
const on = async (...lines: Parameters<typeof flagsOnLast>[1][]) =>
  (await flagsOnLast(detector, ...lines)).map((f) => f.category);

describe('a lawful reason said lines before the refusal', () => {
  it('carries to the refusal that repeats it', async () => {
    expect(
      await on(
        c('这个印了名字的马克杯能退吗'),
        m('亲 照片定制的杯子是不支持七天无理由的哦 下单页有提示'),
        c('我都没用过'),
        m('理解的亲 但是印了您的照片没法再卖了'),
        c('唉 那就是不行呗'),
        m('是的亲 那这边没办法给您退 抱歉哈'),
      ),
    ).toEqual([]);
    expect(
      await on(
        c('can I send the swimsuit back'),
        m('Swimwear is final sale for hygiene reasons, it says so on the listing'),
        c('even unworn?'),
        m("Yes, sorry, I can't refund it"),
      ),
    ).toEqual([]);
  });

  it('does not carry once the buyer names a fault or holds up the seven-day right', async () => {
    expect(
      await on(
        c('这个印了名字的马克杯能退吗'),
        m('亲 照片定制的杯子是不支持七天无理由的哦'),
        c('可是收到杯子就是破损的 有裂口'),
        m('那这边也没办法给您退'),
      ),
    ).toEqual(['refund_obstruction']);
    expect(
      await on(
        c('鞋子试了一下不合适 想退'),
        m('亲 拆了鞋盒就不能退了 这是规定'),
        c('七天无理由啊 我又没穿出门'),
        m('反正拆了就不退'),
      ),
    ).toEqual(['refund_obstruction']);
  });
});

describe('the last four of the card', () => {
  it('asked alone to find a charge is a lookup key', async () => {
    expect(
      await on(
        c('you billed me twice'),
        m('So sorry! What are the last 4 digits of the card you paid with? I can look up the charge'),
      ),
    ).toEqual([]);
  });

  it('asked with the expiry or the code on the back stays a privacy request', async () => {
    expect(
      await on(c('you billed me twice'), m("I'll need the last four of the card plus the expiry date to match it")),
    ).toEqual(['privacy_request']);
  });
});

describe("the shop's own account and code", () => {
  it('sent over to bank in is where to pay, not a datum asked for', async () => {
    expect(
      await flagsByLine(
        detector,
        c('boss can less a bit'),
        m('can, bank in to my CIMB direct, I give you RM10 less'),
        c('ok how'),
        m('I WhatsApp you the account number, you transfer then send me the slip'),
      ),
    ).toEqual([
      [1, 'off_platform_payment'],
      [3, 'off_platform_payment'],
    ]);
    expect(await on(c('boss when ship'), m('tomorrow ship, I PM you the tracking number later'))).toEqual([]);
  });

  it('a code scanned to transfer a sum is a payment, not a chat', async () => {
    expect(await on(c('加急要加钱吗'), m('要的亲 我发您个二维码 您扫一下转十五块就行'))).not.toContain(
      'contact_exchange',
    );
    expect(await on(c('保修卡找不到了'), m('没事亲 机身背面有个二维码 您扫一下登记电子保修就可以'))).toEqual([]);
  });
});

describe('the platform avoided on a line that invites to a chat app', () => {
  it('is the contact already flagged, not a second, payment flag', async () => {
    expect(
      await on(c('可以便宜点吗'), m('你加我 WhatsApp 啦 9876 5432'), c('点解'), m('你 WhatsApp 我 我私下同你計平啲')),
    ).toEqual(['contact_exchange']);
  });
});

describe('a code the buyer types into a page', () => {
  it('is no handover', async () => {
    expect(
      await on(
        c('my card payment is stuck'),
        m("Your bank will text you a verification code, type it into the box on the payment screen and you're done"),
      ),
    ).toEqual([]);
    expect(await on(c('my card payment is stuck'), m('read me the verification code your bank texted you'))).toEqual([
      'privacy_request',
    ]);
  });
});
