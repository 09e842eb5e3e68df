import type { LabelledQuery } from '../retrieval-eval.js';

/**
 * Customer turns as they are said on calls (not copied from the policies), each labelled with
 * the policies that answer it. Used by the retrieval test (a floor) and `npm run bench`.
 */
export const RETRIEVAL_QUERIES: LabelledQuery[] = [
  { language: 'zh', query: '我买的芒果到了一看好几个都烂了', relevant: ['zh.fresh.bad-fruit'] },
  { language: 'zh', query: '橙子有三个发霉了怎么处理', relevant: ['zh.fresh.bad-fruit'] },
  { language: 'zh', query: '草莓压坏了，汁都流出来了', relevant: ['zh.fresh.bad-fruit'] },
  { language: 'zh', query: '衣服不太喜欢，还没穿过，可以退吗', relevant: ['zh.return.7day'] },
  { language: 'zh', query: '拍错尺码了想退掉', relevant: ['zh.return.7day'] },
  { language: 'zh', query: '化妆品拆开了不想要了能退吗', relevant: ['zh.return.exclusions'] },
  { language: 'zh', query: '定做的窗帘可以无理由退货吗', relevant: ['zh.return.exclusions'] },
  { language: 'zh', query: '付款三天了还没发货', relevant: ['zh.shipping.late'] },
  {
    language: 'zh',
    query: '物流好几天都不动了，能给点补偿吗',
    relevant: ['zh.shipping.late', 'zh.compensation.coupon'],
  },
  { language: 'zh', query: '你们发错了，我买的是白色的收到黑色', relevant: ['zh.shipping.reship'] },
  { language: 'zh', query: '杯子寄过来碎了一个，能补发吗', relevant: ['zh.shipping.reship', 'zh.quality.return'] },
  { language: 'zh', query: '吹风机用了一次就不工作了', relevant: ['zh.quality.return'] },
  { language: 'zh', query: '充电宝充不进电，退货运费谁出', relevant: ['zh.quality.return'] },
  { language: 'zh', query: '包裹里少了一双袜子', relevant: ['zh.missing.items'] },
  { language: 'zh', query: '配件没有给我，缺了充电线', relevant: ['zh.missing.items'] },
  { language: 'zh', query: '洗衣机到了，什么时候有师傅上门安装', relevant: ['zh.install.service'] },
  { language: 'zh', query: '空调不会装，能不能视频教我一下', relevant: ['zh.install.service'] },
  { language: 'zh', query: '我刚买完第二天就降价了，能退差价吗', relevant: ['zh.price.protect'] },
  { language: 'zh', query: '退款申请通过了，钱多久能到账', relevant: ['zh.refund.timing'] },
  { language: 'zh', query: '东西才九块九，坏了也不想寄回去了', relevant: ['zh.refund.only'] },
  { language: 'zh', query: '快递显示签收了但我根本没收到货', relevant: ['zh.refund.only'] },
  { language: 'zh', query: '收到的实物和图片颜色差太多了', relevant: ['zh.not-as-described'] },
  { language: 'zh', query: '需要拍什么照片给你们', relevant: ['zh.evidence.photos'] },
  {
    language: 'zh',
    query: '等了这么久，你们总得给个说法吧，送张券也行',
    relevant: ['zh.compensation.coupon', 'zh.shipping.late'],
  },
  { language: 'en', query: 'half the peaches in the box are mouldy', relevant: ['en.fresh.bad-fruit'] },
  { language: 'en', query: 'the avocados arrived bruised and rotten', relevant: ['en.fresh.bad-fruit'] },
  { language: 'en', query: 'I changed my mind about the jacket, can I send it back?', relevant: ['en.return.7day'] },
  {
    language: 'en',
    query: 'I opened the lipstick but I do not like the colour, can I return it',
    relevant: ['en.return.exclusions'],
  },
  { language: 'en', query: 'it has been four days and my order still has not shipped', relevant: ['en.shipping.late'] },
  {
    language: 'en',
    query: 'tracking has not updated for a week, I want some compensation',
    relevant: ['en.shipping.late', 'en.compensation.coupon'],
  },
  { language: 'en', query: 'you sent me the wrong item, I ordered the blue one', relevant: ['en.shipping.reship'] },
  {
    language: 'en',
    query: 'the lamp arrived cracked, can you send another one',
    relevant: ['en.shipping.reship', 'en.quality.return'],
  },
  { language: 'en', query: 'the power bank stopped working after two days', relevant: ['en.quality.return'] },
  { language: 'en', query: 'who pays the return shipping for a faulty kettle', relevant: ['en.quality.return'] },
  { language: 'en', query: 'the charging cable was not in the box', relevant: ['en.missing.items'] },
  { language: 'en', query: 'I only received two of the three shirts', relevant: ['en.missing.items'] },
  {
    language: 'en',
    query: 'when can a technician come to install the washing machine',
    relevant: ['en.install.service'],
  },
  {
    language: 'en',
    query: 'the price dropped right after I paid, can I get the difference back',
    relevant: ['en.price.protect'],
  },
  { language: 'en', query: 'how long until the refund shows up on my card', relevant: ['en.refund.timing'] },
  { language: 'en', query: 'the parcel never arrived, it says delivered', relevant: ['en.refund.only'] },
  { language: 'en', query: 'it was only three dollars, I do not want to mail it back', relevant: ['en.refund.only'] },
  {
    language: 'en',
    query: 'the sweater looks nothing like the photos on the listing',
    relevant: ['en.not-as-described'],
  },
  { language: 'en', query: 'what pictures do you need from me', relevant: ['en.evidence.photos'] },
  {
    language: 'en',
    query: 'this was a terrible experience, can you give me a voucher',
    relevant: ['en.compensation.coupon'],
  },
];
