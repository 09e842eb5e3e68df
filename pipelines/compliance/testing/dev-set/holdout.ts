import { devCases } from './dsl.js';

/**
 * Held out: written after the frames were built and run once before any change (first-run
 * figures are in docs/decisions/0120-compliance-frames.md). Phrasings deliberately unlike the
 * development set.
 */
export const HOLDOUT = [
  ...devCases(
    'privacy_request',
    'zh',
    [
      '亲 系统刚推送了一条短信 里面的数字麻烦念一下',
      '你银行卡正面那串号码拍个照给我',
      '登录淘宝的密码是几位数 跟我说说',
      '验证码麻烦您回复在这里哈',
    ],
    ['验证码是您账户安全的最后一道防线 谁要都别给', '小妹只需要您的订单号哦', 'c: 验证码发你了 怎么还没好'],
  ),
  ...devCases(
    'privacy_request',
    'en',
    [
      'Just need the code that came through on your phone',
      "What's your mother's maiden name and the card's security code?",
      'Would you mind typing your online banking password here so I can check',
    ],
    [
      'Never give your one-time code to anyone who contacts you',
      'Could you share a photo of the damaged box?',
      "c: here's the code 448213",
    ],
  ),
  ...devCases(
    'contact_exchange',
    'zh',
    ['有啥事直接扣我 2918834', '小妹的vx是 meimei_2024 有空来聊', '您手机号给我一个 我私下打给您说'],
    ['平台不让留联系方式 您有事在这留言就行', '亲 麻烦把收货手机号核对一下', 'c: 能不能给我个电话 这样沟通太慢了'],
  ),
  ...devCases(
    'contact_exchange',
    'en',
    [
      "let's continue on whatsapp, I'll send you pics there",
      "Ping me on Telegram, I'm @shopguy_99",
      "Drop me your cell and I'll ring you tonight",
    ],
    [
      'Please reply here, we can only help through this chat',
      'c: whats your whatsapp',
      'Our driver may text you on the day of delivery',
    ],
  ),
  ...devCases(
    'off_platform_payment',
    'zh',
    ['剩下的二百 您支付宝转给小妹就行', '不用拍链接了 直接把钱打我卡里', '订单取消吧 钱您微信给我 我照样发货'],
    ['运费差价您在补差价链接拍一下哈', '钱已经原路退回了 注意查收', 'c: 能走支付宝吗'],
  ),
  ...devCases(
    'off_platform_payment',
    'en',
    [
      'Send the $40 to my PayPal and I will mark it paid',
      'Skip checkout, just Zelle it to me',
      'You can pay me by bank transfer, details below',
    ],
    [
      'All payments go through checkout, we never take transfers',
      'c: can I zelle you?',
      'Your refund went back to your card this morning',
    ],
  ),
  ...devCases(
    'review_manipulation',
    'zh',
    ['亲 好评加三张图 再返您八块', '把那个一星撤了吧 这单小妹给您退二十', '写个长评 我送您一瓶洗衣液'],
    ['好评差评都是您的自由哈', '您的追评我们已经回复了', 'c: 给好评送东西吗'],
  ),
  ...devCases(
    'review_manipulation',
    'en',
    [
      "If you could bump that to five stars I'll refund your shipping",
      'Post a 5-star review and get 15% off your next order',
      'Take that 2-star down and I will send a free replacement',
    ],
    [
      'Thanks for the five stars!',
      "We can't reward reviews in any way",
      'c: if I change my review do I get something?',
    ],
  ),
  ...devCases(
    'abuse',
    'zh',
    ['你是猪吗 说了三遍了', '这么便宜还挑 你怎么不去抢', '我知道你在哪个小区 别逼我'],
    ['这猪肉脯卖得太好了', '小妹太蠢了 发错货了', 'c: 我去 这么快就到了'],
  ),
  ...devCases(
    'abuse',
    'en',
    ['Are you dense or what?', 'Go cry to someone else, loser', "I've got your address, so think carefully"],
    [
      'This thing is stupid good, honestly',
      'I was an idiot and shipped the wrong color, sorry!',
      "We'll drop the replacement at your address tomorrow",
    ],
  ),
  ...devCases(
    'prohibited_claim',
    'zh',
    ['这个茶喝一个月 痛风就彻底好了', '这把刀终身不用磨', '我们是全网卖得最便宜的'],
    ['这个不能替代药品 有病要去看医生', '刀要定期磨一下才好用', 'c: 能治痛风吗'],
  ),
  ...devCases(
    'prohibited_claim',
    'en',
    ['These gummies cure insomnia, guaranteed', 'The lowest price anywhere on the web', 'This jacket will never tear'],
    [
      "It's not intended to treat any disease",
      'c: does this cure insomnia?',
      'It is hard to tear, but take care with sharp edges',
    ],
  ),
  ...devCases(
    'refund_obstruction',
    'zh',
    ['退款？不可能的 别想了', '您要是敢退 我就挂您差评', '申请撤了吧 我另外给您包个十块红包'],
    ['已经超过七天了 这边没法办理无理由退货', '退货地址已经发您了 寄回就行', '生鲜商品签收后不支持无理由退'],
  ),
  ...devCases(
    'refund_obstruction',
    'en',
    [
      "We're not giving you your money back, end of story",
      'Cancel that return and I will send you $15 directly',
      'If you file that claim I will flag your account',
    ],
    [
      'Refunds take 5-7 business days after we receive the item',
      'Sorry, custom prints cannot be returned',
      "I can't approve refunds myself, I've passed it to my supervisor",
    ],
  ),
];
