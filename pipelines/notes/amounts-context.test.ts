import { describe, expect, it } from 'vitest';
import { findAmounts } from './amounts.js';

const sums = (text: string) => findAmounts(text).map((a) => `${a.value} ${a.currency}`);

// Phrasings written for these tests; none is taken from an eval set.
describe('money by the shape of what is said', () => {
  it.each([
    // a range with the currency said once, at its end
    ['运费大概10到15块 看地区', ['10 CNY', '15 CNY']],
    ['差不多三十至五十元吧', ['30 CNY', '50 CNY']],
    ['shipping usually runs six to nine dollars', ['6 USD', '9 USD']],
    ['it is $20-35 depending on the size', ['20 USD', '35 USD']],
    // a price per measure
    ['这种布料八十五一米', ['85 CNY']],
    ['散装的28一斤', ['28 CNY']],
    ['这款一千二一套 含安装', ['1200 CNY']],
    // a product noun then its price
    ['那个沙发3280 能便宜点吗', ['3280 CNY']],
    ['空调 4399 装好了吗', ['4399 CNY']],
    // an order named by what it cost
    ['我那个订单是3299的 能退差价吗', ['3299 CNY']],
    // an id read back digit by digit, then its price
    ['七七二零幺九四八三六五五幺两千八百块的那台对吧', ['2800 CNY']],
    // English plain prices
    ['the blender was 89.99 and it stopped working', ['89.99 USD']],
    ['can you just refund me the 12.50', ['12.5 USD']],
    ['the kettle thirty four ninety nine plus five bucks shipping', ['34.99 USD', '5 USD']],
    // hundreds, tens and cents read out as three groups are a price (ids are read digit by digit)
    ['the mattress seven forty nine ninety five', ['749.95 USD']],
    ['yeah its seven seven three zero four one', []],
    // a Chinese sum said as its own chunk of an unpunctuated line, or right after its description
    ['早教机买了两个月 三百五十九 能退吗', ['359 CNY']],
    ['一袋十斤的一百二十九 漏了一半', ['129 CNY']],
    ['我身高一百七十 穿多大', []],
    ['等了二十 天了', []],
    // money nouns of a deposit, a balance, a payment still owed, before or after the number
    ['这套家具尾款三千二 什么时候付', ['3200 CNY']],
    ['先交300定金就给您排单', ['300 CNY']],
    ['卡里余额不对 少了150', ['150 CNY']],
    // a refund or compensation verb right after a plain number
    ['小妹今天就把469退掉', ['469 CNY']],
    ['超时的话再加三十补偿', ['30 CNY']],
    // a price list said with spaces, each price per unit
    ['一罐158 三罐一起420', ['158 CNY']],
    // a sum said twice is not yuan and jiao
    ['就退您八十块八十块的话马上给您处理', ['80 CNY', '80 CNY']],
    // an English charge named by its noun
    ['i see three charges of forty two fifty on the card', ['42.5 USD']],
  ])('%s', (text, expected) => {
    expect(sums(text)).toEqual(expected);
  });
});

describe('numbers of the same shapes that are not money (hard negatives)', () => {
  it.each([
    ['1到3个工作日到账'],
    ['5到7天发货'],
    ['三十一斤的大米 分两袋装'],
    ['左脚 一只38 一只39 码数不一样'],
    ['墙漆一块一块往下掉'],
    ['电视65寸的 挂墙上'],
    ['洗衣机2023款的还有吗'],
    ['订单是5521907734128806的'],
    ['lens power should be -1.75 on the left'],
    ['we open at 9.30 tomorrow'],
    ['update to version 2.15 of the app'],
    ['it was back in nineteen ninety nine'],
    // a fraction, a vague order of magnitude, sizes after a list
    ['能不能先付一半 剩下的到货再付'],
    ['就几十块的东西 至于吗'],
    ['好几百块呢'],
    ['一双41 一双42 尺码都试了'],
    ['余额宝里还有3次免费提现'],
  ])('%s', (text) => {
    expect(sums(text)).toEqual([]);
  });
});

// Phrasings written for these tests (decision 0390); none is taken from an eval set.
describe('pounds, bare numbers with English price wording, and Chinese sums said alone', () => {
  it.each([
    // pounds sterling by sign, code or word; "pounds" only with price wording
    ['the toaster was £24.50 and sparks', ['24.5 GBP']],
    ['that jacket cost me sixty quid', ['60 GBP']],
    ['GBP 310 for a chair that wobbles', ['310 GBP']],
    ['they charged me 12 pounds for delivery', ['12 GBP']],
    // a bare typed or spoken number with price wording before it
    ['she listed it at 450 and took 400 in the end? no, I can do 420', ['450 USD', '420 USD']],
    ['we paid fifteen hundred for the set', ['1500 USD']],
    ['i want a refund, it was 79', ['79 USD']],
    // a sum standing alone before 呢, or offered with 给您
    ['外套开线了 359呢 才穿两次', ['359 CNY']],
    ['这样吧 八百给您 不能再少了', ['800 CNY']],
    ['能省一百五 您考虑下', ['150 CNY']],
  ])('%s', (text, expected) => {
    expect(sums(text)).toEqual(expected);
  });

  it.each([
    ['we got 5 pounds of potatoes and half were green'],
    ['I paid for it on the 14th'],
    ['refund for order 55310 please'],
    ['paid for the 2021 model'],
    ['refund to the card ending in 4419'],
    ['it should take 10 business days to refund'],
    ['那42呢？'],
    ['3件给您补发'],
    ['两点给您回电'],
  ])('%s', (text) => {
    expect(sums(text)).toEqual([]);
  });
});

describe('blind-k amount grammar, other wordings (0485)', () => {
  const said = (text: string) => findAmounts(text).map((a) => `${a.value} ${a.currency}`);
  it('reads a fee after 额外收/加收, a full refund after the sum, a per-floor fee and a sum taken off', () => {
    expect(said('旧沙发要拉走的话 要额外收八十 您看需要吗')).toEqual(['80 CNY']);
    expect(said('三楼以上加收三十')).toEqual(['30 CNY']);
    expect(said('好的亲 1299全额退 仓库收到就退')).toEqual(['1299 CNY']);
    expect(said('四百二全退 收到货当天就退')).toEqual(['420 CNY']);
    expect(said('没电梯的话 每层十五 师傅按楼层收')).toEqual(['15 CNY']);
    expect(said("if you pick it up yourself I'll take 15 off")).toEqual(['15 USD']);
    expect(said('I can knock twenty bucks off')).toEqual(['20 USD']);
  });
  it('reads no money in a hotline, a hex key, a count of eggs or a percentage off', () => {
    expect(said('再不给我退款我就打12345投诉')).toEqual([]);
    expect(said('明天不给我退我就去12315')).toEqual([]);
    expect(said('您用那个内六角扳手把螺丝拧紧一下')).toEqual([]);
    expect(said('[商品卡片] 鹌鹑蛋 50枚 ￥18.8')).toEqual(['18.8 CNY']);
    expect(said('土鸡蛋 30枚 ￥25.6')).toEqual(['25.6 CNY']);
    expect(said("we'll take 10% off")).toEqual([]);
    // A refund of 1231 is still money; only the hotlines' own numbers are not.
    expect(said('退您1231')).toEqual(['1231 CNY']);
    expect(said('给您退六角')).toEqual(['0.6 CNY']);
  });
});
