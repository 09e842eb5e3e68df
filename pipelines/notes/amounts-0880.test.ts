/**
 * Decision 0880: amount mechanisms behind blind set S's errors, on phrasings written for these tests
 * (none is in an eval set or in the notess probe): a dollar named later settles the bare dollars said
 * before it, the shop's own post and premises place the call, a sum's own currency sign beats a code
 * after it, haggled offers, and counts that are no money (digits, nights, waist sizes, model years,
 * a store named 7-11, a year said before what it dates).
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { callSums } from './testing/sums.js';

describe('a dollar named later settles the bare dollars before it', () => {
  eachMapsTo('%j → %j', callSums, [
    [
      ['the install guy charged me $120 to put it together', 'we can cover C$60 of that as a credit'],
      ['120 CAD', '60 CAD'],
    ],
    [['I paid $35 for the cover', 'ok, S$35 back to your card today'], ['35 SGD']],
    // a dollar named first stays what it is; a yuan named later moves no dollar (hard negatives)
    [
      ['it was US$80', 'and the strap was $15'],
      ['80 USD', '15 USD'],
    ],
    [
      ['the charger was $25', '运费我们退您10元'],
      ['25 USD', '10 CNY'],
    ],
  ]);
});

describe("the shop's own post, couriers and premises place the call", () => {
  eachMapsTo('%j → %j', callSums, [
    [['it went out by Xpresspost yesterday', 'I paid $74 with the shipping'], ['74 CAD']],
    [['we shipped it from our Brisbane warehouse', 'the refund is $46'], ['46 AUD']],
    [['it came by Royal Mail', 'I paid 30 for it with the postage'], ['30 GBP']],
    // a city named as the buyer's destination places nothing (hard negative)
    [['can you ship it to Toronto?', 'sure, it is $52 with shipping'], ['52 USD']],
  ]);
});

describe("a sum's own currency before it beats a code after it", () => {
  eachMapsTo('%j → %j', callSums, [
    [['my RM95 CNY gift box arrived crushed'], ['95 MYR']],
    [['the S$40 CNY bundle never came'], ['40 SGD']],
    // a code alone still names the currency (hard negative)
    [['I was charged 260 CNY for it'], ['260 CNY']],
  ]);
});

describe('an offer while haggling is a price', () => {
  eachMapsTo('%j → %j', callSums, [
    [
      ['这个耳机还在吗', '在 最低650了', '600行不行', '620吧 不能再少了'],
      ['650 CNY', '600 CNY', '620 CNY'],
    ],
    [
      ['部相機仲有冇', '有 HK$1,800', '1,650得唔得'],
      ['1800 HKD', '1650 HKD'],
    ],
    // a size, a count or a time offered the same way is no price (hard negatives)
    [['那换个42码吧'], []],
    [['那就拿3个吧'], []],
    [['最低3天到'], []],
  ]);
});

describe('counts that are no money', () => {
  eachMapsTo('%j → %j', callSums, [
    [['please read me all 16 digits on the card'], []],
    [['it is the 3-digit code on the back'], []],
    [['我们支持试睡一百晚 不满意可以退'], []],
    [['那30腰的还有吗'], []],
    [['您这台是2019款的 配件不通用'], []],
    [['我到7-11取件 运费你们出吗'], []],
    [['i ordered a mirror for a twenty twelve camry and got the wrong side'], []],
    // a spoken sum after an article is still money (hard negative)
    [['do you want the refund of the one forty nine or a new one'], ['149 USD']],
  ]);
});
