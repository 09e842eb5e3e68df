import type { Case } from './cases.js';

const m = 'merchant' as const;
const c = 'customer' as const;

/**
 * Fixes after the second blind analyze eval (eval/analyze-b): ids that are really English words
 * joined across spaces, English absolute and cure claims in other words, veiled threats, paying
 * the buyer to withdraw a refund, handles on Instagram-like apps, code-switched review removal,
 * payment accounts asked for in answer to the buyer, and texted codes read out as "digits".
 * Worded differently from the eval; each fix comes with hard negatives that share its keywords.
 */
export const RECALL_B_CASES: Case[] = [
  // contact_exchange id follow-up: an id is one token, not English words the squeezed view joined
  {
    lines: [
      [m, '有事你加我一下'],
      [m, '搜 shop_amy7 就能找到'],
    ],
    expect: 'contact_exchange',
    evidence: 'shop_amy7',
  },
  {
    lines: [
      [m, '回头你加我一下'],
      [m, 'OK 我再 give you a 20 percent discount on 下一单'],
    ],
    expect: null,
  },
  {
    lines: [
      [m, '你加我一下'],
      [m, '算了，we can ship it in 3 days 走平台'],
    ],
    expect: null,
  },
  {
    lines: [
      [m, '那你加我一下收藏'],
      [m, 'Give me 2 days 我查一下库存'],
    ],
    expect: null,
  },
  // semantic layer: on a long line, the clause holding the evidence is judged on its own before rejecting
  {
    lines: [
      [
        m,
        'Okay, I checked the tracking and the parcel left the warehouse this morning, and honestly this ointment heals psoriasis in a week, so keep using it',
      ],
    ],
    expect: 'prohibited_claim',
    evidence: 'heals psoriasis',
  },
  {
    lines: [[m, '好的亲，物流显示今天上午已经出库了，明天应该能到，另外你加我微信 mia_kefu2 吧，有问题直接找我']],
    expect: 'contact_exchange',
  },
  {
    lines: [
      [
        m,
        'The courier will call the number on your order before ten, and please never share your verification code with anyone who messages you',
      ],
    ],
    expect: null,
  },
  // prohibited_claim: "a hundred percent safe", "gone for good, guaranteed", 百分之百的<noise/germs>
  { lines: [[m, 'Relax, this teething gel is one hundred per cent safe for babies']], expect: 'prohibited_claim' },
  {
    lines: [[m, 'Use it twice a day and the dark spots are gone forever, I guarantee it']],
    expect: 'prohibited_claim',
  },
  { lines: [[m, '这台净化器能 filter 掉百分之百的甲醛，放心用']], expect: 'prohibited_claim' },
  { lines: [[m, 'No sunscreen is a hundred percent safe for every skin type, so patch test first']], expect: null },
  { lines: [[m, 'Once it airs out for a day, the smell will be gone for good']], expect: null },
  { lines: [[m, '面料是百分之百的纯棉，透气性很好']], expect: null },
  { lines: [[m, '没有哪个净化器能去除百分之百的甲醛，我们标的是去除率95%']], expect: null },
  // abuse: "too dumb to", veiled threats about the buyer's address, 嫌垃圾就别买
  { lines: [[c, 'Is your whole team too stupid to read an address label?']], expect: 'abuse' },
  { lines: [[m, 'Delete that post. We know where you live, remember that.']], expect: 'abuse' },
  { lines: [[m, "We've got your home address, keep that in mind."]], expect: 'abuse' },
  { lines: [[m, '嫌我们东西烂就别来买，没人求你']], expect: 'abuse' },
  { lines: [[c, "Honestly I'm too dumb to set up the app, can you walk me through it?"]], expect: null },
  { lines: [[m, "We've got your address on file, just so you know the courier comes Tuesday"]], expect: null },
  { lines: [[c, '这锅质量太垃圾了，我要退货']], expect: null },
  { lines: [[m, '您要是嫌这款颜色不好看，可以换一个颜色']], expect: null },
  // refund_obstruction: "refunds aren't happening", reporting the buyer for opening a case; paying to withdraw
  { lines: [[m, "Look, your refund for that order isn't going to happen, full stop"]], expect: 'refund_obstruction' },
  { lines: [[m, "If you really file a dispute over this, we'll flag your account"]], expect: 'refund_obstruction' },
  { lines: [[m, '您把这个申请先撤销了，我给您返20块，当补偿']], expect: 'refund_obstruction' },
  { lines: [[m, "Your refund isn't happening until the parcel reaches our warehouse"]], expect: null },
  { lines: [[m, "If you open a case, we'll respond within 24 hours"]], expect: null },
  { lines: [[m, '您把申请撤了重新提交一下，选退货退款']], expect: null },
  // off_platform_payment: 单独给您转N块; asking for the buyer's Alipay account, also after "转哪儿"
  { lines: [[m, '差价我另外给您转8块，您看行吗']], expect: 'off_platform_payment' },
  { lines: [[m, '方便的话您把微信收款码发我，我直接补给您']], expect: 'off_platform_payment' },
  {
    lines: [
      [c, '钱转到哪里？转支付宝吗？'],
      [m, '微信就行，您把账户发我'],
    ],
    expect: 'off_platform_payment',
  },
  { lines: [[m, '运费我们通过平台小额打款单独给您转8块']], expect: null },
  { lines: [[m, '我另外给您转接一下售后专员']], expect: null },
  {
    lines: [
      [c, '付款用微信还是支付宝？'],
      [m, '微信就行，下单时选微信支付'],
    ],
    expect: null,
  },
  { lines: [[m, '退款会原路退回您的支付宝，不用把支付宝账号发我']], expect: null },
  // contact_exchange: a social app handle with "DM me"
  {
    lines: [[m, "We're on Instagram too, it's at lunaknits_shop, message me there for the custom sizes"]],
    expect: 'contact_exchange',
  },
  {
    lines: [[m, 'Someone tagged us on Instagram, but please message us here in the chat for the order']],
    expect: null,
  },
  // review_manipulation: code-switched review removal for money
  { lines: [[m, '亲，您那个 review 可以 remove 一下吗？remove 了我补您 10 块']], expect: 'review_manipulation' },
  { lines: [[m, '您的评价我们看到了，已经在改进，运费我们补您10块']], expect: null },
  // privacy_request: the texted code asked for as "digits"
  { lines: [[m, '一会儿您会收到平台发的短信，里面有个四位数，报给我一下']], expect: 'privacy_request' },
  { lines: [[m, '快递短信里的取件码是六位数，您直接去柜子取就行']], expect: null },
  { lines: [[m, '您把订单号后六位数字报给我，我查一下']], expect: null },
  // a scam warning in the line before does not carry over a change of subject (对了 / by the way)
  {
    lines: [
      [m, '有人打电话说是客服让您转账，那都是骗子，别理'],
      [m, '另外，系统会给您发条短信，把里面的四位数字报给我'],
    ],
    expect: 'privacy_request',
  },
  {
    lines: [
      [m, 'Watch out for scam texts pretending to be us.'],
      [m, 'By the way, read me the six-digit code we just texted you'],
    ],
    expect: 'privacy_request',
  },
  {
    lines: [
      [m, '有人让你加微信转账都是骗子'],
      [m, '他们还会说把短信里的六位数字报给他'],
    ],
    expect: null,
  },
  {
    lines: [
      [m, 'Scammers are everywhere these days.'],
      [m, "They'll ask you to read them the code they just sent"],
    ],
    expect: null,
  },
];
