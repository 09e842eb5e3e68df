import { describe, expect, it } from 'vitest';
import type { Currency, TranscriptLine } from '../../core/domain.js';
import { findAmountNotes, findAmounts } from './amounts.js';

const call = (...texts: string[]): TranscriptLine[] =>
  texts.map((text, i) => ({
    speaker: i % 2 ? 'merchant' : 'customer',
    text,
    startMs: i * 4000,
    endMs: i * 4000 + 3000,
  }));
const sums = (lines: TranscriptLine[], market?: Currency) =>
  findAmountNotes(lines, market).map((a) => `${a.value} ${a.currency}`);

describe('the currency a call has named', () => {
  it('names each market currency by sign, code or word, before or after the sum', () => {
    const said = (text: string) => findAmounts(text).map((a) => `${a.value} ${a.currency}`);
    expect(said('paid S$89 for it')).toEqual(['89 SGD']);
    expect(said('It cost HK$1,280')).toEqual(['1280 HKD']);
    expect(said('why RM 30 for shipping')).toEqual(['30 MYR']);
    expect(said('台币一千二百九的耳机')).toEqual(['1290 TWD']);
    expect(said('paid A$59.95')).toEqual(['59.95 AUD']);
    expect(said('it was 680 Hong Kong dollars')).toEqual(['680 HKD']);
    expect(said('We can offer 20 euros back')).toEqual(['20 EUR']);
    expect(said('I paid 4,800 yen')).toEqual(['4800 JPY']);
    expect(said('新币二十五一个')).toEqual(['25 SGD']);
    expect(said('US$12 for postage')).toEqual(['12 USD']);
    // Hong Kong and Taiwan chats: traditional characters, a code with its own $
    expect(said('港幣三百九十九')).toEqual(['399 HKD']);
    expect(said('HKD$120 for the case')).toEqual(['120 HKD']);
  });

  it('reads a later sum said without a currency in the one the call named', () => {
    expect(sums(call('the blender was S$89', "I'll refund the 89 to your card today"))).toEqual(['89 SGD']);
    expect(sums(call('港币三百九十九买的', '小妹给您退三百九十九'))).toEqual(['399 HKD']);
    expect(sums(call('新币二十五', '给您退二十五块哈'))).toEqual(['25 SGD']);
    expect(sums(call('it was 299 RMB', "I'll refund the 299 once it's back"))).toEqual(['299 CNY']);
    // The currency named on the line counts for its other sums, wherever it stands.
    expect(sums(call('another $8 shipping on the SGD 45 lamp'))).toEqual(['8 SGD', '45 SGD']);
  });

  it('never makes a bare $ anything but a dollar, nor 块 a currency not called 块', () => {
    expect(sums(call('the jacket was €120', 'we add a $5 voucher'))).toEqual(['120 EUR', '5 USD']);
    expect(sums(call('cost me 30 quid', '退您三十块'))).toEqual(['30 GBP', '30 CNY']);
    expect(sums(call('paid A$59.95', 'plus 20 RMB', 'and $5 shipping'))).toEqual(['59.95 AUD', '20 CNY', '5 AUD']);
  });

  it("falls back to the shop's market, then to the line's language", () => {
    expect(sums(call('the toaster was $25', "I'll refund the 25 today"))).toEqual(['25 USD']);
    expect(sums(call('the toaster was $25'), 'CAD')).toEqual(['25 CAD']);
    expect(sums(call('三百二买的'), 'TWD')).toEqual(['320 TWD']);
    expect(sums(call('三百二买的'), 'GBP')).toEqual(['320 GBP']);
    expect(sums(call('花了三百二十块'), 'GBP')).toEqual(['320 CNY']);
    expect(sums(call('it was £45', 'the $10 coupon'), 'GBP')).toEqual(['45 GBP', '10 USD']);
  });

  it("reads a bare $ as the dollar of the market the call's words place it in (0485)", () => {
    // Singlish particles and Singapore's own payment services: Singapore dollars.
    expect(sums(call('Got Saturday slot leh. 3 units $120'))).toEqual(['120 SGD']);
    expect(sums(call('the study table $220', 'or you PayNow me direct I give $20 off'))).toEqual(['220 SGD', '20 SGD']);
    // Written Cantonese or FPS: Hong Kong dollars.
    expect(sums(call('部機個殼爛咗 $180 買嘅'))).toEqual(['180 HKD']);
    expect(sums(call('有 $2,300 但要 FPS 俾 $300 訂金先'))).toEqual(['2300 HKD', '300 HKD']);
    // A sum said before the place is read again, at its first mention; live and batch fold alike.
    expect(findAmountNotes(call('$650 with 4 chairs', 'ok lah'))).toMatchObject([
      { value: 650, currency: 'SGD', utterance: 0 },
    ]);
  });

  it("lets a named currency and the shop's market outrank the place, and never moves 块 or a named sum", () => {
    expect(sums(call('paid US$45 for it', 'the $45 one lah'))).toEqual(['45 USD']);
    expect(sums(call('the $45 one', 'it was US$45 lah'))).toEqual(['45 USD']);
    expect(sums(call('the lamp was $45', 'ok lah'), 'CAD')).toEqual(['45 CAD']);
    expect(sums(call('我买咗一百蚊', '退返一百蚊俾你'))).toEqual(['100 CNY']);
    // Without a place word: a bare $ in English stays the line's dollar, "meh" places nowhere.
    expect(sums(call('the lamp was $45 meh'))).toEqual(['45 USD']);
    expect(sums(call('I bought the Allah print for $30', 'the horse figurine is $12'))).toEqual(['30 USD', '12 USD']);
  });
});

describe('a figure with no currency word in a call its words place (0615)', () => {
  it("reads 蚊/元 as the market's when a place word carries it: Cantonese in traditional characters, a market's own platform", () => {
    expect(sums(call('我哋住六樓 冇電梯', '搬上樓每層另外收三十蚊'))).toEqual(['30 HKD']);
    expect(sums(call('您在蝦皮申請退貨 選店到店寄回', '八百五十元會全額退回您的帳戶'))).toEqual(['850 TWD']);
    // Cantonese in simplified characters is also a Guangzhou buyer's: 蚊 stays yuan (0485).
    expect(sums(call('我买咗一百蚊', '退返一百蚊俾你'))).toEqual(['100 CNY']);
    // A mainland call stays in yuan.
    expect(sums(call('花了四十九块', '小妹给您退四十九块'))).toEqual(['49 CNY']);
  });

  it('reads a spoken price with no currency in an English line as the placed market, narrowed by later words', () => {
    // lah is said in Singapore and Malaysia; Pos Laju only in Malaysia.
    expect(
      sums(call('the jug crack already lah', 'send back by poslaju can', 'i refund you thirty two fifty')),
    ).toEqual(['32.5 MYR']);
    expect(sums(call('refund the 89 ok lah'))).toEqual(['89 SGD']);
    // A sum read before the place narrowed moves with it, at its first mention; batch and live alike.
    expect(findAmountNotes(call('so refund the 89 lah', 'i pay with touch n go'))).toMatchObject([
      { value: 89, currency: 'MYR', utterance: 0 },
    ]);
    // A named currency still outranks the place.
    expect(sums(call('it was US$89 lah', 'refund the 89'))).toEqual(['89 USD']);
  });

  it("never takes a product's origin for the market, nor moves 块 by a variety word", () => {
    expect(sums(call('我们的白咖啡是马来西亚槟城产的', '一箱128块'))).toEqual(['128 CNY']);
    expect(sums(call('台湾凤梨酥 正宗的', '两盒九十九块'))).toEqual(['99 CNY']);
    // shiok places a bare $ in Singapore, not 块; PayNow, Singapore's own service, does.
    expect(sums(call('the sound really shiok', '599块 worth it'))).toEqual(['599 CNY']);
    expect(sums(call('can PayNow me', '二十块就好'))).toEqual(['20 SGD']);
  });
});
