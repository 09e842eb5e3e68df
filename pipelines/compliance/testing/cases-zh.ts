import type { Case } from './cases.js';

const m = 'merchant' as const;
const c = 'customer' as const;

/** Chinese cases: violations (with the category expected on the last line) and hard negatives. */
export const ZH_CASES: Case[] = [
  // contact_exchange
  { lines: [[m, '亲，加我微信吧，这边说不清楚']], expect: 'contact_exchange', evidence: '加我微信' },
  { lines: [[m, '你加一下我薇信，发你图片']], expect: 'contact_exchange' },
  { lines: [[m, '加我 V X 详聊']], expect: 'contact_exchange', evidence: '加我 V X' },
  { lines: [[m, '加我ｖｘ，ｋｅｆｕ８８９９']], expect: 'contact_exchange' },
  { lines: [[m, '我的微信号是 abc8899，你搜一下']], expect: 'contact_exchange' },
  { lines: [[m, '加 微 信 吧 亲']], expect: 'contact_exchange' },
  { lines: [[m, '你加我威信，我把视频发你']], expect: 'contact_exchange' },
  { lines: [[m, '加我扣扣，三八二九一七四六五']], expect: 'contact_exchange' },
  { lines: [[m, '你留个电话，我私下打给你']], expect: 'contact_exchange' },
  { lines: [[m, '我手机号13812345678，有事直接打']], expect: 'contact_exchange' },
  { lines: [[m, '记一下，幺三八 一二三四 五六七八']], expect: 'contact_exchange' },
  {
    lines: [
      [m, '加我一下'],
      [m, 'abc8899'],
    ],
    expect: 'contact_exchange',
    evidence: 'abc8899',
  },
  {
    lines: [
      [m, '加我一下'],
      [m, '微信号是 abc8899'],
    ],
    expect: 'contact_exchange',
    evidence: '微信号是 abc8899',
  },
  {
    lines: [
      [c, '能加你微信吗？'],
      [m, '可以的亲'],
    ],
    expect: 'contact_exchange',
    // The answer frame's evidence is the assent itself (zh.contact.invite-frame@2).
    evidence: '可以的',
  },
  { lines: [[m, '这里不方便说，我们私下联系']], expect: 'contact_exchange' },
  { lines: [[m, '加我WhatsApp，发你图片']], expect: 'contact_exchange', evidence: '加我WhatsApp' },
  { lines: [[m, '我们抖音也有直播间，欢迎来看']], expect: null },
  { lines: [[m, '不要加微信，平台上说就行']], expect: null },
  { lines: [[m, '有人让你加微信转账都是骗子，您千万小心']], expect: null },
  { lines: [[m, '可以用微信支付的亲']], expect: null },
  {
    lines: [
      [c, '我可以用微信付款吗？'],
      [m, '可以的，下单选微信支付就行'],
    ],
    expect: null,
  },
  {
    lines: [
      [c, '能加你微信吗？'],
      [m, '不好意思亲，平台不允许加微信'],
    ],
    expect: null,
  },
  { lines: [[c, '加我微信吧，方便点']], expect: null },
  { lines: [[m, '请问您的收货电话是多少？快递员需要联系您']], expect: null },
  {
    lines: [
      [m, '麻烦留一下收货人电话'],
      [c, '13812345678'],
    ],
    expect: null,
  },
  {
    lines: [
      [c, '我电话是13812345678'],
      [m, '13812345678，好的，我核对一下'],
    ],
    expect: null,
  },
  { lines: [[m, '您的订单号是240611587736219']], expect: null },
  { lines: [[m, '平台规定不能私下联系，有问题在这里沟通']], expect: null },
  { lines: [[m, '退款到账了微信会有通知']], expect: null },
  { lines: [[m, '您可以打我们的客服热线4008123123']], expect: null },
  { lines: [[m, '型号是abc8899，您在详情页可以看到']], expect: null },
  // off_platform_payment
  { lines: [[m, '你直接转到我支付宝，我给你便宜十块']], expect: 'off_platform_payment' },
  { lines: [[m, '别在平台拍了，微信转我就行']], expect: 'off_platform_payment' },
  { lines: [[m, '咱们私下交易，省手续费']], expect: 'off_platform_payment', evidence: '私下交易，省手续费' },
  { lines: [[m, '钱打到我银行卡上就行']], expect: 'off_platform_payment' },
  { lines: [[m, '我私下转您12块钱，比平台退款快']], expect: 'off_platform_payment', evidence: '私下转您' },
  { lines: [[m, '我微信私下转您十块，您别申请售后了']], expect: 'off_platform_payment' },
  { lines: [[m, '退款我会在平台上直接退给您']], expect: null },
  { lines: [[m, '扫一下我的收款码付款']], expect: 'off_platform_payment' },
  { lines: [[m, '线下付款可以便宜']], expect: 'off_platform_payment' },
  { lines: [[m, '我直接微信转你二十块补偿']], expect: 'off_platform_payment' },
  {
    lines: [
      [c, '我直接支付宝转给你行吗？'],
      [m, '行啊'],
    ],
    expect: 'off_platform_payment',
  },
  { lines: [[m, '平台不允许私下交易，请您在平台下单']], expect: null },
  { lines: [[m, '如果有人让你私下转账，一定是骗子']], expect: null },
  { lines: [[c, '可以用微信支付吗？']], expect: null },
  { lines: [[m, '退款会原路退回您的微信零钱']], expect: null },
  { lines: [[m, '不用在平台上下单了，我直接给您补发一个']], expect: null },
  {
    lines: [
      [c, '我能私下转你吗？'],
      [m, '不行的亲，只能平台付款'],
    ],
    expect: null,
  },
  { lines: [[m, '扫这个二维码可以看安装视频']], expect: null },
  // review_manipulation
  { lines: [[m, '给个五星好评返现五元']], expect: 'review_manipulation' },
  { lines: [[m, '好评晒图送你一个小礼物']], expect: 'review_manipulation' },
  { lines: [[m, '您把差评删了，我给您补偿']], expect: 'review_manipulation' },
  { lines: [[m, '差评能不能改成好评，我给您返十块']], expect: 'review_manipulation' },
  { lines: [[m, '好评返现，截图发给我']], expect: 'review_manipulation' },
  { lines: [[c, '好评有返现吗？']], expect: null },
  { lines: [[m, '我们不做好评返现，您如实评价就好']], expect: null },
  { lines: [[m, '满意的话给个好评哦']], expect: null },
  { lines: [[c, '我想删掉差评，怎么操作？']], expect: null },
  { lines: [[m, '平台禁止好评返现的']], expect: null },
  // abuse
  { lines: [[m, '你是不是有病啊']], expect: 'abuse' },
  { lines: [[c, '你们就是一群傻逼']], expect: 'abuse' },
  { lines: [[m, '滚，别再来烦我']], expect: 'abuse' },
  { lines: [[c, '你给我等着，我弄死你']], expect: 'abuse' },
  { lines: [[m, '我知道你住哪，找人收拾你']], expect: 'abuse' },
  { lines: [[c, '笑死我了，这个也太好用了']], expect: null },
  { lines: [[c, '气死我了，快递又晚了']], expect: null },
  { lines: [[m, '这个滚筒洗衣机要先调水位']], expect: null },
  { lines: [[m, '您稍等，我查一下']], expect: null },
  { lines: [[m, '累死了今天发了一千单']], expect: null },
  { lines: [[m, '拆的时候您小心点手']], expect: null },
  // privacy_request
  { lines: [[m, '把你收到的验证码发我一下']], expect: 'privacy_request' },
  { lines: [[m, '告诉我你的支付密码，我帮你退']], expect: 'privacy_request' },
  { lines: [[m, '你的银行卡号是多少？']], expect: 'privacy_request' },
  { lines: [[m, '把身份证号报给我']], expect: 'privacy_request' },
  { lines: [[m, '验证码不要告诉任何人']], expect: null },
  { lines: [[m, '任何人问你要银行卡密码都是骗子']], expect: null },
  { lines: [[m, '路由器默认密码在背面贴纸上']], expect: null },
  { lines: [[m, '跨境商品清关需要提供身份证号，在平台订单里填写']], expect: null },
  { lines: [[c, '你们要我的身份证号吗？']], expect: null },
  // prohibited_claim
  { lines: [[m, '这个茶能根治高血压']], expect: 'prohibited_claim' },
  { lines: [[m, '我们的产品包治百病']], expect: 'prohibited_claim' },
  { lines: [[m, '百分百有效，没有任何副作用']], expect: 'prohibited_claim' },
  { lines: [[m, '这个锅永不生锈']], expect: 'prohibited_claim' },
  { lines: [[m, '吃了这个就不用吃药了']], expect: 'prohibited_claim' },
  { lines: [[m, '这是食品，不能代替药物']], expect: null },
  { lines: [[m, '这是治愈系的玩偶']], expect: null },
  { lines: [[m, '百分百纯棉的，放心']], expect: null },
  { lines: [[m, '绝对给您处理好，放心']], expect: null },
  { lines: [[c, '这个能治好我的失眠吗？']], expect: null },
  // refund_obstruction
  { lines: [[m, '你要是退货我就拉黑你']], expect: 'refund_obstruction' },
  { lines: [[m, '不给退，你爱找谁找谁']], expect: 'refund_obstruction' },
  { lines: [[m, '你把退款申请撤销了，我私下给你二十块']], expect: 'refund_obstruction' },
  { lines: [[m, '敢退货就给你差评']], expect: 'refund_obstruction' },
  { lines: [[m, '退款我们不同意']], expect: 'refund_obstruction' },
  { lines: [[m, '您放心，我们不会不给您退的']], expect: null },
  { lines: [[m, '定制商品不支持七天无理由，详情页写了']], expect: null },
  { lines: [[m, '您申请退货就行，七天无理由']], expect: null },
  { lines: [[m, '这个颜色不退色的']], expect: null },
  { lines: [[c, '你们不给退我就投诉']], expect: null },
];
