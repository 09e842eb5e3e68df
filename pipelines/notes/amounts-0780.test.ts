/**
 * Decision 0780: amount mechanisms behind blind set Q's errors, on phrasings written for these tests
 * (none is in an eval set): the currency a call's region or platform says (a Taiwanese store
 * pickup, Lazada/Shopee, Canada), Chinese after-sales sums (a page price, a top-up, a set's price,
 * an accessory, a haggled price) and a spoken price before an order event.
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { callSums } from './testing/sums.js';

describe("a sum's currency from the call's region or platform", () => {
  eachMapsTo('%j → %j', callSums, [
    // a Taiwanese convenience-store pickup: 元 is the new Taiwan dollar
    [['包裹到全家【民權門市】了嗎', '到了喔 取貨時付650元就可以'], ['650 TWD']],
    [['取貨的時候店員會問手機末三碼', '好 那金額是420元對嗎'], ['420 TWD']],
    // 門市 alone and 全家 (the whole family) place nothing (hard negatives)
    [['门市价是399元 线上便宜一点'], ['399 CNY']],
    [['全家都在用 这个买了299元'], ['299 CNY']],
    // Lazada or Shopee named in English: a bare dollar is Singapore's
    [['i bought the kettle on shopee last week', 'ok we refund you thirty dollar can'], ['30 SGD']],
    // …unless the call names its money
    [['the lazada order came broken, i paid RM 89', 'ok refund the 89'], ['89 MYR']],
    // Canada's transfer and post
    [['i paid by interac e-transfer', 'we will send the $65 back today'], ['65 CAD']],
    // an American call stays in US dollars (hard negative)
    [['the usps box came crushed', 'we will send the $65 back today'], ['65 USD']],
  ]);
});

describe('Chinese after-sales sums', () => {
  eachMapsTo('%j → %j', callSums, [
    // the page price a buyer compares (价保)
    [['上周买的吹风机 1599 今天页面上1399了 能补吗'], ['1599 CNY', '1399 CNY']],
    // a top-up
    [['昨天充了50的话费还没到账'], ['50 CNY']],
    // a set's price after the single one
    [['单瓶69 两瓶装128'], ['69 CNY', '128 CNY']],
    // an accessory priced by name, spoken
    [['遥控器是四十五 您在店里拍就行'], ['45 CNY']],
    // a haggled price, and the floor the shop gives
    [
      ['这个尤克里里360 能不能少点', '最低给您330'],
      ['360 CNY', '330 CNY'],
    ],
    // a quantity, a date or a phone number beside the same words is no sum (hard negatives)
    [['我给13800138000充的 两瓶装的发了1瓶'], []],
    [['页面上3天发货 现在都5天了'], []],
    [['页面上显示库存20 最低温度16', '充值账号 123456 已经提交了'], []],
  ]);
});

describe('a spoken price and the order events after it', () => {
  eachMapsTo('%j → %j', callSums, [
    [['okay i can see it seventy nine ninety five returned on the fourth'], ['79.95 USD']],
    [['so that is seventy two forty refunded on the ninth'], ['72.4 USD']],
    // an hour before a delivery is no sum (hard negative)
    [['the parcel two thirty delivered on monday'], []],
    // a time before the same words is no sum (hard negative)
    [['it came at nine thirty delivered on the porch'], []],
    // a model year that names the thing priced is no sum
    [['the 2024 one is $649 and the new one is $699'], ['649 USD', '699 USD']],
  ]);
});
